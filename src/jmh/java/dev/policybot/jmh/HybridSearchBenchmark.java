package dev.policybot.jmh;

import dev.policybot.domain.Clause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hybrid retrieval over the corpus's index, query vectors computed beforehand (retrieval alone). Passage and query
 * vectors come from {@link JmhCorpus.HashedWords}, not the model (see there); {@code bench} measures with the model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HybridSearchBenchmark {
    private Path dir;
    private LuceneClauseIndex index;
    private HybridClauseSearch search;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        List<Clause> clauses = JmhCorpus.clauses();
        dir = Files.createTempDirectory("policybot-jmh");
        JmhCorpus.HashedWords vectors = new JmhCorpus.HashedWords();
        index = new LuceneClauseIndex(dir, vectors, null);
        index.rebuild(clauses);
        search = new HybridClauseSearch(index, vectors);
        search.search(SearchRequest.of(JmhCorpus.QUESTIONS.get(0), 10));
    }

    @Benchmark
    public SearchResult hybridSearch() {
        next = (next + 1) % JmhCorpus.QUESTIONS.size();
        return search.search(SearchRequest.of(JmhCorpus.QUESTIONS.get(next), 10));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        index.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
