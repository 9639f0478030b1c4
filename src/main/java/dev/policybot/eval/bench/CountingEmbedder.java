package dev.policybot.eval.bench;

import dev.policybot.domain.port.Embedder;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the passages that reach the model, so the report can say what was embedded and what came from a cache. */
final class CountingEmbedder implements Embedder {
    private final Embedder model;
    private final AtomicLong passages = new AtomicLong();

    CountingEmbedder(Embedder model) {
        this.model = model;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        passages.addAndGet(texts.size());
        return model.embedAll(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embedQuery(query);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    long passages() {
        return passages.get();
    }
}
