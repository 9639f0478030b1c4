package dev.policybot.search;

import dev.policybot.domain.UnderstoodQuery;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/** The two candidate lists (BM25 top and vector top) and their fusion into one score per Lucene doc id. */
final class Fusion {
    private final RetrievalMode mode;
    private final Tuning tuning;

    Fusion(RetrievalMode mode, Tuning tuning) {
        this.mode = mode;
        this.tuning = tuning;
    }

    TopDocs bm25Top(IndexSearcher searcher, Query words) throws IOException {
        // hits are counted only as far as the candidates: past that, Lucene skips what cannot compete
        return searcher.search(words, new TopScoreDocCollectorManager(tuning.candidates(), null, tuning.candidates()));
    }

    TopDocs knnTop(IndexSearcher searcher, float[] vector, Query filter) throws IOException {
        return searcher.search(
                new KnnFloatVectorQuery(IndexFields.VECTOR, vector, tuning.candidates(), filter), tuning.candidates());
    }

    /** Min-max normalised scores (or reciprocal ranks) of each side, weighted and summed; one side alone keeps its own. */
    Map<Integer, Double> fused(TopDocs bm25, TopDocs knn, UnderstoodQuery understood) {
        Map<Integer, Double> fused = new HashMap<>();
        if (bm25 != null) {
            fuse(fused, bm25, tuning.bm25Weight(), mode == RetrievalMode.BM25);
        }
        if (knn != null) {
            fuse(fused, knn, tuning.denseWeight() * understood.denseTrust(), mode == RetrievalMode.DENSE);
        }
        return fused;
    }

    private void fuse(Map<Integer, Double> fused, TopDocs top, double weight, boolean alone) {
        ScoreDoc[] docs = top.scoreDocs;
        double max = docs.length == 0 ? 1 : docs[0].score;
        double min = docs.length == 0 ? 0 : docs[docs.length - 1].score;
        for (int rank = 0; rank < docs.length; rank++) {
            double contribution;
            if (alone) {
                contribution = docs[rank].score;
            } else if (tuning.scoreFusion()) {
                contribution = weight * (max == min ? 1 : (docs[rank].score - min) / (max - min));
            } else {
                contribution = weight / (tuning.rrfK() + rank + 1);
            }
            fused.merge(docs[rank].doc, contribution, Double::sum);
        }
    }

    /**
     * A question without a single content word (only emoji, punctuation or query syntax) can embed to the zero vector;
     * cosine against it is undefined (Lucene asserts), so such a question is ranked by its words alone.
     */
    static boolean hasDirection(float[] vector) {
        for (float x : vector) {
            if (x != 0f) {
                return true;
            }
        }
        return false;
    }
}
