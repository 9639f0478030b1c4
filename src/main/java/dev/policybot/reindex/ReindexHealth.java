package dev.policybot.reindex;

import java.time.Instant;
import java.util.List;

/**
 * How reindexing is doing, as {@code sources} shows it: the last run and, per source, its last success and last
 * failure with the reason.
 *
 * @param lastRun   when the last reindex ended
 * @param outcome   "completed", or "failed: reason" when the run failed as a whole
 * @param changed   sources with a new version in that run
 * @param unchanged sources read without change
 * @param failed    sources that failed in that run
 * @param clauses   clauses in the index that run built
 */
public record ReindexHealth(
        Instant lastRun, String outcome, long changed, long unchanged, long failed, int clauses, List<Source> sources) {
    public ReindexHealth {
        sources = List.copyOf(sources);
    }

    /** One source; instants are {@code null} when it never succeeded or never failed. */
    public record Source(String name, Instant lastSuccess, Instant lastFailure, String lastFailureReason) {
        /** Whether its latest outcome is a failure. */
        public boolean failing() {
            return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
        }
    }
}
