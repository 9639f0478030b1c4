package dev.policybot.config;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A CSS selector as in Open Terms Archive declarations: either a plain CSS selector, or a range
 * ({@code startBefore} or {@code startAfter}, and {@code endBefore} or {@code endAfter}), meaning the content
 * between two elements.
 */
public record Selector(String css, String startBefore, String startAfter, String endBefore, String endAfter) {

    /** A plain CSS selector written as a string. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Selector of(String css) {
        return new Selector(css, null, null, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Selector {
        boolean range = startBefore != null || startAfter != null || endBefore != null || endAfter != null;
        if (css == null && !range) {
            throw new IllegalArgumentException(
                    "a selector needs a CSS selector or startBefore/startAfter and " + "endBefore/endAfter");
        }
        if (range && ((startBefore == null) == (startAfter == null) || (endBefore == null) == (endAfter == null))) {
            throw new IllegalArgumentException(
                    "a range selector needs one of startBefore/startAfter and one of " + "endBefore/endAfter");
        }
    }

    public boolean isRange() {
        return css == null;
    }
}
