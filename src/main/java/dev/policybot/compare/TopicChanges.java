package dev.policybot.compare;

import dev.policybot.domain.Comparison;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.ChangeHistory;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.change.HistoryEntry;
import dev.policybot.history.ChangeWording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest archived change of a platform's documents on some topics (up to a day, when one is asked about), from
 * the policy history. A platform's histories are diffed once and kept for {@link #KEEP}: the archive changes only when
 * a reindex adds a version, and a comparison over every platform must not diff every version again.
 */
final class TopicChanges {
    static final Duration KEEP = Duration.ofMinutes(10);

    private final ChangeHistory history;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    TopicChanges(ChangeHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** The newest change on {@code topics} archived on or before {@code asOf} (any day when null), or {@code null}. */
    Comparison.LastChange last(String platformId, Set<Topic> topics, LocalDate asOf) {
        if (topics.isEmpty()) {
            return null;
        }
        DocumentChange newest = null;
        for (DocumentHistory document : histories(platformId)) {
            for (HistoryEntry entry : document.entries()) {
                DocumentChange change = entry.change();
                boolean inTime = asOf == null || !entry.date().isAfter(asOf);
                if (change != null
                        && inTime
                        && (newest == null || change.to().isAfter(newest.to()))
                        && !change.contentChangesAbout(topics).isEmpty()) {
                    newest = change;
                }
            }
        }
        return newest == null ? null : lastChange(newest);
    }

    private static Comparison.LastChange lastChange(DocumentChange change) {
        Boolean stated = switch (change.notice()) {
            case DATE_UPDATED -> true;
            case DATE_NOT_UPDATED -> false;
            case NO_CONTENT_CHANGE, NO_STATED_DATE -> null;
        };
        return new Comparison.LastChange(
                change.document(), change.from(), change.to(), stated, ChangeWording.toldUs(change), change.url());
    }

    private List<DocumentHistory> histories(String platformId) {
        Instant now = clock.instant();
        Kept cached = kept.get(platformId);
        if (cached != null && cached.at.plus(KEEP).isAfter(now)) {
            return cached.histories;
        }
        List<DocumentHistory> fresh;
        try {
            fresh = history.history(platformId, null);
        } catch (UserFacingException e) {
            fresh = List.of(); // indexed but not archived (e.g. a test index): no history to tell
        }
        kept.put(platformId, new Kept(now, fresh));
        return fresh;
    }

    private record Kept(Instant at, List<DocumentHistory> histories) {}
}
