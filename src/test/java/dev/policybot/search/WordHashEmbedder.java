package dev.policybot.search;

import dev.policybot.domain.port.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A test embedder: bag of lower-cased words hashed into 384 dimensions, unit length; counts what it embedded. */
final class WordHashEmbedder implements Embedder {
    int embedded;
    RuntimeException failWith;

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (failWith != null) {
            throw failWith;
        }
        embedded += texts.size();
        List<float[]> out = new ArrayList<>();
        for (String text : texts) {
            out.add(vector(text));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    static float[] vector(String text) {
        float[] v = new float[384];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), 384)] += 1;
            }
        }
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String modelId() {
        return "word-hash-test";
    }
}
