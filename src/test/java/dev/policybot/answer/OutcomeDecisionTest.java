package dev.policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Outcome;
import org.junit.jupiter.api.Test;

class OutcomeDecisionTest {
    private final OutcomeDecision decision = OutcomeDecision.confidence(0.2, 0.48);

    private static AnswerSignals signals(double relevance, boolean amountAsked, boolean amountQuoted) {
        return new AnswerSignals(
                relevance, 0.5, 0.5, 0.5, 0.5, 0.1, false, true, true, true, amountAsked, amountQuoted);
    }

    @Test
    void answers_when_confident_shows_the_closest_passages_when_unsure_and_declines_when_nothing_fits() {
        assertThat(decision.decide(signals(0.60, false, false))).isEqualTo(Outcome.ANSWERED);
        assertThat(decision.decide(signals(0.35, false, false))).isEqualTo(Outcome.CLOSEST_PASSAGES);
        assertThat(decision.decide(signals(0.10, false, false))).isEqualTo(Outcome.NOT_ADDRESSED);
    }

    @Test
    void a_question_asking_for_an_amount_the_quotes_do_not_give_is_not_answered_confidently() {
        assertThat(decision.decide(signals(0.60, true, true))).isEqualTo(Outcome.ANSWERED);
        assertThat(decision.decide(signals(0.60, true, false))).isEqualTo(Outcome.CLOSEST_PASSAGES);
        assertThat(decision.decide(signals(0.45, true, false))).isEqualTo(Outcome.NOT_ADDRESSED);
    }

    @Test
    void the_two_way_threshold_never_shows_closest_passages() {
        OutcomeDecision twoWay = OutcomeDecision.threshold(0.44);

        assertThat(twoWay.decide(signals(0.43, false, false))).isEqualTo(Outcome.NOT_ADDRESSED);
        assertThat(twoWay.decide(signals(0.44, false, false))).isEqualTo(Outcome.ANSWERED);
    }
}
