package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import dev.policybot.domain.port.Embedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The model alone, then a full build, over the same sample of clauses, with no vector cache anywhere: what a first run
 * on a machine costs per clause.
 *
 * @param raw   the model embedding the sample's texts
 * @param build a full index build over the same sample
 */
record Cold(BenchReport.Throughput raw, BenchReport.Throughput build) {

    /**
     * The sample has no two clauses with the same text (versions repeat clauses; a build embeds each text once).
     *
     * @param size clauses in the sample (0 = the whole corpus)
     */
    static Cold measure(
            BenchTarget target,
            List<Clause> corpus,
            int size,
            Path workDir,
            Embedder model,
            Consumer<String> progress) {
        Map<String, Clause> byText = new LinkedHashMap<>();
        corpus.forEach(clause -> byText.putIfAbsent(target.embeddingText(clause), clause));
        List<Clause> sample = sample(new ArrayList<>(byText.values()), size);
        List<String> texts = sample.stream().map(target::embeddingText).toList();
        long start = System.nanoTime();
        model.embedAll(texts);
        BenchReport.Throughput raw = throughput(texts.size(), System.nanoTime() - start);
        progress.accept(String.format("model alone: %d texts, %.1f texts/s", raw.texts(), raw.perSecond()));
        Path dir = BenchDirs.fresh(workDir.resolve("cold-build"));
        long buildStart = System.nanoTime();
        try (BenchTarget.IndexUnderTest index = target.openIndex(dir, model)) {
            index.writer().rebuild(sample);
        }
        BenchReport.Throughput build = throughput(sample.size(), System.nanoTime() - buildStart);
        progress.accept(String.format("cold full build: %d clauses, %.1f clauses/s", build.texts(), build.perSecond()));
        BenchDirs.delete(dir);
        return new Cold(raw, build);
    }

    /** Every k-th clause, so the sample has the corpus's mix of lengths. */
    static List<Clause> sample(List<Clause> clauses, int size) {
        if (size == 0 || size >= clauses.size()) {
            return clauses;
        }
        double step = clauses.size() / (double) size;
        List<Clause> sample = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sample.add(clauses.get((int) (i * step)));
        }
        return sample;
    }

    private static BenchReport.Throughput throughput(int texts, long nanos) {
        double seconds = nanos / 1e9;
        return new BenchReport.Throughput(texts, seconds, texts / seconds);
    }
}
