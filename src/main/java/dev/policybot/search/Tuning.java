package dev.policybot.search;

import java.util.List;
import java.util.Locale;

/**
 * The knobs of hybrid retrieval, measured with {@code eval} on the public dev sets (see docs/EVALUATION.md; knobs that
 * were measured and not kept are listed there with their numbers).
 *
 * @param candidates    how many hits each side (BM25, vectors) contributes to the fusion
 * @param rrfK          the k of reciprocal rank fusion
 * @param bm25Weight    weight of the BM25 side in the fusion
 * @param denseWeight   weight of the vector side in the fusion
 * @param scoreFusion   fuse min-max normalised scores instead of reciprocal ranks
 * @param documentBoost factor for clauses of a document the question hints at ("privacy", "guidelines")
 * @param bm25K1        BM25 term-frequency saturation
 * @param bm25B         BM25 length normalisation (lower favours longer clauses)
 * @param lengthPrior   strength of a prior for longer clauses in the fused score (0 = none)
 */
public record Tuning(
        int candidates,
        double rrfK,
        double bm25Weight,
        double denseWeight,
        boolean scoreFusion,
        double documentBoost,
        double bm25K1,
        double bm25B,
        double lengthPrior) {

    public static final Tuning DEFAULT = new Tuning(50, 60, 1.0, 1.5, true, 1.0, 1.2, 0.3, 0.3);

    /** The keys of {@link #parse}, in the order of the record's components. */
    private static final List<String> KEYS = List.of("n", "k", "wb", "wd", "sf", "doc", "k1", "b", "lp");

    /** Reads {@code name=value} pairs separated by commas over these defaults, e.g. {@code wd=1.5,sf=1,b=0.5}. */
    public static Tuning parse(String spec, Tuning base) {
        double[] v = base.values();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            int i = KEYS.indexOf(kv[0].strip().toLowerCase(Locale.ROOT));
            if (i < 0) {
                throw new IllegalArgumentException("unknown tuning key " + kv[0]);
            }
            v[i] = Double.parseDouble(kv[1]);
        }
        return new Tuning((int) v[0], v[1], v[2], v[3], v[4] != 0, v[5], v[6], v[7], v[8]);
    }

    private double[] values() {
        return new double[] {
            candidates, rrfK, bm25Weight, denseWeight, scoreFusion ? 1 : 0, documentBoost, bm25K1, bm25B, lengthPrior
        };
    }
}
