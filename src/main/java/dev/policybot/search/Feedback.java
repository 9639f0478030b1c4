package dev.policybot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.StoredFields;

/**
 * Pseudo-relevance feedback: what the first pass's best hits say about the question, for a second pass. The vector
 * moves towards theirs (Rocchio); BM25 gains their most telling terms (term frequency in the clause times rarity in the
 * index, as RM3 weighs a feedback document's words, with rarity standing in for its stop list).
 */
final class Feedback {
    private Feedback() {
    }

    /** {@code q + mix * mean(v)}, over unit vectors, as a unit vector; {@code q} when no hit has a vector. */
    static float[] movedVector(IndexReader reader, float[] query, List<Integer> docs, double mix) throws IOException {
        double[] mean = new double[query.length];
        int found = 0;
        for (int doc : docs) {
            float[] v = vectorOf(reader, doc);
            if (v != null && v.length == query.length) {
                double norm = norm(v);
                for (int i = 0; i < v.length; i++) {
                    mean[i] += v[i] / norm;
                }
                found++;
            }
        }
        if (found == 0) {
            return query;
        }
        double qNorm = norm(query);
        float[] moved = new float[query.length];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = (float) (query[i] / qNorm + mix * mean[i] / found);
        }
        float n = (float) norm(moved);
        for (int i = 0; i < moved.length; i++) {
            moved[i] /= n;
        }
        return moved;
    }

    /** Up to {@code count} terms of the hits' texts, not among {@code own}, each with its weight (the best one 1). */
    static Map<String, Float> terms(IndexReader reader, Analyzer analyzer, List<Integer> docs, Set<String> own,
                                    int count) throws IOException {
        StoredFields stored = reader.storedFields();
        Map<String, Double> weights = new HashMap<>();
        int total = Math.max(1, reader.numDocs());
        Map<String, Double> idf = new HashMap<>();
        for (int doc : docs) {
            List<String> words = QueryTerms.list(analyzer, IndexFields.TEXT, stored.document(doc).get(IndexFields.TEXT));
            for (Map.Entry<String, Integer> e : counts(words).entrySet()) {
                String term = e.getKey();
                if (own.contains(term) || term.length() < 3 || term.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                double rarity = idf.computeIfAbsent(term, t -> {
                    try {
                        int df = reader.docFreq(new Term(IndexFields.TEXT, t));
                        return Math.log(1 + (total - df + 0.5) / (df + 0.5));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
                weights.merge(term, rarity * e.getValue() / words.size(), Double::sum);
            }
        }
        Map<String, Float> best = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(count)
                .forEach(e -> best.put(e.getKey(), e.getValue().floatValue()));
        float top = best.values().stream().findFirst().orElse(1f);
        best.replaceAll((term, w) -> w / top);
        return best;
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts;
    }

    private static float[] vectorOf(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        int local = doc - leaf.docBase;
        if (vectors == null || vectors.advance(local) != local) {
            return null;
        }
        return vectors.vectorValue().clone();
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return sum == 0 ? 1 : Math.sqrt(sum);
    }
}
