package dev.policybot.config;

import java.time.Duration;
import java.util.List;

/**
 * Scheduled policy-change checks.
 *
 * @param interval how often to fetch the sources (default daily); {@code 0} turns the schedule off
 * @param topics   topics whose changed clauses are listed in alerts; empty means all
 * @param platforms platforms or groups (from {@code sources.yaml}) whose changes are alerted; empty means all
 */
public record AlertsConfig(Duration interval, List<String> topics, List<String> platforms) {
    public static final AlertsConfig DEFAULT = new AlertsConfig(null, null, null);

    public AlertsConfig {
        interval = interval == null ? Duration.ofDays(1) : interval;
        topics = List.copyOf(topics == null ? List.of() : topics);
        platforms = List.copyOf(platforms == null ? List.of() : platforms);
    }

    /** Every platform, on these topics. */
    public AlertsConfig(Duration interval, List<String> topics) {
        this(interval, topics, null);
    }
}
