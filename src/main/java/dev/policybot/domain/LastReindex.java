package dev.policybot.domain;

import java.time.Instant;

/**
 * How the last reindex ended (a scheduled change check is one), as {@code sources} and {@code /sources} show it.
 *
 * @param endedAt   when it ended
 * @param outcome   "completed", or "failed: reason" (redacted) when the run failed as a whole
 * @param changed   sources with a new version in that run
 * @param unchanged sources read without change
 * @param failed    sources that failed in that run
 */
public record LastReindex(Instant endedAt, String outcome, long changed, long unchanged, long failed) {
    public boolean completed() {
        return "completed".equals(outcome);
    }
}
