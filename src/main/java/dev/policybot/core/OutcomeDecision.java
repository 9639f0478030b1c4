package dev.policybot.core;

/**
 * Decides, from what an extractive answer measured ({@link AnswerSignals}), whether the retrieved passages answer the
 * question, are only the closest PolicyBot found, or do not address it.
 */
@FunctionalInterface
public interface OutcomeDecision {
    Outcome decide(AnswerSignals signals);

    /** The decision PolicyBot always had: not addressed below the relevance threshold, answered otherwise. */
    static OutcomeDecision threshold(double abstainThreshold) {
        return signals -> signals.relevance() < abstainThreshold ? Outcome.NOT_ADDRESSED : Outcome.ANSWERED;
    }
}
