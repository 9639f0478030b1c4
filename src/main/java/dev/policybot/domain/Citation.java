package dev.policybot.domain;

/**
 * A numbered reference from an answer to the clause that supports it.
 *
 * @param n      the number shown in the answer, from 1
 * @param clause the cited clause
 * @param quote  the verbatim sentence or two of the clause that supports the answer
 */
public record Citation(int n, Clause clause, String quote) {}
