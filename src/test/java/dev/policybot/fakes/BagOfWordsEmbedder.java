package dev.policybot.fakes;

import dev.policybot.domain.port.Embedder;
import dev.policybot.text.Words;
import java.util.ArrayList;
import java.util.List;

/** A stand-in for the real embedding model: hashed bag of content terms, unit length. Deterministic and fast. */
public final class BagOfWordsEmbedder implements Embedder {
    private static final int DIMENSION = 512;
    private int calls;

    @Override
    public List<float[]> embedAll(List<String> texts) {
        calls++;
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    private static float[] embed(String text) {
        float[] v = new float[DIMENSION];
        for (String term : Words.contentTerms(text)) {
            v[Math.floorMod(term.hashCode(), DIMENSION)] += 1;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
        }
        return v;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return "bag-of-words-test";
    }

    public int calls() {
        return calls;
    }
}
