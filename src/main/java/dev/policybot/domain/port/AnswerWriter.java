package dev.policybot.domain.port;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchResult;

/** Port: writes an answer to a question from the retrieved clauses (extractively or with an LLM). */
@FunctionalInterface
public interface AnswerWriter {
    Answer write(Question question, SearchResult evidence);
}
