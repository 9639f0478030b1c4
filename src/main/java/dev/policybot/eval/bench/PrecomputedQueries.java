package dev.policybot.eval.bench;

import dev.policybot.domain.port.Embedder;
import java.util.List;
import java.util.Map;

/**
 * An embedder whose query vectors were computed beforehand, so that timing a search measures retrieval alone, without
 * query embedding. Asking it for a query it does not know is a harness bug, not a slow path, so it fails.
 */
final class PrecomputedQueries implements Embedder {
    private final Map<String, float[]> queries;
    private final Embedder passages;

    /**
     * @param queries  query text to its vector
     * @param passages answers {@link #embedAll} (never used by a search, kept for completeness)
     */
    PrecomputedQueries(Map<String, float[]> queries, Embedder passages) {
        this.queries = Map.copyOf(queries);
        this.passages = passages;
    }

    @Override
    public float[] embedQuery(String query) {
        float[] vector = queries.get(query);
        if (vector == null) {
            throw new IllegalStateException("query was not embedded beforehand: " + query);
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return passages.embedAll(texts);
    }

    @Override
    public int dimension() {
        return passages.dimension();
    }

    @Override
    public String modelId() {
        return passages.modelId();
    }
}
