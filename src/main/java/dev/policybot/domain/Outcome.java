package dev.policybot.domain;

import java.util.Locale;

/**
 * What kind of reply an answer is. Declining outright is for questions the documents do not address; when PolicyBot
 * is unsure whether the passages it found answer the question, it says so and shows them.
 */
public enum Outcome {
    /** The quoted clauses address the question. */
    ANSWERED,
    /** PolicyBot is not sure: one line says so, then the best passages, quoted and cited. */
    CLOSEST_PASSAGES,
    /** The documents searched do not address the question; the answer names them and their versions. */
    NOT_ADDRESSED;

    /** {@code answered}, {@code closest-passages}, {@code not-addressed}: the name in JSON and in eval files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome of a two-way answer: abstained or answered. */
    public static Outcome of(boolean abstained) {
        return abstained ? NOT_ADDRESSED : ANSWERED;
    }

    /** The outcome with this {@link #label()}. */
    public static Outcome ofLabel(String label) {
        for (Outcome outcome : values()) {
            if (outcome.label().equals(label)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("not an outcome: " + label);
    }
}
