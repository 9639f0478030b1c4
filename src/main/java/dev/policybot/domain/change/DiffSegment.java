package dev.policybot.domain.change;

import java.util.Objects;

/**
 * One run of a word-level diff between two versions of a clause.
 *
 * @param op   whether the run is in both versions, only in the new one, or only in the old one
 * @param text the words (with their spacing and punctuation)
 */
public record DiffSegment(Op op, String text) {

    public DiffSegment {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(text, "text");
    }

    public enum Op {
        EQUAL,
        INSERTED,
        DELETED
    }
}
