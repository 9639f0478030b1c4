package dev.policybot.domain.change;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A policy document changed between two archived versions.
 *
 * @param platform display name of the platform, e.g. {@code SoundCloud}
 * @param document display name of the document, e.g. {@code Terms of Service}
 * @param from     the previous version's date, or {@code null} when the document is new
 * @param to       the new version's date
 * @param changes  one summary line per changed clause ("Changed: Grant of License (AI training)"), most important first
 * @param links    where to read more: the document's URL, deep links to changed passages
 * @param note     one line worth flagging (e.g. "the document's own 'last updated' date did not change"), or {@code null}
 * @param change   the whole change, so a front end can show the clauses as {@code changes} shows them, or {@code null}
 * @param clauses  the changed clauses the alert is about, in the order of {@code changes} (empty without {@code change})
 */
public record ChangeAlert(
        String platform,
        String document,
        LocalDate from,
        LocalDate to,
        List<String> changes,
        List<String> links,
        String note,
        DocumentChange change,
        List<ClauseChange> clauses) {
    public ChangeAlert {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes == null ? List.of() : changes);
        links = List.copyOf(links == null ? List.of() : links);
        clauses = List.copyOf(clauses == null ? List.of() : clauses);
    }

    /** An alert told in summary lines only. */
    public ChangeAlert(
            String platform,
            String document,
            LocalDate from,
            LocalDate to,
            List<String> changes,
            List<String> links,
            String note) {
        this(platform, document, from, to, changes, links, note, null, List.of());
    }
}
