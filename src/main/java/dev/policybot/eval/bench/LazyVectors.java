package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import dev.policybot.domain.port.Embedder;
import java.util.AbstractList;
import java.util.List;

/** The index's vectors, computed when read, so the baseline's store holds the only copy. */
final class LazyVectors extends AbstractList<float[]> {
    private final List<Clause> clauses;
    private final BenchTarget target;
    private final Embedder vectors;

    LazyVectors(List<Clause> clauses, BenchTarget target, Embedder vectors) {
        this.clauses = clauses;
        this.target = target;
        this.vectors = vectors;
    }

    @Override
    public float[] get(int index) {
        return vectors.embedAll(List.of(target.embeddingText(clauses.get(index))))
                .get(0);
    }

    @Override
    public int size() {
        return clauses.size();
    }
}
