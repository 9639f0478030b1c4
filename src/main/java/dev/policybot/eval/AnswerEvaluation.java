package dev.policybot.eval;

import dev.policybot.domain.Answer;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Question;
import dev.policybot.domain.Slugs;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks every question of a set through the product's {@link Asker} and scores the answers (ARCHITECTURE.md): abstain
 * accuracy is the share of unanswerable ({@code gold: []}) questions answered "not addressed"; citation recall is the
 * share of answerable questions whose answer cites a clause holding a gold quote, to set beside retrieval's R@3.
 */
public final class AnswerEvaluation {
    private final Evaluation.Scope scope;

    public AnswerEvaluation(Evaluation.Scope scope) {
        this.scope = scope;
    }

    /**
     * The answer metrics of one asker over a question set.
     *
     * @param unanswerable      questions with no gold
     * @param abstainedRightly  of those, answered "not addressed"
     * @param answerable        questions with gold
     * @param abstainedWrongly  of those, answered "not addressed" all the same
     * @param citationHits      of those, answers citing a clause that holds a gold quote
     */
    public record AnswerMetrics(int unanswerable, int abstainedRightly, int answerable, int abstainedWrongly,
                                int citationHits) {
        public double abstainAccuracy() {
            return unanswerable == 0 ? Double.NaN : abstainedRightly / (double) unanswerable;
        }

        public double citationRecall() {
            return answerable == 0 ? Double.NaN : citationHits / (double) answerable;
        }

        public double falseAbstainRate() {
            return answerable == 0 ? Double.NaN : abstainedWrongly / (double) answerable;
        }
    }

    /** One question's answer as scored: for tuning the abstain threshold ({@code relevance} is what it is compared with). */
    public record Answered(String id, String category, boolean answerable, boolean abstained, double relevance,
                           boolean citesGold) {
    }

    public AnswerMetrics run(Asker asker, List<EvalQuestion> questions) {
        return run(asker, questions, answered -> { });
    }

    public AnswerMetrics run(Asker asker, List<EvalQuestion> questions, Consumer<Answered> sink) {
        int unanswerable = 0;
        int abstainedRightly = 0;
        int answerable = 0;
        int abstainedWrongly = 0;
        int hits = 0;
        for (EvalQuestion question : questions) {
            Answer answer = asker.ask(question(question));
            sink.accept(new Answered(question.id(), question.category(), question.answerable(), answer.abstained(),
                    answer.relevance(), citesGold(question, answer.citations())));
            if (!question.answerable()) {
                unanswerable++;
                abstainedRightly += answer.abstained() ? 1 : 0;
                continue;
            }
            answerable++;
            abstainedWrongly += answer.abstained() ? 1 : 0;
            hits += citesGold(question, answer.citations()) ? 1 : 0;
        }
        return new AnswerMetrics(unanswerable, abstainedRightly, answerable, abstainedWrongly, hits);
    }

    Question question(EvalQuestion question) {
        String platform = scope == Evaluation.Scope.GIVEN && !question.anyService() ? Slugs.of(question.service()) : null;
        return new Question(question.question(), platform, question.asOf());
    }

    static boolean citesGold(EvalQuestion question, List<Citation> citations) {
        return citations.stream().anyMatch(c -> question.gold().stream().anyMatch(g -> QuoteMatcher.hits(c.clause(), g)));
    }
}
