package dev.policybot.search;

/** Which sides of the hybrid retrieval run: both fused (the product), or one alone (the baselines in {@code eval}). */
public enum RetrievalMode {
    HYBRID,
    BM25,
    DENSE
}
