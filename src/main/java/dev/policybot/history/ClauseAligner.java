package dev.policybot.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.policybot.text.DiffWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    record Group(List<Integer> before, List<Integer> after) {}

    private ClauseAligner() {}

    /** Aligns clause texts compared by {@link DiffWords#key}. */
    static List<Group> align(List<String> before, List<String> after) {
        return alignKeys(
                before.stream().map(DiffWords::key).toList(),
                after.stream().map(DiffWords::key).toList());
    }

    /** Aligns clauses by their content keys (words joined by single spaces). */
    static List<Group> alignKeys(List<String> beforeKeys, List<String> afterKeys) {
        List<Group> groups = new ArrayList<>();
        Set<Integer> leftBefore = new TreeSet<>();
        Set<Integer> leftAfter = new TreeSet<>();
        List<Group> replaced = matchInOrder(beforeKeys, afterKeys, groups, leftBefore, leftAfter);
        matchMoved(beforeKeys, afterKeys, groups, leftBefore, leftAfter);
        List<Group> linked = linkBySimilarity(beforeKeys, afterKeys, leftBefore, leftAfter);
        groups.addAll(pairReplacedInPlace(linked, replaced, beforeKeys, afterKeys));
        return groups;
    }

    /**
     * Matches clauses with equal keys in order; returns each stretch that was replaced (old clauses out, new ones in,
     * at the same place) for {@link #pairReplacedInPlace}.
     */
    private static List<Group> matchInOrder(
            List<String> a, List<String> b, List<Group> groups, Set<Integer> leftA, Set<Integer> leftB) {
        List<Group> replaced = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++, j++) {
                groups.add(new Group(List.of(i), List.of(j)));
            }
            List<Integer> out = new ArrayList<>();
            List<Integer> in = new ArrayList<>();
            for (int k = 0; k < delta.getSource().size(); k++) {
                out.add(i);
                leftA.add(i++);
            }
            for (int k = 0; k < delta.getTarget().size(); k++) {
                in.add(j);
                leftB.add(j++);
            }
            replaced.add(new Group(out, in));
        }
        for (; i < a.size(); i++, j++) {
            groups.add(new Group(List.of(i), List.of(j)));
        }
        return replaced;
    }

    /**
     * A clause left alone after linking, replaced in place by a clause sharing a good part of its words, is an edit of
     * it however short ("Effective Date: March 31, 2023" → "Effective Date: August 7, 2023"), where word pairs are
     * too few to link them.
     */
    private static List<Group> pairReplacedInPlace(
            List<Group> linked, List<Group> replaced, List<String> a, List<String> b) {
        Set<Integer> aloneA = new HashSet<>();
        Set<Integer> aloneB = new HashSet<>();
        linked.stream().filter(g -> g.after().isEmpty()).forEach(g -> aloneA.addAll(g.before()));
        linked.stream().filter(g -> g.before().isEmpty()).forEach(g -> aloneB.addAll(g.after()));
        List<Group> result = new ArrayList<>();
        for (Group stretch : replaced) {
            List<Integer> out =
                    stretch.before().stream().filter(aloneA::contains).toList();
            List<Integer> in = stretch.after().stream().filter(aloneB::contains).toList();
            for (Group pair : bestPairs(out, in, a, b)) {
                result.add(pair);
                aloneA.remove(pair.before().get(0));
                aloneB.remove(pair.after().get(0));
            }
        }
        for (Group g : linked) {
            boolean paired = g.after().isEmpty()
                    ? !aloneA.containsAll(g.before())
                    : g.before().isEmpty() && !aloneB.containsAll(g.after());
            if (!paired) {
                result.add(g);
            }
        }
        return result;
    }

    /** Greedy one-to-one pairs, most similar first, of clauses sharing at least {@link #MIN_SHARED_WORDS}. */
    private static List<Group> bestPairs(List<Integer> out, List<Integer> in, List<String> a, List<String> b) {
        record Candidate(int i, int j, double score) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int i : out) {
            for (int j : in) {
                double score = sharedWords(a.get(i), b.get(j));
                if (score >= MIN_SHARED_WORDS) {
                    candidates.add(new Candidate(i, j, score));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Set<Integer> usedA = new HashSet<>();
        Set<Integer> usedB = new HashSet<>();
        List<Group> pairs = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!usedA.contains(c.i()) && !usedB.contains(c.j())) {
                usedA.add(c.i());
                usedB.add(c.j());
                pairs.add(new Group(List.of(c.i()), List.of(c.j())));
            }
        }
        return pairs;
    }

    /** Dice coefficient of the two keys' word sets. */
    static double sharedWords(String x, String y) {
        Set<String> wordsX = new HashSet<>(List.of(x.split(" ")));
        Set<String> wordsY = new HashSet<>(List.of(y.split(" ")));
        long shared = wordsX.stream().filter(wordsY::contains).count();
        return 2.0 * shared / (wordsX.size() + wordsY.size());
    }

    private static void matchMoved(
            List<String> a, List<String> b, List<Group> groups, Set<Integer> leftA, Set<Integer> leftB) {
        Map<String, List<Integer>> unmatchedB = new HashMap<>();
        leftB.forEach(j ->
                unmatchedB.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j));
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

    /**
     * Each clause links to its best counterpart (if close enough); linked clauses form one group. Links are taken
     * best first, and only while a group stays one-to-many or many-to-one, so that a chain of links through
     * repetitive text cannot glue whole sections together.
     */
    private static List<Group> linkBySimilarity(
            List<String> a, List<String> b, Set<Integer> leftA, Set<Integer> leftB) {
        Map<Integer, Set<String>> pairsA = new HashMap<>();
        Map<Integer, Set<String>> pairsB = new HashMap<>();
        leftA.forEach(i -> pairsA.put(i, wordPairs(a.get(i))));
        leftB.forEach(j -> pairsB.put(j, wordPairs(b.get(j))));

        List<Link> links = new ArrayList<>();
        for (Integer i : leftA) {
            best(pairsA.get(i), pairsB).ifPresent(j -> links.add(new Link(i, j.index(), j.score())));
        }
        for (Integer j : leftB) {
            best(pairsB.get(j), pairsA).ifPresent(i -> links.add(new Link(i.index(), j, i.score())));
        }
        links.sort(Comparator.comparingDouble(Link::score)
                .reversed()
                .thenComparingInt(Link::before)
                .thenComparingInt(Link::after));
        UnionFind groups = new UnionFind();
        leftA.forEach(i -> groups.add(side(true, i)));
        leftB.forEach(j -> groups.add(side(false, j)));
        for (Link link : links) {
            groups.unionIfStar(side(true, link.before()), side(false, link.after()));
        }
        return groups.groups().stream().map(ClauseAligner::toGroup).toList();
    }

    private record Link(int before, int after, double score) {}

    private record Scored(int index, double score) {}

    private static Optional<Scored> best(Set<String> pairs, Map<Integer, Set<String>> candidates) {
        Scored best = null;
        for (Map.Entry<Integer, Set<String>> candidate : candidates.entrySet()) {
            double score = overlap(pairs, candidate.getValue());
            if (score >= MIN_OVERLAP
                    && (best == null
                            || score > best.score()
                            || score == best.score() && candidate.getKey() < best.index())) {
                best = new Scored(candidate.getKey(), score);
            }
        }
        return Optional.ofNullable(best);
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

    /** Minimal union-find over clause ids (old clauses ≥ 0, new clauses < 0), counting each side per group. */
    private static final class UnionFind {
        private final Map<Long, Long> parent = new HashMap<>();
        private final Map<Long, int[]> sides = new HashMap<>();

        void add(long x) {
            parent.putIfAbsent(x, x);
            sides.putIfAbsent(x, x >= 0 ? new int[] {1, 0} : new int[] {0, 1});
        }

        long find(long x) {
            long root = x;
            while (parent.get(root) != root) {
                root = parent.get(root);
            }
            parent.put(x, root);
            return root;
        }

        /** Joins the groups of x and y unless the result would have several clauses on both sides. */
        void unionIfStar(long x, long y) {
            long rx = find(x);
            long ry = find(y);
            if (rx == ry) {
                return;
            }
            int[] a = sides.get(rx);
            int[] b = sides.get(ry);
            int before = a[0] + b[0];
            int after = a[1] + b[1];
            if (before > 1 && after > 1) {
                return;
            }
            parent.put(rx, ry);
            sides.put(ry, new int[] {before, after});
        }

        List<List<Long>> groups() {
            Map<Long, List<Long>> byRoot = new LinkedHashMap<>();
            new TreeSet<>(parent.keySet())
                    .forEach(x -> byRoot.computeIfAbsent(find(x), k -> new ArrayList<>())
                            .add(x));
            return new ArrayList<>(byRoot.values());
        }
    }
}
