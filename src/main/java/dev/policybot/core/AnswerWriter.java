package dev.policybot.core;

/** Port: writes an answer to a question from the retrieved clauses (extractively or with an LLM). */
@FunctionalInterface
public interface AnswerWriter {
    Answer write(Question question, SearchResult evidence);
}
