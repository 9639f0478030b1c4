package dev.policybot.domain.change;

import dev.policybot.domain.SourceStatus;
import java.util.List;

/**
 * The archived versions of one document, newest first, each with what changed in it.
 *
 * @param document the document
 * @param entries  its versions, newest first
 */
public record DocumentHistory(SourceStatus document, List<HistoryEntry> entries) {
    public DocumentHistory {
        entries = List.copyOf(entries);
    }
}
