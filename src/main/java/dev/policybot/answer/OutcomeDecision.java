package dev.policybot.answer;

import dev.policybot.domain.Outcome;

/**
 * Decides, from what an extractive answer measured ({@link AnswerSignals}), whether the retrieved passages answer the
 * question, are only the closest PolicyBot found, or do not address it.
 */
@FunctionalInterface
public interface OutcomeDecision {
    Outcome decide(AnswerSignals signals);

    /**
     * Three outcomes from {@link AnswerSignals#confidence()}: not addressed below {@code notAddressedBelow}, closest
     * passages below {@code answeredFrom}, answered from there on.
     */
    static OutcomeDecision confidence(double notAddressedBelow, double answeredFrom) {
        if (answeredFrom < notAddressedBelow) {
            throw new IllegalArgumentException("answeredFrom must not lie below notAddressedBelow");
        }
        return signals -> {
            double confidence = signals.confidence();
            if (confidence < notAddressedBelow) {
                return Outcome.NOT_ADDRESSED;
            }
            return confidence < answeredFrom ? Outcome.CLOSEST_PASSAGES : Outcome.ANSWERED;
        };
    }

    /** The decision PolicyBot always had: not addressed below the relevance threshold, answered otherwise. */
    static OutcomeDecision threshold(double abstainThreshold) {
        return signals -> signals.relevance() < abstainThreshold ? Outcome.NOT_ADDRESSED : Outcome.ANSWERED;
    }
}
