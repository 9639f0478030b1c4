package dev.policybot.domain.port;

import java.util.List;

/** Port: turns texts into unit-length vectors of a fixed dimension. Blank texts must not be passed. */
public interface Embedder {

    /** Embeds passages (clauses), in order. */
    List<float[]> embedAll(List<String> texts);

    /** Embeds a search query (some models prefix queries differently from passages). */
    default float[] embedQuery(String query) {
        return embedAll(List.of(query)).get(0);
    }

    int dimension();

    /** Identifies the model, so caches of vectors are keyed by it. */
    String modelId();
}
