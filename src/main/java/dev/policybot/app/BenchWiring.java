package dev.policybot.app;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.config.AppConfig;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.domain.port.Embedder;
import dev.policybot.eval.bench.BenchTarget;
import dev.policybot.history.HistoryNotingAsker;
import dev.policybot.history.QuestionHistory;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.llm.baseline.InMemoryStoreSearch;
import dev.policybot.question.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.util.Version;

/** Wires the product's parts (and the baseline) into the benchmark harness, which depends on the core only. */
public final class BenchWiring implements BenchTarget {
    private final AppConfig config;

    public BenchWiring(AppConfig config) {
        this.config = config;
    }

    @Override
    public List<PolicyVersion> readArchive(Path dir) {
        return ArchiveImport.read(dir);
    }

    @Override
    public ClauseSplitter splitter() {
        return new MarkdownClauseSplitter();
    }

    @Override
    public Embedder loadModel() {
        return new InProcessEmbedder(
                InProcessEmbedder.Model.of(config.embedding().model()));
    }

    @Override
    public String embeddingText(Clause clause) {
        return LuceneClauseIndex.embeddingText(clause);
    }

    @Override
    public String indexCodeFingerprint() {
        // the search package writes the index; the splitter's output is covered by the corpus fingerprint
        return BenchTarget.packagesFingerprint(LuceneClauseIndex.class) + "/lucene-" + Version.LATEST;
    }

    @Override
    public IndexUnderTest openIndex(Path dir, Embedder passages) {
        LuceneClauseIndex index = new LuceneClauseIndex(dir, passages);
        ClauseSearch bm25 = new HybridClauseSearch(index, passages, RetrievalMode.BM25, Tuning.DEFAULT);
        return new IndexUnderTest() {
            @Override
            public ClauseIndexWriter writer() {
                return index;
            }

            @Override
            public ClauseSearch hybrid(Embedder queries) {
                return new HybridClauseSearch(index, queries);
            }

            @Override
            public ClauseSearch productSearch(Embedder queries) {
                // as the product searches: the question read first (glossary, lay wording, topics)
                return new HybridClauseSearch(
                        index, queries, RetrievalMode.HYBRID, Tuning.DEFAULT, understanding(queries));
            }

            @Override
            public ClauseSearch bm25() {
                return bm25;
            }

            @Override
            public void close() {
                index.close();
            }
        };
    }

    /** One reading of questions per query embedder, shared by search and answer as in the product. */
    private final Map<Embedder, PolicyQueryUnderstanding> understandings = new ConcurrentHashMap<>();

    private PolicyQueryUnderstanding understanding(Embedder queries) {
        return understandings.computeIfAbsent(
                queries, q -> new PolicyQueryUnderstanding(q, PolicyQueryUnderstanding.Settings.DEFAULT));
    }

    @Override
    public ClauseSearch linearScan(List<Clause> clauses, List<float[]> vectors, Embedder queries) {
        return InMemoryStoreSearch.of(clauses, vectors, queries);
    }

    @Override
    public Asker withHistory(Asker asker, Path archive) {
        QuestionHistory history = new HistoryWiring(archive).lines();
        history.warmUp(); // as the bot does in the background when it starts
        return new HistoryNotingAsker(asker, history);
    }

    @Override
    public Asker extractiveAsker(ClauseSearch search, Embedder embedder) {
        return AnswerWiring.extractiveAsker(
                config,
                search,
                embedder,
                embedder == null ? PolicyQueryUnderstanding.offline() : understanding(embedder));
    }
}
