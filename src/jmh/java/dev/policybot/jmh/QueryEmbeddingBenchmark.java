package dev.policybot.jmh;

import dev.policybot.llm.InProcessEmbedder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One question through the in-process embedding model (all-MiniLM-L6-v2, quantized). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryEmbeddingBenchmark {
    private InProcessEmbedder model;
    private int next;

    @Setup
    public void load() {
        model = new InProcessEmbedder();
    }

    @Benchmark
    public float[] embedQuery() {
        next = (next + 1) % JmhCorpus.QUESTIONS.size();
        return model.embedQuery(JmhCorpus.QUESTIONS.get(next));
    }

    @TearDown
    public void close() {
        model.close();
    }
}
