package dev.policybot.eval.bench;

import dev.policybot.domain.port.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The passage vectors of the benchmark: the model's own vector for an original text (through {@code model}, normally a
 * persistent cache of the model's vectors), and for a text of a corpus copy the vector of its original with a small
 * deterministic perturbation. The model cannot embed a hundred copies of the corpus on two cores in minutes, so the
 * vectors of copies are <em>derived, not re-embedded</em>: an index built from them measures indexing only.
 * <p>
 * A copy's original is found by its text without the marker; since the index may cut long texts, originals are keyed
 * by their first {@link #KEY_CHARS} characters. An original must have been embedded (by this object) before its copies.
 */
public final class BenchVectors implements Embedder {
    /** Shorter than any cut the index makes minus the longest marker, so a cut copy still finds its original. */
    static final int KEY_CHARS = 900;
    /** Norm of the noise added to a unit vector: cosine to the original is about {@code 1/sqrt(1+ε²)} ≈ 0.98. */
    static final double EPSILON = 0.2;
    /** Names how copies and their vectors are made; change it whenever either changes, so kept indexes are rebuilt. */
    static final String FORMAT = "marker-prefix/current-versions/uniform-noise-0.2/v2";

    private final Embedder model;
    private final Map<String, float[]> originals = new HashMap<>();
    private long derived;
    private long missingOriginals;

    /** @param model the model's vectors for original texts (a cache of them, so a warm run embeds nothing) */
    public BenchVectors(Embedder model) {
        this.model = model;
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        Map<String, Integer> needModel = new LinkedHashMap<>();
        for (String text : texts) {
            if (CorpusReplicator.copyOf(text) == 0) {
                needModel.putIfAbsent(text, needModel.size());
            }
        }
        List<String> fresh = new ArrayList<>(needModel.keySet());
        List<float[]> embedded = fresh.isEmpty() ? List.of() : model.embedAll(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            originals.putIfAbsent(key(fresh.get(i)), embedded.get(i));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            Integer at = needModel.get(text);
            out.add(at != null ? embedded.get(at) : derive(text));
        }
        return out;
    }

    private float[] derive(String text) {
        float[] original = originals.get(key(CorpusReplicator.original(text)));
        derived++;
        if (original == null) {
            missingOriginals++;
            original = new float[dimension()];
        }
        return perturb(original, text);
    }

    /**
     * {@code normalize(v + ε·u/|u|)} with {@code u} uniform in [-1, 1]^d, seeded by the text: the same text always gets the
     * same vector. (Uniform rather than Gaussian noise: as good a direction for this purpose, and much cheaper for a
     * million copies.)
     */
    static float[] perturb(float[] vector, String text) {
        SplittableRandom random = new SplittableRandom(seed(text));
        double[] noise = new double[vector.length];
        double noiseNorm = 0;
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 2 * random.nextDouble() - 1;
            noiseNorm += noise[i] * noise[i];
        }
        noiseNorm = Math.sqrt(noiseNorm);
        float[] out = new float[vector.length];
        double norm = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (vector[i] + EPSILON * noise[i] / noiseNorm);
            norm += out[i] * out[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] / norm);
        }
        return out;
    }

    private static long seed(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    static String key(String text) {
        return text.length() <= KEY_CHARS ? text : text.substring(0, KEY_CHARS);
    }

    /** Vectors derived from an original so far. */
    public synchronized long derivedCount() {
        return derived;
    }

    /** Copies whose original had not been embedded (should be 0; they get a random vector). */
    public synchronized long missingOriginals() {
        return missingOriginals;
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
