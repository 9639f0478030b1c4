package dev.policybot.domain.port;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.change.HistoryNote;
import java.util.Optional;

/**
 * Port: the one history line an answer may carry — a dated change, on the question's topic, of a document the answer
 * cites — with the earlier wording quoted from the version it names.
 */
@FunctionalInterface
public interface HistoryLookup {
    /** No history: answers carry no history line. */
    HistoryLookup NONE = (question, answer) -> Optional.empty();

    /** The line for {@code answer} to {@code question}, or empty when nothing relevant changed. */
    Optional<HistoryNote> noteFor(Question question, Answer answer);
}
