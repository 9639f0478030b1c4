package dev.policybot.domain.change;

import dev.policybot.domain.SourceStatus;
import java.util.List;

/**
 * The answer to a {@link ChangeQuery} for one document.
 *
 * @param document the document
 * @param change   what changed between the chosen versions, or {@code null} when there is nothing to compare
 * @param note     why there is no change to show, or {@code null}
 * @param earlier  earlier content changes (newest first), listed when no dates were given; may be empty
 */
public record ChangeResult(SourceStatus document, DocumentChange change, String note, List<HistoryEntry> earlier) {
    public ChangeResult {
        earlier = List.copyOf(earlier);
    }
}
