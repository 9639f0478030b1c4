package dev.policybot.history;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ChangeDiffer;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.ClauseChange.Kind;
import dev.policybot.domain.change.DiffSegment;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.text.DiffSentences;
import dev.policybot.text.DiffWords;
import dev.policybot.topic.TopicClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

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
            throw new IllegalArgumentException(
                    "not one document: " + before.documentKey() + " vs " + after.documentKey());
        }
        List<Clause> oldClauses = splitter.split(before, after.date());
        List<Clause> newClauses = splitter.split(after, null);
        ContentKeys keys = new ContentKeys(headings(oldClauses, newClauses));
        List<ClauseAligner.Group> groups =
                inReadingOrder(ClauseAligner.alignKeys(keys.of(oldClauses), keys.of(newClauses)));
        List<Draft> drafts = new ArrayList<>();
        int unchanged = 0;
        for (ClauseAligner.Group group : groups) {
            Draft draft = describe(group, oldClauses, newClauses, keys);
            if (draft == null) {
                unchanged++;
            } else {
                drafts.add(draft);
            }
        }
        List<ClauseChange> changes = tagged(movedParagraphsAsFormatting(drafts, keys));
        return new DocumentChange(
                after.platformId(),
                after.platform(),
                after.documentId(),
                after.document(),
                before.date(),
                after.date(),
                after.url(),
                changes,
                unchanged,
                StatedDates.find(before.text()),
                StatedDates.find(after.text()));
    }

    /** A change before topic tagging (tagging is batched, so an embedder sees all changed texts at once). */
    private record Draft(
            Kind kind, Clause before, Clause after, List<DiffSegment> words, List<String> removed, List<String> added) {
        String changedText() {
            List<String> changed = new ArrayList<>(removed);
            changed.addAll(added);
            if (!changed.isEmpty()) {
                return String.join("\n", changed);
            }
            return (before == null ? "" : before.text()) + "\n" + (after == null ? "" : after.text());
        }
    }

    private static Draft describe(
            ClauseAligner.Group group, List<Clause> oldClauses, List<Clause> newClauses, ContentKeys keys) {
        Clause before = joined(group.before(), oldClauses);
        Clause after = joined(group.after(), newClauses);
        if (before == null) {
            return new Draft(Kind.ADDED, null, after, List.of(), List.of(), DiffSentences.split(after.text()));
        }
        if (after == null) {
            return new Draft(Kind.REMOVED, before, null, List.of(), DiffSentences.split(before.text()), List.of());
        }
        if (before.text().equals(after.text())) {
            return null;
        }
        List<DiffSegment> words = WordDiff.between(before.text(), after.text());
        if (keys.of(before.text()).equals(keys.of(after.text()))) {
            return new Draft(Kind.FORMATTING, before, after, words, List.of(), List.of());
        }
        return new Draft(
                Kind.CHANGED,
                before,
                after,
                words,
                DiffSentences.missingFrom(before.text(), after.text()),
                DiffSentences.missingFrom(after.text(), before.text()));
    }

    /**
     * A changed clause whose only edits are whole paragraphs that moved to or from a neighbouring clause ("READ THIS
     * SECTION CAREFULLY" now opening the next section) changed no words a reader would notice.
     */
    private static List<Draft> movedParagraphsAsFormatting(List<Draft> drafts, ContentKeys keys) {
        Set<String> removedAnywhere = new HashSet<>();
        Set<String> addedAnywhere = new HashSet<>();
        for (Draft d : drafts) {
            List<String> before =
                    d.before() == null ? List.of() : keys.paragraphs(d.before().text());
            List<String> after =
                    d.after() == null ? List.of() : keys.paragraphs(d.after().text());
            before.stream().filter(p -> !after.contains(p)).forEach(removedAnywhere::add);
            after.stream().filter(p -> !before.contains(p)).forEach(addedAnywhere::add);
        }
        List<Draft> result = new ArrayList<>();
        for (Draft d : drafts) {
            result.add(
                    d.kind() == Kind.CHANGED && onlyMovedParagraphs(d, keys, removedAnywhere, addedAnywhere)
                            ? new Draft(Kind.FORMATTING, d.before(), d.after(), d.words(), List.of(), List.of())
                            : d);
        }
        return result;
    }

    private static boolean onlyMovedParagraphs(
            Draft d, ContentKeys keys, Set<String> removedAnywhere, Set<String> addedAnywhere) {
        List<String> before = keys.paragraphs(d.before().text());
        List<String> after = keys.paragraphs(d.after().text());
        List<String> gone = before.stream().filter(p -> !after.contains(p)).toList();
        List<String> come = after.stream().filter(p -> !before.contains(p)).toList();
        boolean allMoved = addedAnywhere.containsAll(gone) && removedAnywhere.containsAll(come);
        List<String> keptBefore = before.stream().filter(after::contains).toList();
        List<String> keptAfter = after.stream().filter(before::contains).toList();
        return allMoved && keptBefore.equals(keptAfter);
    }

    private List<ClauseChange> tagged(List<Draft> drafts) {
        List<Draft> content =
                drafts.stream().filter(d -> d.kind() != Kind.FORMATTING).toList();
        List<Set<Topic>> contentTopics =
                topics.topicsOfAll(content.stream().map(Draft::changedText).toList());
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
        String text = String.join(
                "\n\n", indexes.stream().map(i -> clauses.get(i).text()).toList());
        return new Clause(
                first.id(),
                first.platformId(),
                first.platform(),
                first.documentId(),
                first.document(),
                first.headingPath(),
                text,
                first.validFrom(),
                first.validTo(),
                first.url(),
                first.deepLink());
    }

    /** Groups in the order of the new version; removed clauses right after the clause that preceded them. */
    private static List<ClauseAligner.Group> inReadingOrder(List<ClauseAligner.Group> groups) {
        Map<Integer, Integer> newPositionOfOld = new HashMap<>();
        for (ClauseAligner.Group g : groups) {
            if (!g.after().isEmpty()) {
                int last = g.after().get(g.after().size() - 1);
                g.before().forEach(i -> newPositionOfOld.put(i, last));
            }
        }
        Map<ClauseAligner.Group, Double> position = new HashMap<>();
        for (ClauseAligner.Group g : groups) {
            position.put(
                    g,
                    g.after().isEmpty()
                            ? anchor(g.before().get(0), newPositionOfOld)
                            : g.after().get(0));
        }
        return groups.stream()
                .sorted(Comparator.comparingDouble((ClauseAligner.Group g) -> position.get(g))
                        .thenComparingInt(g -> g.before().isEmpty()
                                ? Integer.MAX_VALUE
                                : g.before().get(0)))
                .toList();
    }

    private static double anchor(int oldIndex, Map<Integer, Integer> newPositionOfOld) {
        for (int i = oldIndex - 1; i >= 0; i--) {
            Integer position = newPositionOfOld.get(i);
            if (position != null) {
                return position + 0.5;
            }
        }
        return -0.5;
    }

    /** The headings of both versions, as content keys. */
    private static Set<String> headings(List<Clause> oldClauses, List<Clause> newClauses) {
        Set<String> headings = new HashSet<>();
        Stream.concat(oldClauses.stream(), newClauses.stream())
                .flatMap(c -> c.headingPath().stream())
                .map(DiffWords::key)
                .filter(k -> !k.isEmpty())
                .forEach(headings::add);
        return headings;
    }

    /**
     * Content keys of clause texts, leaving out paragraphs that are only a heading of either version: a splitter
     * may keep a (renumbered) section title with the clause before it in one version and as a heading in the other,
     * which moves no words a reader would notice.
     */
    private record ContentKeys(Set<String> headings) {
        List<String> of(List<Clause> clauses) {
            return clauses.stream().map(c -> of(c.text())).toList();
        }

        String of(String text) {
            return String.join(" ", paragraphs(text));
        }

        /** The keys of the text's paragraphs, headings left out. */
        List<String> paragraphs(String text) {
            List<String> kept = new ArrayList<>();
            for (String paragraph : text.split("\\n\\s*\\n")) {
                String key = DiffWords.key(paragraph);
                if (!key.isEmpty() && !headings.contains(key)) {
                    kept.add(key);
                }
            }
            return kept;
        }
    }
}
