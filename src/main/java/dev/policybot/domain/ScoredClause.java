package dev.policybot.domain;

/**
 * A retrieved clause with the score its retriever gave it (higher is better; comparable within one result list).
 *
 * @param similarity the embedding similarity of the question to the clause (cosine, at most 1), when the retriever
 *                   knows it; {@code NaN} when it does not
 */
public record ScoredClause(Clause clause, double score, double similarity) {
    /** A hit whose embedding similarity is not known. */
    public ScoredClause(Clause clause, double score) {
        this(clause, score, Double.NaN);
    }

    /** Whether the retriever gave the question's embedding similarity to this clause. */
    public boolean hasSimilarity() {
        return !Double.isNaN(similarity);
    }
}
