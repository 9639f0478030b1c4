package dev.policybot.embedding;

import dev.policybot.domain.port.Embedder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of the last few queries. One question is embedded several times on its way to an answer (its
 * topics, its nearest clauses, its best sentences), mostly as the same text; this makes the repeats free. Passages
 * are passed through. Thread-safe; the model is never called while the lock is held.
 */
public final class RecentQueries implements Embedder {
    private final Embedder model;
    private final Map<String, float[]> recent;

    /** @param capacity how many distinct query texts to remember */
    public RecentQueries(Embedder model, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.model = model;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        float[] known;
        synchronized (recent) {
            known = recent.get(query);
        }
        if (known == null) {
            known = model.embedQuery(query);
            synchronized (recent) {
                recent.put(query, known);
            }
        }
        return known.clone();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelId() {
        return model.modelId();
    }
}
