package dev.policybot.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Aligns the clauses of two versions of a document into groups: one old clause with one new clause (same or
 * edited), several old clauses with one new clause (merged), one with several (split), or a clause on one side
 * only (added or removed).
 *
 * <p>How: clauses with the same words in the same order are matched first (an LCS over clause keys, by
 * java-diff-utils), then clauses whose words moved elsewhere unchanged, then clauses replaced in place by a similar
 * one; the rest are linked to their most
 * overlapping counterpart when enough of the smaller one's word pairs occur in the larger one, and linked clauses
 * form a group.
 */
final class ClauseAligner {
    /** Share of the smaller clause's word pairs that must occur in the other clause for the two to be linked. */
    static final double MIN_OVERLAP = 0.5;
    /** ... and at least this many shared word pairs, so that short stock phrases do not link unrelated clauses. */
    static final int MIN_SHARED_PAIRS = 3;
    /** Share of words (Dice) a clause replaced in place must keep to count as an edit of the old one. */
    static final double MIN_SHARED_WORDS = 0.3;

    /** A group of aligned clauses, by index in the old and new lists (either side may be empty, not both). */
    record Group(List<Integer> before, List<Integer> after) {
    }

    private ClauseAligner() {
    }

    static List<Group> align(List<String> before, List<String> after) {
        List<String> beforeKeys = before.stream().map(Words::key).toList();
        List<String> afterKeys = after.stream().map(Words::key).toList();
        List<Group> groups = new ArrayList<>();
        Set<Integer> leftBefore = new TreeSet<>();
        Set<Integer> leftAfter = new TreeSet<>();
        List<Group> replacedInPlace = matchInOrder(beforeKeys, afterKeys, groups, leftBefore, leftAfter);
        matchMoved(beforeKeys, afterKeys, groups, leftBefore, leftAfter);
        matchReplacedInPlace(replacedInPlace, beforeKeys, afterKeys, groups, leftBefore, leftAfter);
        groups.addAll(linkBySimilarity(beforeKeys, afterKeys, leftBefore, leftAfter));
        return groups;
    }

