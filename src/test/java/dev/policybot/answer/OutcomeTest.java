package dev.policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    @Test
    void outcomes_are_named_as_json_and_eval_files_spell_them() {
        assertThat(Outcome.ANSWERED.label()).isEqualTo("answered");
        assertThat(Outcome.CLOSEST_PASSAGES.label()).isEqualTo("closest-passages");
        assertThat(Outcome.NOT_ADDRESSED.label()).isEqualTo("not-addressed");
        assertThat(Outcome.ofLabel("closest-passages")).isEqualTo(Outcome.CLOSEST_PASSAGES);
    }

    @Test
    void an_answer_without_an_outcome_takes_it_from_whether_it_abstained() {
        Answer declined = new Answer("not addressed", List.of(), true, "extractive", List.of(), List.of(), null);
        Answer answered = new Answer("quotes", List.of(), false, "extractive", List.of(), List.of(), null);

        assertThat(declined.outcome()).isEqualTo(Outcome.NOT_ADDRESSED);
        assertThat(answered.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(answered.withOutcome(Outcome.CLOSEST_PASSAGES, "not sure")
                        .withNote("n")
                        .outcome())
                .isEqualTo(Outcome.CLOSEST_PASSAGES);
    }

    @Test
    void abstained_is_true_exactly_for_not_addressed() {
        assertThatThrownBy(() -> new Answer(
                        "t",
                        List.of(),
                        true,
                        "extractive",
                        List.of(),
                        List.of(),
                        null,
                        0.1,
                        Outcome.CLOSEST_PASSAGES,
                        "en"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
