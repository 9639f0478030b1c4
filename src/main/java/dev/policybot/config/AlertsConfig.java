package dev.policybot.config;

import java.time.Duration;
import java.util.List;

/**
 * Scheduled policy-change checks.
 *
 * @param interval how often to fetch the sources (default daily); {@code 0} turns the schedule off
 * @param topics   topics whose changed clauses are listed in alerts; empty means all
 */
public record AlertsConfig(Duration interval, List<String> topics) {
    public static final AlertsConfig DEFAULT = new AlertsConfig(null, null);

    public AlertsConfig {
        interval = interval == null ? Duration.ofDays(1) : interval;
        topics = List.copyOf(topics == null ? List.of() : topics);
    }
}
