package dev.policybot.jmh;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.ingest.MarkdownClauseSplitter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Splitting one archived version into clauses (the versions of the corpus in turn). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClauseSplittingBenchmark {
    private final MarkdownClauseSplitter splitter = new MarkdownClauseSplitter();
    private List<PolicyVersion> versions;
    private int next;

    @Setup
    public void read() {
        versions = JmhCorpus.versions();
    }

    @Benchmark
    public List<Clause> splitOneVersion() {
        next = (next + 1) % versions.size();
        return splitter.split(versions.get(next), null);
    }
}
