package dev.policybot.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What a reindex did, per source and in total.
 *
 * @param sources one line per source
 * @param clauses clause versions in the new index
 * @param elapsed wall time of the whole run
 * @param indexUnchanged the index already held exactly these clauses and was left as it is
 */
public record ReindexReport(List<SourceOutcome> sources, int clauses, Duration elapsed, boolean indexUnchanged) {
    public ReindexReport {
        sources = List.copyOf(sources);
    }

    /** A run that rebuilt the index. */
    public ReindexReport(List<SourceOutcome> sources, int clauses, Duration elapsed) {
        this(sources, clauses, elapsed, false);
    }

    public long count(Outcome outcome) {
        return sources.stream().filter(s -> s.outcome() == outcome).count();
    }

    public enum Outcome {
        CHANGED,
        UNCHANGED,
        FAILED
    }

    /**
     * @param source     "Platform · Document" (or the source's name when it failed before its name was known)
     * @param outcome    changed (a new version archived), unchanged, or failed
     * @param versions   versions now archived for this document
     * @param newVersion date of the version archived by this run, or {@code null}
     * @param reason     why it failed, one sentence, or {@code null}
     */
    public record SourceOutcome(String source, Outcome outcome, int versions, LocalDate newVersion, String reason) {}
}
