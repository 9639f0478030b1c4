package dev.policybot.domain.change;

import dev.policybot.domain.StatedDate;
import dev.policybot.domain.Topic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed in one document between two of its versions, clause by clause.
 *
 * @param platformId   platform slug
 * @param platform     platform display name
 * @param documentId   document slug
 * @param document     document display name
 * @param from         the older version's date
 * @param to           the newer version's date
 * @param url          the document's URL, or {@code null}
 * @param changes      changed clauses in the order of the newer version (unchanged clauses are only counted)
 * @param unchanged    clauses identical in both versions
 * @param statedBefore the "last updated/effective" date the older version states, or {@code null}
 * @param statedAfter  the one the newer version states, or {@code null}
 */
public record DocumentChange(
        String platformId,
        String platform,
        String documentId,
        String document,
        LocalDate from,
        LocalDate to,
        String url,
        List<ClauseChange> changes,
        int unchanged,
        StatedDate statedBefore,
        StatedDate statedAfter) {

    public DocumentChange {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }

    /** Whether, and how, the document told readers that it changed. */
    public enum Notice {
        /** Only formatting changed, so there was nothing to tell. */
        NO_CONTENT_CHANGE,
        /** The stated "last updated/effective" date changed along with the content. */
        DATE_UPDATED,
        /** The content changed but the stated date did not: a silent change. */
        DATE_NOT_UPDATED,
        /** The newer version states no date, so readers cannot tell. */
        NO_STATED_DATE
    }

    public String documentKey() {
        return platformId + "/" + documentId;
    }

    public long count(ClauseChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    public boolean contentChanged() {
        return changes.stream().anyMatch(ClauseChange::isContent);
    }

    public Notice notice() {
        if (!contentChanged()) {
            return Notice.NO_CONTENT_CHANGE;
        }
        if (statedAfter == null) {
            return Notice.NO_STATED_DATE;
        }
        return statedAfter.sameAs(statedBefore) ? Notice.DATE_NOT_UPDATED : Notice.DATE_UPDATED;
    }

    /** The "did they tell us?" flag: the content changed but the document's own date did not. */
    public boolean silentChange() {
        return notice() == Notice.DATE_NOT_UPDATED;
    }

    /** Topics of the content changes. */
    public Set<Topic> topics() {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        changes.stream().filter(ClauseChange::isContent).forEach(c -> topics.addAll(c.topics()));
        return topics;
    }

    /** The content changes on any of {@code wanted} (all content changes when it is empty). */
    public List<ClauseChange> contentChangesAbout(Set<Topic> wanted) {
        return changes.stream()
                .filter(ClauseChange::isContent)
                .filter(c -> c.isAbout(wanted))
                .toList();
    }

    /** This change with only the clause changes on {@code wanted} (all of them when it is empty). */
    public DocumentChange about(Set<Topic> wanted) {
        if (wanted.isEmpty()) {
            return this;
        }
        return new DocumentChange(
                platformId,
                platform,
                documentId,
                document,
                from,
                to,
                url,
                contentChangesAbout(wanted),
                unchanged,
                statedBefore,
                statedAfter);
    }

    /** One line: counts, topics and the notice, e.g. {@code 1 added, 2 changed · topics: ai-training · ...}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (ClauseChange.Kind kind :
                List.of(ClauseChange.Kind.ADDED, ClauseChange.Kind.REMOVED, ClauseChange.Kind.CHANGED)) {
            long n = count(kind);
            if (n > 0) {
                parts.add(n + " " + kind.label());
            }
        }
        long formatting = count(ClauseChange.Kind.FORMATTING);
        if (parts.isEmpty()) {
            return formatting == 0
                    ? "no changes"
                    : "formatting only (" + formatting + (formatting == 1 ? " clause)" : " clauses)");
        }
        if (formatting > 0) {
            parts.add(formatting + " formatting-only");
        }
        String line = String.join(", ", parts);
        Set<Topic> topics = topics();
        if (!topics.isEmpty()) {
            line += " · topics: " + topics.stream().map(Topic::id).collect(Collectors.joining(", "));
        }
        return line + (silentChange() ? " · stated date not updated" : "");
    }
}