    /**
     * Matches clauses with equal keys in order; returns the one-for-one replacements (one clause out, one in, at the
     * same place) as candidates for {@link #matchReplacedInPlace}.
     */
    private static List<Group> matchInOrder(List<String> a, List<String> b, List<Group> groups, Set<Integer> leftA,
                                            Set<Integer> leftB) {
        List<Group> replacedInPlace = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++, j++) {
                groups.add(new Group(List.of(i), List.of(j)));
            }
            if (delta.getSource().size() == 1 && delta.getTarget().size() == 1) {
                replacedInPlace.add(new Group(List.of(i), List.of(j)));
            }
            for (int k = 0; k < delta.getSource().size(); k++) {
                leftA.add(i++);
            }
            for (int k = 0; k < delta.getTarget().size(); k++) {
                leftB.add(j++);
            }
        }
        for (; i < a.size(); i++, j++) {
            groups.add(new Group(List.of(i), List.of(j)));
        }
        return replacedInPlace;
    }

    /**
     * A clause replaced in place by one sharing a good part of its words is an edit of it, however short
     * ("Last updated: January 10, 2023" → "Last updated: February 7, 2024"), where word pairs would not link them.
     */
    private static void matchReplacedInPlace(List<Group> candidates, List<String> a, List<String> b,
                                             List<Group> groups, Set<Integer> leftA, Set<Integer> leftB) {
        for (Group candidate : candidates) {
            Integer i = candidate.before().get(0);
            Integer j = candidate.after().get(0);
            if (leftA.contains(i) && leftB.contains(j) && sharedWords(a.get(i), b.get(j)) >= MIN_SHARED_WORDS) {
                groups.add(candidate);
                leftA.remove(i);
                leftB.remove(j);
            }
        }
    }

    /** Dice coefficient of the two keys' word sets. */
    static double sharedWords(String x, String y) {
        Set<String> wordsX = new HashSet<>(List.of(x.split(" ")));
        Set<String> wordsY = new HashSet<>(List.of(y.split(" ")));
        long shared = wordsX.stream().filter(wordsY::contains).count();
        return 2.0 * shared / (wordsX.size() + wordsY.size());
    }

    private static void matchMoved(List<String> a, List<String> b, List<Group> groups, Set<Integer> leftA,
                                   Set<Integer> leftB) {
        Map<String, List<Integer>> unmatchedB = new HashMap<>();
        leftB.forEach(j -> unmatchedB.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j));
        for (Integer i : List.copyOf(leftA)) {
            List<Integer> same = unmatchedB.get(a.get(i));
            if (same != null && !same.isEmpty()) {
                Integer j = same.remove(0);
                groups.add(new Group(List.of(i), List.of(j)));
                leftA.remove(i);
                leftB.remove(j);
            }
        }
    }

    /** Each clause links to its best counterpart (if close enough); connected clauses form one group. */
    private static List<Group> linkBySimilarity(List<String> a, List<String> b, Set<Integer> leftA,
                                                Set<Integer> leftB) {
        Map<Integer, Set<String>> pairsA = new HashMap<>();
        Map<Integer, Set<String>> pairsB = new HashMap<>();
        leftA.forEach(i -> pairsA.put(i, wordPairs(a.get(i))));
        leftB.forEach(j -> pairsB.put(j, wordPairs(b.get(j))));

        UnionFind links = new UnionFind();
        leftA.forEach(i -> links.add(side(true, i)));
        leftB.forEach(j -> links.add(side(false, j)));
        for (Integer i : leftA) {
            best(pairsA.get(i), pairsB).ifPresent(j -> links.union(side(true, i), side(false, j)));
        }
        for (Integer j : leftB) {
            best(pairsB.get(j), pairsA).ifPresent(i -> links.union(side(true, i), side(false, j)));
        }
        return links.groups().stream().map(ClauseAligner::toGroup).toList();
    }

    private static java.util.Optional<Integer> best(Set<String> pairs, Map<Integer, Set<String>> candidates) {
        Integer bestIndex = null;
        double bestScore = 0;
        for (Map.Entry<Integer, Set<String>> candidate : candidates.entrySet()) {
            double score = overlap(pairs, candidate.getValue());
            if (score > bestScore) {
                bestScore = score;
                bestIndex = candidate.getKey();
            }
        }
        return bestScore >= MIN_OVERLAP ? java.util.Optional.of(bestIndex) : java.util.Optional.empty();
    }

    /** Shared word pairs over the smaller clause's pairs; 0 when fewer than {@link #MIN_SHARED_PAIRS} are shared. */
    static double overlap(Set<String> x, Set<String> y) {
        Set<String> small = x.size() <= y.size() ? x : y;
        Set<String> large = small == x ? y : x;
        if (small.isEmpty()) {
            return 0;
        }
        long shared = small.stream().filter(large::contains).count();
        boolean wholeSmallClause = shared == small.size();
        if (shared < MIN_SHARED_PAIRS && !(wholeSmallClause && large.size() <= 2 * MIN_SHARED_PAIRS)) {
            return 0;
        }
        return (double) shared / small.size();
    }

    /** Adjacent word pairs ("grant a", "a licence"); a one-word clause is its own pair. */
    static Set<String> wordPairs(String key) {
        String[] words = key.isEmpty() ? new String[0] : key.split(" ");
        Set<String> pairs = new HashSet<>();
        if (words.length == 1) {
            pairs.add(words[0]);
        }
        for (int k = 0; k + 1 < words.length; k++) {
            pairs.add(words[k] + " " + words[k + 1]);
        }
        return pairs;
    }

    private static long side(boolean before, int index) {
        return before ? index : -1L - index;
    }

    private static Group toGroup(List<Long> members) {
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (long member : members) {
            if (member >= 0) {
                before.add((int) member);
            } else {
                after.add((int) (-1L - member));
            }
        }
        before.sort(Comparator.naturalOrder());
        after.sort(Comparator.naturalOrder());
        return new Group(before, after);
    }

    /** Minimal union-find over clause ids. */
    private static final class UnionFind {
        private final Map<Long, Long> parent = new HashMap<>();

        void add(long x) {
            parent.putIfAbsent(x, x);
        }

        long find(long x) {
            long root = x;
            while (parent.get(root) != root) {
                root = parent.get(root);
            }
            parent.put(x, root);
            return root;
        }

        void union(long x, long y) {
            parent.put(find(x), find(y));
        }

        List<List<Long>> groups() {
            Map<Long, List<Long>> byRoot = new java.util.LinkedHashMap<>();
            new TreeSet<>(parent.keySet()).forEach(x -> byRoot.computeIfAbsent(find(x), k -> new ArrayList<>()).add(x));
            return new ArrayList<>(byRoot.values());
        }
    }
}
