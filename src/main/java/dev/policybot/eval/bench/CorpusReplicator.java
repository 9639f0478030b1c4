package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import java.util.AbstractList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus copied {@code scale} times, as "moderators add platforms": copy {@code r} (1 ≤ r &lt; scale) of platform
 * {@code soundcloud} is platform {@code soundcloud-r<r>} named "SoundCloud R&lt;r&gt;", and every clause text of it starts
 * with the marker {@code [r<r>] }, so no two clauses anywhere share a text (the index, its embedding cache and the
 * de-duplication of results all see distinct clauses). Copy 0 is the corpus itself, with every version; the other copies
 * hold the versions in force only, as a platform a moderator adds starts with its documents as they are today (its
 * history accrues later). Questions ask about the versions in force, so what a search weighs is the same either way,
 * while a hundred copies index about two thirds of the clauses that copying every version would.
 * <p>
 * The list is computed on access, so a hundred copies of the corpus cost no memory until a consumer keeps them.
 */
public final class CorpusReplicator {
    /** The marker at the start of a copied clause's text; group 1 is the copy number. */
    static final Pattern MARKER = Pattern.compile("\\[r(\\d+)\\] ");

    private CorpusReplicator() {}

    /**
     * {@code base}, then {@code scale - 1} copies of its current clauses, copy by copy, each in the order of
     * {@code base}.
     */
    public static List<Clause> replicate(List<Clause> base, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1: " + scale);
        }
        List<Clause> frozen = List.copyOf(base);
        List<Clause> current = frozen.stream().filter(Clause::isCurrent).toList();
        return new AbstractList<>() {
            @Override
            public Clause get(int index) {
                if (index < frozen.size()) {
                    return frozen.get(index);
                }
                int inCopies = index - frozen.size();
                return copy(current.get(inCopies % current.size()), 1 + inCopies / current.size());
            }

            @Override
            public int size() {
                return frozen.size() + current.size() * (scale - 1);
            }
        };
    }

    /** Copy {@code r} of one clause (copy 0 is the clause itself). */
    public static Clause copy(Clause clause, int r) {
        if (r == 0) {
            return clause;
        }
        String platformId = clause.platformId() + "-r" + r;
        String id = clause.id().startsWith(clause.platformId() + "/")
                ? platformId + clause.id().substring(clause.platformId().length())
                : clause.id() + "~r" + r;
        return new Clause(
                id,
                platformId,
                clause.platform() + " R" + r,
                clause.documentId(),
                clause.document(),
                clause.headingPath(),
                marker(r) + clause.text(),
                clause.validFrom(),
                clause.validTo(),
                clause.url(),
                null);
    }

    static String marker(int r) {
        return "[r" + r + "] ";
    }

    /** The copy number a text carries (0 when it has no marker, i.e. it is an original text). */
    static int copyOf(String text) {
        Matcher m = MARKER.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The text without its copy marker: the original's text (or, for a cut text, a prefix of it). */
    static String original(String text) {
        Matcher m = MARKER.matcher(text);
        return m.find() ? text.substring(0, m.start()) + text.substring(m.end()) : text;
    }
}
