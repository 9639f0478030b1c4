package dev.policybot.history;

import dev.policybot.core.ChangeDiffer;
import dev.policybot.core.Clause;
import dev.policybot.core.ClauseChange;
import dev.policybot.core.ClauseChange.Kind;
import dev.policybot.core.ClauseSplitter;
import dev.policybot.core.DiffSegment;
import dev.policybot.core.DocumentChange;
import dev.policybot.core.PolicyVersion;
import dev.policybot.core.Topic;
import dev.policybot.core.TopicClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two versions of a document clause by clause: splits both with the {@link ClauseSplitter}, aligns the
 * clauses ({@link ClauseAligner}), diffs each changed group word by word ({@link WordDiff}), tells formatting-only
 * edits from content edits, tags content edits with topics, and reads both versions' stated dates.
 */
public final class ClauseDiffer implements ChangeDiffer {
    private final ClauseSplitter splitter;
    private final TopicClassifier topics;

    public ClauseDiffer(ClauseSplitter splitter, TopicClassifier topics) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    @Override
    public DocumentChange diff(PolicyVersion before, PolicyVersion after) {
        if (!before.documentKey().equals(after.documentKey())) {
            throw new IllegalArgumentException("not one document: " + before.documentKey() + " vs "
                    + after.documentKey());
        }
        List<Clause> oldClauses = splitter.split(before, after.date());
        List<Clause> newClauses = splitter.split(after, null);
        List<ClauseAligner.Group> groups = inReadingOrder(ClauseAligner.align(texts(oldClauses), texts(newClauses)));
        List<Draft> drafts = new ArrayList<>();
        int unchanged = 0;
        for (ClauseAligner.Group group : groups) {
            Draft draft = describe(group, oldClauses, newClauses);
            if (draft == null) {
                unchanged++;
            } else {
                drafts.add(draft);
            }
        }
        return new DocumentChange(after.platformId(), after.platform(), after.documentId(), after.document(),
                before.date(), after.date(), after.url(), tagged(drafts), unchanged,
                StatedDates.find(before.text()), StatedDates.find(after.text()));
    }

    /** A change before topic tagging (tagging is batched, so an embedder sees all changed texts at once). */
    private record Draft(Kind kind, Clause before, Clause after, List<DiffSegment> words, List<String> removed,
                         List<String> added) {
        String changedText() {
            List<String> changed = new ArrayList<>(removed);
            changed.addAll(added);
            if (!changed.isEmpty()) {
                return String.join("\n", changed);
            }
            return (before == null ? "" : before.text()) + "\n" + (after == null ? "" : after.text());
        }
    }

    private static Draft describe(ClauseAligner.Group group, List<Clause> oldClauses, List<Clause> newClauses) {
        Clause before = joined(group.before(), oldClauses);
        Clause after = joined(group.after(), newClauses);
        if (before == null) {
            return new Draft(Kind.ADDED, null, after, List.of(), List.of(), Sentences.split(after.text()));
        }
        if (after == null) {
            return new Draft(Kind.REMOVED, before, null, List.of(), Sentences.split(before.text()), List.of());
        }
        if (before.text().equals(after.text())) {
            return null;
        }
        List<DiffSegment> words = WordDiff.between(before.text(), after.text());
        if (Words.key(before.text()).equals(Words.key(after.text()))) {
            return new Draft(Kind.FORMATTING, before, after, words, List.of(), List.of());
        }
        return new Draft(Kind.CHANGED, before, after, words, Sentences.missingFrom(before.text(), after.text()),
                Sentences.missingFrom(after.text(), before.text()));
    }

    private List<ClauseChange> tagged(List<Draft> drafts) {
        List<Draft> content = drafts.stream().filter(d -> d.kind() != Kind.FORMATTING).toList();
        List<Set<Topic>> contentTopics = topics.topicsOfAll(content.stream().map(Draft::changedText).toList());
        List<ClauseChange> changes = new ArrayList<>();
        int k = 0;
        for (Draft d : drafts) {
            Set<Topic> tags = d.kind() == Kind.FORMATTING ? Set.of() : contentTopics.get(k++);
            changes.add(new ClauseChange(d.kind(), d.before(), d.after(), d.words(), d.removed(), d.added(), tags));
        }
        return changes;
    }

    /** One clause, or several (split or merged) joined into one, keeping the first one's id and headings. */
    private static Clause joined(List<Integer> indexes, List<Clause> clauses) {
        if (indexes.isEmpty()) {
            return null;
        }
        Clause first = clauses.get(indexes.get(0));
        if (indexes.size() == 1) {
            return first;
        }
        String text = String.join("\n\n", indexes.stream().map(i -> clauses.get(i).text()).toList());
        return new Clause(first.id(), first.platformId(), first.platform(), first.documentId(), first.document(),
                first.headingPath(), text, first.validFrom(), first.validTo(), first.url(), first.deepLink());
    }

    /** Groups in the order of the new version; removed clauses right after the clause that preceded them. */
    private static List<ClauseAligner.Group> inReadingOrder(List<ClauseAligner.Group> groups) {
        java.util.Map<Integer, Integer> newPositionOfOld = new java.util.HashMap<>();
        for (ClauseAligner.Group g : groups) {
            if (!g.after().isEmpty()) {
                int last = g.after().get(g.after().size() - 1);
                g.before().forEach(i -> newPositionOfOld.put(i, last));
            }
        }
        java.util.Map<ClauseAligner.Group, Double> position = new java.util.HashMap<>();
        for (ClauseAligner.Group g : groups) {
            position.put(g, g.after().isEmpty() ? anchor(g.before().get(0), newPositionOfOld) : g.after().get(0));
        }
        return groups.stream().sorted(Comparator.comparingDouble((ClauseAligner.Group g) -> position.get(g))
                .thenComparingInt(g -> g.before().isEmpty() ? Integer.MAX_VALUE : g.before().get(0))).toList();
    }

    private static double anchor(int oldIndex, java.util.Map<Integer, Integer> newPositionOfOld) {
        for (int i = oldIndex - 1; i >= 0; i--) {
            Integer position = newPositionOfOld.get(i);
            if (position != null) {
                return position + 0.5;
            }
        }
        return -0.5;
    }

    private static List<String> texts(List<Clause> clauses) {
        return clauses.stream().map(Clause::text).toList();
    }
}
