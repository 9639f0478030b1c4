package dev.policybot.history;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.ChangeDiffer;
import dev.policybot.domain.change.ChangeHistory;
import dev.policybot.domain.change.ChangeQuery;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.change.HistoryEntry;
import dev.policybot.domain.port.VersionSource;
import dev.policybot.question.DocumentResolver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed in a platform's documents, and when: {@code changes} between two versions (by default the newest
 * two) and the {@code history} of all versions with a one-line summary each.
 */
public final class HistoryService implements ChangeHistory {
    /** Without dates, {@code changes} also lists up to this many earlier content changes. */
    static final int EARLIER_CHANGES = 3;

    private final DocumentResolver resolver;
    private final VersionSource versions;
    private final ChangeDiffer differ;

    public HistoryService(DocumentResolver resolver, VersionSource versions, ChangeDiffer differ) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.differ = Objects.requireNonNull(differ, "differ");
    }

    /** One result per matching document. */
    @Override
    public List<ChangeResult> changes(ChangeQuery query) {
        boolean oneDocument = query.document() != null && !query.document().isBlank();
        return resolver.resolve(query.platform(), query.document()).stream()
                .map(document -> changes(document, query, oneDocument))
                .toList();
    }

    /** The history of each matching document, newest version first. */
    @Override
    public List<DocumentHistory> history(String platform, String document) {
        return resolver.resolve(platform, document).stream().map(this::history).toList();
    }

    private DocumentHistory history(SourceStatus document) {
        List<PolicyVersion> all = versionsOf(document);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            DocumentChange change = i == 0 ? null : differ.diff(all.get(i - 1), all.get(i));
            entries.add(new HistoryEntry(all.get(i).date(), change));
        }
        return new DocumentHistory(document, entries);
    }

    private ChangeResult changes(SourceStatus document, ChangeQuery query, boolean oneDocument) {
        List<PolicyVersion> all = versionsOf(document);
        if (all.size() < 2) {
            String only = all.isEmpty()
                    ? "No version"
                    : "Only one version (" + all.get(0).date() + ")";
            return note(document, only + " of " + name(document) + " is archived, so there is nothing to compare.");
        }
        if (query.datesGiven()) {
            return betweenDates(document, all, query, oneDocument);
        }
        if (!query.topics().isEmpty()) {
            return newestChangeAbout(document, all, query.topics());
        }
        DocumentChange newest = differ.diff(all.get(all.size() - 2), all.get(all.size() - 1));
        return new ChangeResult(document, newest, null, earlierChanges(all));
    }

    private ChangeResult betweenDates(
            SourceStatus document, List<PolicyVersion> all, ChangeQuery query, boolean oneDocument) {
        try {
            PolicyVersion to = query.to() == null ? all.get(all.size() - 1) : inForceOn(document, all, query.to());
            PolicyVersion from = query.from() == null ? previous(all, to) : inForceOn(document, all, query.from());
            if (from == null) {
                return note(
                        document,
                        "Version " + to.date() + " is the first archived version of " + name(document)
                                + "; nothing came before it.");
            }
            if (from.date().equals(to.date())) {
                return note(
                        document,
                        "Version " + to.date() + " of " + name(document)
                                + " was in force on both days, so nothing changed between them.");
            }
            return new ChangeResult(document, differ.diff(from, to).about(query.topics()), null, List.of());
        } catch (UserFacingException e) {
            if (oneDocument) {
                throw e;
            }
            return note(document, e.getMessage());
        }
    }

    private ChangeResult newestChangeAbout(SourceStatus document, List<PolicyVersion> all, Set<Topic> topics) {
        for (int i = all.size() - 1; i > 0; i--) {
            DocumentChange change = differ.diff(all.get(i - 1), all.get(i));
            if (!change.contentChangesAbout(topics).isEmpty()) {
                return new ChangeResult(document, change.about(topics), null, List.of());
            }
        }
        String names = topics.stream().map(Topic::id).sorted().collect(Collectors.joining(", "));
        return note(document, "No archived change of " + name(document) + " touches " + names + ".");
    }

    /** Content changes before the newest one, newest first, at most {@link #EARLIER_CHANGES}. */
    private List<HistoryEntry> earlierChanges(List<PolicyVersion> all) {
        List<HistoryEntry> earlier = new ArrayList<>();
        for (int i = all.size() - 2; i > 0 && earlier.size() < EARLIER_CHANGES; i--) {
            DocumentChange change = differ.diff(all.get(i - 1), all.get(i));
            if (change.contentChanged()) {
                earlier.add(new HistoryEntry(all.get(i).date(), change));
            }
        }
        return earlier;
    }

    private static PolicyVersion inForceOn(SourceStatus document, List<PolicyVersion> all, LocalDate day) {
        PolicyVersion inForce = null;
        for (PolicyVersion version : all) {
            if (!version.date().isAfter(day)) {
                inForce = version;
            }
        }
        if (inForce == null) {
            throw UserFacingException.badInput("No version of " + name(document) + " is archived from " + day
                    + " or before; the first is from " + all.get(0).date() + ".");
        }
        return inForce;
    }

    private static PolicyVersion previous(List<PolicyVersion> all, PolicyVersion version) {
        int index = all.indexOf(version);
        return index <= 0 ? null : all.get(index - 1);
    }

    private List<PolicyVersion> versionsOf(SourceStatus document) {
        List<PolicyVersion> all = new ArrayList<>(versions.versions(document.platformId(), document.documentId()));
        all.sort(Comparator.comparing(PolicyVersion::date));
        return all;
    }

    private static ChangeResult note(SourceStatus document, String note) {
        return new ChangeResult(document, null, note, List.of());
    }

    private static String name(SourceStatus document) {
        return document.platform() + " " + document.document();
    }
}
