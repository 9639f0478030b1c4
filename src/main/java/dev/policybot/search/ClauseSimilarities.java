package dev.policybot.search;

import dev.policybot.domain.ScoredClause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Gives each retrieved clause the question's cosine similarity to its stored vector, so that an answer can judge
 * relevance without embedding the clause again. Reads one vector per hit (found by its version key), whatever side
 * of the fusion retrieved it.
 */
final class ClauseSimilarities {
    private ClauseSimilarities() {}

    /** The hits, in order, each with its similarity to {@code query} ({@code NaN} when the clause has no vector). */
    static List<ScoredClause> of(IndexReader reader, List<ScoredClause> hits, float[] query) throws IOException {
        List<ScoredClause> withSimilarity = new ArrayList<>(hits.size());
        for (ScoredClause hit : hits) {
            float[] vector = vectorOf(reader, hit.clause().versionKey());
            double similarity = vector == null || vector.length != query.length
                    ? Double.NaN
                    : 2.0 * VectorSimilarityFunction.COSINE.compare(query, vector) - 1.0; // Lucene scores (1 + cos) / 2
            withSimilarity.add(new ScoredClause(hit.clause(), hit.score(), similarity));
        }
        return withSimilarity;
    }

    /** The vector of the document with this version key that has one, or {@code null}. */
    private static float[] vectorOf(IndexReader reader, String versionKey) throws IOException {
        BytesRef key = new BytesRef(versionKey);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.KEY);
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (terms == null || vectors == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (!termsEnum.seekExact(key)) {
                continue;
            }
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (leaf.reader().getLiveDocs() != null
                        && !leaf.reader().getLiveDocs().get(doc)) {
                    continue;
                }
                if (vectors.docID() < doc && vectors.advance(doc) == doc) {
                    return vectors.vectorValue().clone();
                }
            }
        }
        return null;
    }
}
