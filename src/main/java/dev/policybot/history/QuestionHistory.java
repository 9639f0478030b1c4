package dev.policybot.history;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.Question;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.domain.port.HistoryLookup;
import dev.policybot.topic.TopicClassifier;
import java.util.Optional;
import java.util.Set;

/**
 * The history line of an answer to a question: {@link AnswerHistory} on the question's topics, kept only when its
 * earlier quote occurs in the clause it cites (verified like any citation).
 */
public final class QuestionHistory implements HistoryLookup {
    private final AnswerHistory history;
    private final TopicClassifier topics;

    public QuestionHistory(AnswerHistory history, TopicClassifier topics) {
        this.history = history;
        this.topics = topics;
    }

    /** See {@link AnswerHistory#warmUp()}. */
    public void warmUp() {
        history.warmUp();
    }

    @Override
    public Optional<HistoryNote> noteFor(Question question, Answer answer) {
        if (answer.outcome() != Outcome.ANSWERED || answer.citations().isEmpty()) {
            return Optional.empty(); // only a confident answer tells its history: no topic reading for the others
        }
        Set<Topic> about = topics.topicsOf(question.text());
        return history.noteFor(answer, question.text(), about, question.asOf())
                .filter(note ->
                        note.before().clause().text().contains(note.before().quote()));
    }
}
