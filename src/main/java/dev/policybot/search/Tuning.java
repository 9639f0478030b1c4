package dev.policybot.search;

/**
 * The knobs of hybrid retrieval, measured with {@code eval} on the public dev sets (see the README).
 *
 * @param candidates    how many hits each side (BM25, vectors) contributes to the fusion
 * @param rrfK          the k of reciprocal rank fusion
 * @param bm25Weight    weight of the BM25 side in the fusion
 * @param denseWeight   weight of the vector side in the fusion
 * @param scoreFusion   fuse normalised scores instead of ranks
 * @param exactWeight   weight of the unstemmed field next to the stemmed one in BM25
 * @param synonymWeight weight of policy-vocabulary synonyms added to BM25
 * @param documentBoost factor for clauses of a document the question hints at ("privacy", "guidelines")
 */
public record Tuning(int candidates, double rrfK, double bm25Weight, double denseWeight, boolean scoreFusion,
                     double exactWeight, double synonymWeight, double documentBoost) {

    public static final Tuning DEFAULT = new Tuning(50, 60, 1.0, 1.0, false, 0.0, 0.0, 1.0);

    public Tuning withCandidates(int n) {
        return new Tuning(n, rrfK, bm25Weight, denseWeight, scoreFusion, exactWeight, synonymWeight, documentBoost);
    }

    public Tuning withRrf(double k, double bm25, double dense) {
        return new Tuning(candidates, k, bm25, dense, scoreFusion, exactWeight, synonymWeight, documentBoost);
    }

    public Tuning withScoreFusion(boolean on) {
        return new Tuning(candidates, rrfK, bm25Weight, denseWeight, on, exactWeight, synonymWeight, documentBoost);
    }

    public Tuning withExactWeight(double w) {
        return new Tuning(candidates, rrfK, bm25Weight, denseWeight, scoreFusion, w, synonymWeight, documentBoost);
    }

    public Tuning withSynonymWeight(double w) {
        return new Tuning(candidates, rrfK, bm25Weight, denseWeight, scoreFusion, exactWeight, w, documentBoost);
    }

    public Tuning withDocumentBoost(double f) {
        return new Tuning(candidates, rrfK, bm25Weight, denseWeight, scoreFusion, exactWeight, synonymWeight, f);
    }
}
