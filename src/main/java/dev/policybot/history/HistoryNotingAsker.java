package dev.policybot.history;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.Question;
import dev.policybot.domain.Topic;
import dev.policybot.domain.port.Asker;
import dev.policybot.topic.TopicClassifier;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers as the wrapped asker does, then adds the answer's history line when a cited document changed on topic. */
public final class HistoryNotingAsker implements Asker {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryNotingAsker.class);

    private final Asker answers;
    private final AnswerHistory history;
    private final TopicClassifier topics;

    public HistoryNotingAsker(Asker answers, AnswerHistory history, TopicClassifier topics) {
        this.answers = answers;
        this.history = history;
        this.topics = topics;
    }

    @Override
    public Answer ask(Question question) {
        Answer answer = answers.ask(question);
        if (answer.outcome() != Outcome.ANSWERED || answer.citations().isEmpty()) {
            return answer; // only a confident answer tells its history: no topic reading for the others
        }
        try {
            Set<Topic> about = topics.topicsOf(question.text());
            return history.noteFor(answer, question.text(), about, question.asOf())
                    .filter(note ->
                            note.before().clause().text().contains(note.before().quote()))
                    .map(note -> answer.withHistory(List.of(note)))
                    .orElse(answer);
        } catch (RuntimeException e) {
            // the answer stands without its history line; the archive may be mid-rewrite or damaged
            LOG.warn("finding the history line of an answer failed", e);
            return answer;
        }
    }
}
