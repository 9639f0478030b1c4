package dev.policybot.history;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.StatedDate;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.AlertLedger;
import dev.policybot.domain.change.AlertSink;
import dev.policybot.domain.change.ChangeAlert;
import dev.policybot.domain.change.ChangeDiffer;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.domain.port.VersionSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people when a policy changed: after a reindex (or a scheduled check) finds new versions, composes one
 * {@link ChangeAlert} per new version (the changed clauses on the watched topics, links, and the "did they tell
 * us?" note) and sends it through the {@link AlertSink}. The {@link AlertLedger} makes sure that no version is ever
 * alerted twice.
 *
 * <p>The first check only records the versions it finds (a freshly imported archive is not news), as does the
 * first check that sees a newly added document. A version whose changes are formatting only, or touch none of the
 * watched topics, is recorded without an alert.
 */
public final class ChangeAlertService {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeAlertService.class);
    /** Removed or added sentences are quoted up to this many characters in an alert line. */
    static final int QUOTE_LENGTH = 120;

    private final SourceCatalog catalog;
    private final VersionSource versions;
    private final ChangeDiffer differ;
    private final AlertSink sink;
    private final AlertLedger ledger;
    private final Set<Topic> watched;

    /** @param watched topics whose changes are alerted; empty means all content changes */
    public ChangeAlertService(
            SourceCatalog catalog,
            VersionSource versions,
            ChangeDiffer differ,
            AlertSink sink,
            AlertLedger ledger,
            Set<Topic> watched) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.differ = Objects.requireNonNull(differ, "differ");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.watched = Set.copyOf(watched);
    }

    /** What a check did. */
    public record CheckReport(int alerted, int quiet, int firstSeen, int failed) {}

    /** Runs a check when the reindex archived a new version of something. */
    public CheckReport afterReindex(ReindexReport report) {
        if (report.count(ReindexReport.Outcome.CHANGED) == 0) {
            return new CheckReport(0, 0, 0, 0);
        }
        return check();
    }

    /** Compares the archive with the ledger and alerts every version not handled yet, oldest first. */
    public synchronized CheckReport check() {
        Map<String, LocalDate> handled = new HashMap<>(ledger.handled());
        boolean firstCheck = handled.isEmpty();
        int alerted = 0;
        int quiet = 0;
        int firstSeen = 0;
        int failed = 0;
        for (SourceStatus source : catalog.sources()) {
            String key = source.platformId() + "/" + source.documentId();
            List<PolicyVersion> all = sortedVersions(source);
            LocalDate last = handled.get(key);
            if (all.isEmpty()) {
                continue;
            }
            if (last == null || firstCheck) {
                handled.put(key, all.get(all.size() - 1).date());
                firstSeen++;
                continue;
            }
            for (int i = 1; i < all.size(); i++) {
                if (!all.get(i).date().isAfter(last)) {
                    continue;
                }
                try {
                    boolean sent = alert(all.get(i - 1), all.get(i));
                    alerted += sent ? 1 : 0;
                    quiet += sent ? 0 : 1;
                } catch (RuntimeException e) {
                    // not recorded, so the next check tries this version again; later versions wait for it
                    LOG.warn(
                            "Could not alert the change of {} to {}: {}",
                            key,
                            all.get(i).date(),
                            e.getMessage(),
                            e);
                    failed++;
                    break;
                }
                handled.put(key, all.get(i).date());
                ledger.save(handled);
            }
        }
        ledger.save(handled);
        LOG.info(
                "Change check: {} alerts sent, {} new versions without alert, {} documents seen for the first time,"
                        + " {} failed",
                alerted,
                quiet,
                firstSeen,
                failed);
        return new CheckReport(alerted, quiet, firstSeen, failed);
    }

    private boolean alert(PolicyVersion before, PolicyVersion after) {
        DocumentChange change = differ.diff(before, after);
        List<ClauseChange> relevant = change.contentChangesAbout(watched);
        if (relevant.isEmpty()) {
            LOG.debug("No alert for {} {}: nothing changed on the watched topics", change.documentKey(), change.to());
            return false;
        }
        sink.post(compose(change, relevant));
        LOG.info("Alerted the change of {} to version {}", change.documentKey(), change.to());
        return true;
    }

    /** The alert for one change: one line per relevant clause change, most important first. */
    static ChangeAlert compose(DocumentChange change, List<ClauseChange> relevant) {
        List<ClauseChange> ordered = relevant.stream()
                .sorted(Comparator.comparingInt((ClauseChange c) -> rank(c, change)))
                .toList();
        List<String> lines = ordered.stream().map(ChangeAlertService::line).toList();
        List<String> links = new ArrayList<>();
        if (change.url() != null) {
            links.add(change.url());
        }
        relevant.stream()
                .map(c -> c.clause().deepLink())
                .filter(Objects::nonNull)
                .distinct()
                .forEach(links::add);
        return new ChangeAlert(
                change.platform(),
                change.document(),
                change.from(),
                change.to(),
                lines,
                links,
                note(change),
                change,
                ordered);
    }

    /**
     * 0 for changes on the topics people ask about, 1 for changes to the terms-changes wording, 2 for changes on no
     * topic, 3 for the new "last updated" line (the note already says whether it moved).
     */
    private static int rank(ClauseChange c, DocumentChange change) {
        StatedDate stated = change.statedAfter();
        if (stated != null
                && c.after() != null
                && c.addedSentences().size() == 1
                && c.addedSentences().get(0).replaceAll("[*_]", "").contains(stated.phrase())) {
            return 3;
        }
        if (c.topics().isEmpty()) {
            return 2;
        }
        return c.topics().equals(Set.of(Topic.TERMS_CHANGES)) ? 1 : 0;
    }

    /** E.g. {@code Changed: Grant of license (ai-training) — removed "…"; added "…"}. */
    static String line(ClauseChange change) {
        String kind = change.kind().label();
        StringBuilder line = new StringBuilder(Character.toUpperCase(kind.charAt(0)) + kind.substring(1))
                .append(": ")
                .append(change.clause().section());
        if (!change.topics().isEmpty()) {
            line.append(" (")
                    .append(change.topics().stream().map(Topic::id).sorted().collect(Collectors.joining(", ")))
                    .append(')');
        }
        List<String> parts = new ArrayList<>();
        if (!change.removedSentences().isEmpty()) {
            parts.add("removed \"" + quote(change.removedSentences()) + "\"");
        }
        if (!change.addedSentences().isEmpty()) {
            parts.add("added \"" + quote(change.addedSentences()) + "\"");
        }
        if (!parts.isEmpty()) {
            line.append(" — ").append(String.join("; ", parts));
        }
        return line.toString();
    }

    private static String quote(List<String> sentences) {
        String text = String.join(" ", sentences).replaceAll("\\s+", " ").strip();
        return text.length() <= QUOTE_LENGTH
                ? text
                : text.substring(0, QUOTE_LENGTH - 1).strip() + "…";
    }

    private static String note(DocumentChange change) {
        if (!change.silentChange()) {
            return null;
        }
        return "The text changed, but the document's own date did not (it still says \""
                + change.statedAfter().phrase() + "\").";
    }

    private List<PolicyVersion> sortedVersions(SourceStatus source) {
        List<PolicyVersion> all = new ArrayList<>(versions.versions(source.platformId(), source.documentId()));
        all.sort(Comparator.comparing(PolicyVersion::date));
        return all;
    }
}
