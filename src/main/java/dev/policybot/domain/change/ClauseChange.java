package dev.policybot.domain.change;

import dev.policybot.domain.Clause;
import dev.policybot.domain.Topic;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How one clause (or a group of clauses that were split or merged) differs between two versions of a document.
 *
 * @param kind             added, removed, changed in content, or changed in formatting only
 * @param before           the clause in the older version ({@code null} when added); merged clauses are joined
 * @param after            the clause in the newer version ({@code null} when removed); split clauses are joined
 * @param words            word-level diff of before → after (empty for added or removed clauses)
 * @param removedSentences sentences of {@code before} that the new version no longer has
 * @param addedSentences   sentences of {@code after} that the old version did not have
 * @param topics           topics of the changed sentences (of the whole clause when none changed whole); empty for
 *                         formatting-only changes
 */
public record ClauseChange(
        Kind kind,
        Clause before,
        Clause after,
        List<DiffSegment> words,
        List<String> removedSentences,
        List<String> addedSentences,
        Set<Topic> topics) {

    public ClauseChange {
        Objects.requireNonNull(kind, "kind");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a clause before or after");
        }
        words = List.copyOf(words);
        removedSentences = List.copyOf(removedSentences);
        addedSentences = List.copyOf(addedSentences);
        topics = Set.copyOf(topics);
    }

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED,
        FORMATTING;

        /** Lower-case name, as shown and in JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The clause as it reads now, or as it read before it was removed. */
    public Clause clause() {
        return after != null ? after : before;
    }

    /** Whether the words changed (not only formatting). */
    public boolean isContent() {
        return kind != Kind.FORMATTING;
    }

    public boolean isAbout(Set<Topic> wanted) {
        return wanted.isEmpty() || topics.stream().anyMatch(wanted::contains);
    }
}
