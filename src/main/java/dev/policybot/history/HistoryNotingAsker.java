package dev.policybot.history;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.HistoryLookup;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers as the wrapped asker does, then adds the answer's history line when a cited document changed on topic —
 * unless the answer already has one (a model answer gets it with its excerpts).
 */
public final class HistoryNotingAsker implements Asker {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryNotingAsker.class);

    private final Asker answers;
    private final HistoryLookup history;

    public HistoryNotingAsker(Asker answers, HistoryLookup history) {
        this.answers = answers;
        this.history = history;
    }

    @Override
    public Answer ask(Question question) {
        Answer answer = answers.ask(question);
        if (!answer.history().isEmpty()) {
            return answer;
        }
        try {
            return history.noteFor(question, answer)
                    .map(note -> answer.withHistory(List.of(note)))
                    .orElse(answer);
        } catch (RuntimeException e) {
            // the answer stands without its history line; the archive may be mid-rewrite or damaged
            LOG.warn("finding the history line of an answer failed", e);
            return answer;
        }
    }
}
