package dev.policybot.eval;

import dev.policybot.domain.Clause;
import dev.policybot.domain.Slugs;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scoring rule of ARCHITECTURE.md, so that every segmentation is judged alike. Texts are normalised (NFKC, lower
 * case, every run of non-letter/digit characters → one space) and split into words. A clause hits a gold quote when it
 * belongs to the gold document (and version, when the gold names one) and at least half of the quote's words lie in
 * runs of 4 or more consecutive quote words that also occur consecutively in the clause; quotes under 4 words must
 * occur whole.
 */
public final class QuoteMatcher {
    private static final int RUN = 4;

    private QuoteMatcher() {}

    public static boolean hits(Clause clause, EvalQuestion.Gold gold) {
        return sameDocument(clause, gold.document())
                && (gold.version() == null || gold.version().equals(clause.version()))
                && textHits(clause.text(), gold.quote());
    }

    static boolean sameDocument(Clause clause, String goldDocument) {
        int slash = goldDocument.indexOf('/');
        if (slash < 0) {
            return false;
        }
        return Slugs.of(goldDocument.substring(0, slash)).equals(Slugs.of(clause.platformId()))
                && Slugs.of(goldDocument.substring(slash + 1)).equals(Slugs.of(clause.documentId()));
    }

    /** The text part of the rule. */
    public static boolean textHits(String clauseText, String quote) {
        List<String> q = words(quote);
        List<String> c = words(clauseText);
        if (q.isEmpty()) {
            return false;
        }
        if (q.size() < RUN) {
            return (" " + String.join(" ", c) + " ").contains(" " + String.join(" ", q) + " ");
        }
        Set<String> clauseRuns = new HashSet<>();
        for (int j = 0; j + RUN <= c.size(); j++) {
            clauseRuns.add(String.join(" ", c.subList(j, j + RUN)));
        }
        boolean[] covered = new boolean[q.size()];
        for (int i = 0; i + RUN <= q.size(); i++) {
            if (clauseRuns.contains(String.join(" ", q.subList(i, i + RUN)))) {
                for (int k = i; k < i + RUN; k++) {
                    covered[k] = true;
                }
            }
        }
        int count = 0;
        for (boolean b : covered) {
            count += b ? 1 : 0;
        }
        return 2 * count >= q.size();
    }

    static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return normal.isEmpty() ? List.of() : List.of(normal.split(" "));
    }
}
