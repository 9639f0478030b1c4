package dev.policybot.search;

import dev.policybot.domain.Clause;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.UnderstoodQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * Turns fused candidates into ranked clauses: the document-hint boost, the length prior and the question's clause
 * prior applied with one arithmetic, identical clauses of a platform shown once, ties broken by version key.
 */
final class CandidateRanking {
    /** Best score first, ties by version key. */
    private static final Comparator<ScoredClause> RANKING = Comparator.comparingDouble(ScoredClause::score)
            .reversed()
            .thenComparing(hit -> hit.clause().versionKey());

    private final Tuning tuning;

    CandidateRanking(Tuning tuning) {
        this.tuning = tuning;
    }

    /**
     * The fused candidates as clauses, best first (ties by version key), de-duplicated, cut to {@code limit}. Reading a
     * clause's stored fields is the dearest step of a search, so candidates are scored from doc values (document key,
     * text length), then read in order of score, one group of equal scores at a time, only until {@code limit} distinct
     * clauses are found; the order is exactly that of sorting all of them. A question's clause prior needs every
     * candidate's text, and so does the length prior in an index built without text lengths: then all are read.
     */
    List<ScoredClause> ordered(
            IndexSearcher searcher,
            Map<Integer, Double> fused,
            Set<String> hinted,
            UnderstoodQuery.ClausePrior prior,
            int limit)
            throws IOException {
        if (tuning.lengthPrior() > 0 && !hasTextLengths(searcher)) {
            return orderedReadingAll(searcher, fused, hinted, prior, limit);
        }
        List<Map.Entry<Integer, Double>> byScore = boosted(searcher, fused, hinted);
        byScore.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
        if (prior != UnderstoodQuery.ClausePrior.NONE) {
            return orderedWithPrior(searcher, byScore, prior, limit);
        }
        StoredFields stored = searcher.storedFields();
        List<ScoredClause> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < byScore.size() && kept.size() < limit; ) {
            int to = from;
            while (to < byScore.size()
                    && byScore.get(to).getValue().equals(byScore.get(from).getValue())) {
                to++;
            }
            List<ScoredClause> group = new ArrayList<>(to - from);
            for (Map.Entry<Integer, Double> entry : byScore.subList(from, to)) {
                group.add(
                        new ScoredClause(ClauseDocuments.toClause(stored.document(entry.getKey())), entry.getValue()));
            }
            group.sort(Comparator.comparing(hit -> hit.clause().versionKey()));
            for (ScoredClause hit : group) {
                if (kept.size() < limit && seen.add(dedupeKey(hit))) {
                    kept.add(hit);
                }
            }
            from = to;
        }
        return kept;
    }

    /**
     * With a question's clause prior: candidates are read best score first, each scored with its prior, until no unread
     * one could reach the {@code limit}-th distinct clause even with the prior's largest factor; then ranked as
     * {@link #orderedReadingAll} ranks (the unread ones would all have ranked below).
     */
    private List<ScoredClause> orderedWithPrior(
            IndexSearcher searcher,
            List<Map.Entry<Integer, Double>> byScore,
            UnderstoodQuery.ClausePrior prior,
            int limit)
            throws IOException {
        double atMost = prior.atMost();
        StoredFields stored = searcher.storedFields();
        List<ScoredClause> scored = new ArrayList<>();
        Map<String, ScoredClause> bestOfEachText = new HashMap<>();
        for (Map.Entry<Integer, Double> entry : byScore) {
            boolean outOfReach = limit > 0
                    && bestOfEachText.size() >= limit
                    && entry.getValue() * atMost < lowestKept(bestOfEachText, limit);
            if (outOfReach) {
                break;
            }
            Clause clause = ClauseDocuments.toClause(stored.document(entry.getKey()));
            ScoredClause hit = new ScoredClause(clause, entry.getValue() * prior.of(clause));
            scored.add(hit);
            bestOfEachText.merge(dedupeKey(hit), hit, (a, b) -> RANKING.compare(a, b) <= 0 ? a : b);
        }
        scored.sort(RANKING);
        return dedupe(scored, limit);
    }

    /** The score of the {@code limit}-th best distinct clause read so far. */
    private static double lowestKept(Map<String, ScoredClause> bestOfEachText, int limit) {
        List<ScoredClause> best = new ArrayList<>(bestOfEachText.values());
        best.sort(RANKING);
        return best.get(limit - 1).score();
    }

    private static boolean hasTextLengths(IndexSearcher searcher) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(IndexFields.TEXT_LENGTH) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fused scores times the document-hint boost and the length prior, read from doc values (no stored fields), with
     * the same arithmetic as {@link #orderedReadingAll}. Candidates are visited in doc id order, as doc values iterate.
     */
    private List<Map.Entry<Integer, Double>> boosted(
            IndexSearcher searcher, Map<Integer, Double> fused, Set<String> hinted) throws IOException {
        boolean hinting = !hinted.isEmpty() && tuning.documentBoost() != 1.0;
        boolean lengths = tuning.lengthPrior() > 0;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Map.Entry<Integer, Double>> scores = new ArrayList<>(fused.entrySet());
        scores.sort(Map.Entry.comparingByKey());
        LeafReaderContext leaf = null;
        SortedSetDocValues keys = null;
        NumericDocValues textLengths = null;
        for (int i = 0; i < scores.size(); i++) {
            int doc = scores.get(i).getKey();
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                keys = hinting ? DocValues.getSortedSet(leaf.reader(), IndexFields.DOCUMENT_KEY) : null;
                textLengths = lengths ? DocValues.getNumeric(leaf.reader(), IndexFields.TEXT_LENGTH) : null;
            }
            double boost = 1.0;
            if (hinting && keys.advanceExact(doc - leaf.docBase)) {
                String documentId =
                        keys.lookupOrd(keys.nextOrd()).utf8ToString().split("\t", -1)[1];
                boost = documentBoost(DocumentHints.matches(hinted, documentId));
            }
            if (lengths && textLengths.advanceExact(doc - leaf.docBase)) {
                boost *= lengthBoost(textLengths.longValue());
            }
            scores.set(i, Map.entry(doc, scores.get(i).getValue() * boost));
        }
        return scores;
    }

    private List<ScoredClause> orderedReadingAll(
            IndexSearcher searcher,
            Map<Integer, Double> fused,
            Set<String> hinted,
            UnderstoodQuery.ClausePrior prior,
            int limit)
            throws IOException {
        List<ScoredClause> scored = new ArrayList<>(fused.size());
        StoredFields stored = searcher.storedFields();
        for (Map.Entry<Integer, Double> entry : fused.entrySet()) {
            Clause clause = ClauseDocuments.toClause(stored.document(entry.getKey()));
            double boost = documentBoost(!hinted.isEmpty() && DocumentHints.matches(hinted, clause));
            boost *= lengthBoost(clause.text().length());
            scored.add(new ScoredClause(clause, entry.getValue() * boost * prior.of(clause)));
        }
        scored.sort(RANKING);
        return dedupe(scored, limit);
    }

    /** The platform and the text with each whitespace run ({@code \s+}) as one space, without a regex per clause. */
    private static String dedupeKey(ScoredClause hit) {
        String text = hit.clause().text().strip();
        StringBuilder key = new StringBuilder(hit.clause().platformId().length() + 1 + text.length())
                .append(hit.clause().platformId())
                .append('\n');
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space) {
                key.append(c);
            } else if (!inSpace) {
                key.append(' ');
            }
            inSpace = space;
        }
        return key.toString();
    }

    /** Keeps the best of clauses with the same text on the same platform (documents that repeat a section). */
    private static List<ScoredClause> dedupe(List<ScoredClause> ranked, int limit) {
        Set<String> seen = new HashSet<>();
        List<ScoredClause> kept = new ArrayList<>();
        for (ScoredClause hit : ranked) {
            if (seen.add(dedupeKey(hit))) {
                kept.add(hit);
                if (kept.size() == limit) {
                    break;
                }
            }
        }
        return kept;
    }

    /** The factor for a clause of a document the question hints at ("privacy", "guidelines"). */
    private double documentBoost(boolean hinted) {
        return hinted ? tuning.documentBoost() : 1.0;
    }

    /** The prior for longer clauses, from the text's length in characters. */
    private double lengthBoost(long length) {
        return 1 + tuning.lengthPrior() * Math.log1p(length / 400.0);
    }
}
