package dev.policybot.core;

/**
 * Port: reads a question before retrieval (its language, an English rewording, the policy words it means, and the
 * topics and documents it is about), so the retriever can search with the documents' own vocabulary.
 * {@link #NONE} leaves the question as typed.
 */
@FunctionalInterface
public interface QueryUnderstanding {
    QueryUnderstanding NONE = UnderstoodQuery::plain;

    /** What {@code question} asks, for retrieval; never {@code null}. */
    UnderstoodQuery understand(String question);
}
