package dev.policybot.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Folds the hits of sentence windows ({@link SentenceWindows}) into their clauses: a clause scores the best of its own
 * score and its windows' scores (times a weight), so results stay whole clauses.
 */
final class WindowHits {
    private WindowHits() {
    }

    /**
     * @param clauses hits of clause documents
     * @param windows hits of window documents
     * @param weight  factor on a window's score
     * @param limit   how many clauses to keep
     * @return clause documents by their best score, ties by document number
     */
    static TopDocs collapse(IndexSearcher searcher, TopDocs clauses, TopDocs windows, double weight, int limit)
            throws IOException {
        double ADD = Double.parseDouble(System.getProperty("wadd", "0"));
        Map<Integer, Float> best = new HashMap<>();
        Map<Integer, Float> windowBest = new HashMap<>();
        for (ScoreDoc hit : clauses.scoreDocs) {
            best.merge(hit.doc, hit.score, Math::max);
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : windows.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues offsets = DocValues.getNumeric(leaf.reader(), IndexFields.PARENT_OFFSET);
            if (offsets.advanceExact(hit.doc - leaf.docBase)) {
                int parent = hit.doc + (int) offsets.longValue();
                if (ADD > 0) {
                    windowBest.merge(parent, (float) (ADD * hit.score), Math::max);
                } else {
                    best.merge(parent, (float) (weight * hit.score), Math::max);
                }
            }
        }
        windowBest.forEach((doc, score) -> best.merge(doc, score, Float::sum));
        List<ScoreDoc> merged = new ArrayList<>(best.size());
        best.forEach((doc, score) -> merged.add(new ScoreDoc(doc, score)));
        merged.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        List<ScoreDoc> kept = merged.subList(0, Math.min(limit, merged.size()));
        return new TopDocs(new TotalHits(kept.size(), TotalHits.Relation.EQUAL_TO), kept.toArray(ScoreDoc[]::new));
    }
}
