package dev.policybot.search;

import java.util.Locale;

/**
 * The knobs of hybrid retrieval, measured with {@code eval} on the public dev sets (see the README).
 *
 * @param candidates    how many hits each side (BM25, vectors) contributes to the fusion
 * @param rrfK          the k of reciprocal rank fusion
 * @param bm25Weight    weight of the BM25 side in the fusion
 * @param denseWeight   weight of the vector side in the fusion
 * @param scoreFusion   fuse min-max normalised scores instead of reciprocal ranks
 * @param exactWeight   weight of the unstemmed field next to the stemmed one in BM25
 * @param synonymWeight weight of policy-vocabulary synonyms added to BM25
 * @param documentBoost factor for clauses of a document the question hints at ("privacy", "guidelines")
 * @param bm25K1        BM25 term-frequency saturation
 * @param bm25B         BM25 length normalisation (lower favours longer clauses)
 * @param lengthPrior   strength of a prior for longer clauses in the fused score (0 = none)
 */
public record Tuning(int candidates, double rrfK, double bm25Weight, double denseWeight, boolean scoreFusion,
                     double exactWeight, double synonymWeight, double documentBoost, double bm25K1, double bm25B,
                     double lengthPrior) {

    public static final Tuning DEFAULT = new Tuning(50, 60, 1.0, 1.5, true, 0.0, 0.0, 1.0, 1.2, 0.3, 0.3);

    /** Reads {@code name=value} pairs separated by commas over these defaults, e.g. {@code wd=1.5,sf=1,b=0.5}. */
    public static Tuning parse(String spec, Tuning base) {
        Tuning t = base;
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            double v = Double.parseDouble(kv[1]);
            t = switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                case "n" -> new Tuning((int) v, t.rrfK, t.bm25Weight, t.denseWeight, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, t.documentBoost, t.bm25K1, t.bm25B, t.lengthPrior);
                case "k" -> new Tuning(t.candidates, v, t.bm25Weight, t.denseWeight, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, t.documentBoost, t.bm25K1, t.bm25B, t.lengthPrior);
                case "wb" -> new Tuning(t.candidates, t.rrfK, v, t.denseWeight, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, t.documentBoost, t.bm25K1, t.bm25B, t.lengthPrior);
                case "wd" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, v, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, t.documentBoost, t.bm25K1, t.bm25B, t.lengthPrior);
                case "sf" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, t.denseWeight, v != 0, t.exactWeight,
                        t.synonymWeight, t.documentBoost, t.bm25K1, t.bm25B, t.lengthPrior);
                case "ex" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, t.denseWeight, t.scoreFusion, v,
                        t.synonymWeight, t.documentBoost, t.bm25K1, t.bm25B, t.lengthPrior);
                case "syn" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, t.denseWeight, t.scoreFusion, t.exactWeight,
                        v, t.documentBoost, t.bm25K1, t.bm25B, t.lengthPrior);
                case "doc" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, t.denseWeight, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, v, t.bm25K1, t.bm25B, t.lengthPrior);
                case "k1" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, t.denseWeight, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, t.documentBoost, v, t.bm25B, t.lengthPrior);
                case "b" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, t.denseWeight, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, t.documentBoost, t.bm25K1, v, t.lengthPrior);
                case "lp" -> new Tuning(t.candidates, t.rrfK, t.bm25Weight, t.denseWeight, t.scoreFusion, t.exactWeight,
                        t.synonymWeight, t.documentBoost, t.bm25K1, t.bm25B, v);
                default -> throw new IllegalArgumentException("unknown tuning key " + kv[0]);
            };
        }
        return t;
    }
}
