package dev.policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.port.Asker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerEvaluationTest {
    @TempDir
    Path tmp;

    private static final EvalQuestion.Gold GOLD = new EvalQuestion.Gold(
            "tunebox/terms-of-service", null, "we will not use your content to train generative ai models");

    private static EvalQuestion question(String id, boolean answerable) {
        return new EvalQuestion(
                id,
                "question " + id,
                "tunebox",
                answerable ? "direct" : "abstain",
                null,
                answerable ? List.of(GOLD) : List.of());
    }

    /** Answers each question with the outcome its text names after the id. */
    private static Asker asker(Map<String, Outcome> outcomes) {
        return question -> {
            Outcome outcome = outcomes.get(question.text().substring("question ".length()));
            return new Answer(
                    "text",
                    List.of(),
                    outcome == Outcome.NOT_ADDRESSED,
                    "extractive",
                    List.of(),
                    List.of(),
                    null,
                    0.3,
                    outcome,
                    "en");
        };
    }

    @Test
    void unanswerable_questions_count_as_safe_when_not_addressed_or_shown_the_closest_passages() {
        List<EvalQuestion> set = List.of(
                question("u1", false),
                question("u2", false),
                question("u3", false),
                question("a1", true),
                question("a2", true));
        Asker asker = asker(Map.of(
                "u1",
                Outcome.NOT_ADDRESSED,
                "u2",
                Outcome.CLOSEST_PASSAGES,
                "u3",
                Outcome.ANSWERED,
                "a1",
                Outcome.NOT_ADDRESSED,
                "a2",
                Outcome.CLOSEST_PASSAGES));
        List<AnswerEvaluation.Answered> lines = new ArrayList<>();

        AnswerEvaluation.AnswerMetrics metrics =
                new AnswerEvaluation(Evaluation.Scope.DETECT).run(asker, set, Map.of("a1", 2, "a2", 0), lines::add);

        assertThat(metrics.abstainAccuracy()).isEqualTo(1 / 3.0);
        assertThat(metrics.notConfidentRate()).isEqualTo(2 / 3.0);
        assertThat(metrics.falseAbstainRate()).isEqualTo(0.5);
        assertThat(metrics.answerableClosest()).isEqualTo(1);
        assertThat(metrics.retrievalR3()).isEqualTo(0.5);
        assertThat(lines)
                .extracting(AnswerEvaluation.Answered::outcome)
                .containsExactly("not-addressed", "closest-passages", "answered", "not-addressed", "closest-passages");
    }

    @Test
    void a_baseline_written_before_outcomes_existed_reads_abstained_as_not_addressed() throws Exception {
        Path old = tmp.resolve("old.jsonl");
        Files.writeString(old, """
                {"id":"a1","category":"direct","answerable":true,"abstained":true,"relevance":0.3,"citesGold":false}
                {"id":"a2","category":"direct","answerable":true,"abstained":false,"relevance":0.6,"citesGold":true}
                {"id":"zz","category":"direct","answerable":true,"abstained":false,"relevance":0.6,"citesGold":true}
                """);

        List<AnswerEvaluation.Answered> read = AnswerEvaluation.readAnswers(old, Set.of("a1", "a2"));

        assertThat(read).extracting(AnswerEvaluation.Answered::outcome).containsExactly("not-addressed", "answered");
        assertThat(AnswerEvaluation.AnswerMetrics.of(read).citationRecall()).isEqualTo(0.5);
    }
}
