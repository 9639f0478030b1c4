package dev.policybot.domain.change;

import java.time.LocalDate;

/**
 * One archived version of a document in its history.
 *
 * @param date   the version date
 * @param change what changed since the previous version, or {@code null} for the first archived version
 */
public record HistoryEntry(LocalDate date, DocumentChange change) {

    public boolean isFirst() {
        return change == null;
    }

    /** One line: what changed in this version, e.g. {@code 1 added, 2 changed · topics: ai-training}. */
    public String summary() {
        return isFirst() ? "first archived version" : change.summary();
    }
}
