package dev.policybot.embedding;

import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Embedder} that embeds passages a slice at a time and reports, after each slice, how many of the call's
 * texts are embedded: a first build embeds thousands of clauses, minutes on two cores, and a person should see it
 * move. Vectors are exactly the model's; only the order of the calls changes.
 */
public final class EmbeddingProgress implements Embedder {
    /** Texts per slice: small enough for a smooth bar, large enough that reporting costs nothing. */
    static final int SLICE = 64;

    private final Embedder model;
    private final ProgressListener progress;

    /**
     * @param model    the model
     * @param progress told {@code (embedded, total, "clauses embedded")} after every slice of an {@link #embedAll} call
     */
    public EmbeddingProgress(Embedder model, ProgressListener progress) {
        this.model = model;
        this.progress = progress;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += SLICE) {
            vectors.addAll(model.embedAll(texts.subList(start, Math.min(texts.size(), start + SLICE))));
            progress.progress(vectors.size(), texts.size(), "clauses embedded");
        }
        return vectors;
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
}
