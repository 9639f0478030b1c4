package dev.policybot.core;

/** A retrieved clause with the score its retriever gave it (higher is better; comparable within one result list). */
public record ScoredClause(Clause clause, double score) {
}
