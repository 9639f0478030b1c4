package dev.policybot.domain.port;

import dev.policybot.domain.Comparison;

/** Port used by the front ends: one topic or question, answered per platform ({@code compare}, {@code /compare}). */
@FunctionalInterface
public interface Comparer {
    Comparison compare(Comparison.Request request);
}
