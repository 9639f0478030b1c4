package dev.policybot.domain.port;

import dev.policybot.domain.UnderstoodQuery;
import java.util.Set;

/**
 * Port: reads a question before retrieval (its language, an English rewording, the policy words it means, and the
 * topics and documents it is about), so the retriever can search with the documents' own vocabulary.
 * {@link #NONE} leaves the question as typed.
 */
@FunctionalInterface
public interface QueryUnderstanding {
    QueryUnderstanding NONE = (question, platformWords) -> UnderstoodQuery.plain(question);

    /**
     * What {@code question} asks, for retrieval; never {@code null}.
     *
     * @param platformWords the words of the question that name the platforms searched (lower case), left out of the
     *                      searched wording; empty when unknown
     */
    UnderstoodQuery understand(String question, Set<String> platformWords);
}
