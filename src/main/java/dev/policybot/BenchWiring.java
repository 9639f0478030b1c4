package dev.policybot;

import dev.policybot.config.AppConfig;
import dev.policybot.core.AskService;
import dev.policybot.core.Asker;
import dev.policybot.core.CitationVerifier;
import dev.policybot.core.Clause;
import dev.policybot.core.ClauseIndexWriter;
import dev.policybot.core.ClauseSearch;
import dev.policybot.core.ClauseSplitter;
import dev.policybot.core.Embedder;
import dev.policybot.core.ExtractiveAnswerWriter;
import dev.policybot.core.OutcomeDecision;
import dev.policybot.core.PolicyVersion;
import dev.policybot.core.QueryTranslator;
import dev.policybot.eval.BenchTarget;
import dev.policybot.ingest.ArchiveImport;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InMemoryStoreSearch;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.query.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.nio.file.Path;
import java.util.List;

/** Wires the product's parts (and the baseline) into the benchmark harness, which depends on the core only. */
final class BenchWiring implements BenchTarget {
    private final AppConfig config;

    BenchWiring(AppConfig config) {
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
        return new InProcessEmbedder();
    }

    @Override
    public String embeddingText(Clause clause) {
        return LuceneClauseIndex.embeddingText(clause);
    }

    @Override
    public String indexCodeFingerprint() {
        // the search package writes the index; the splitter's output is covered by the corpus fingerprint
        return BenchTarget.packagesFingerprint(LuceneClauseIndex.class) + "/lucene-" + org.apache.lucene.util.Version.LATEST;
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
                return new HybridClauseSearch(index, queries, RetrievalMode.HYBRID, Tuning.DEFAULT,
                        understanding(queries));
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
    private final java.util.Map<Embedder, PolicyQueryUnderstanding> understandings =
            new java.util.concurrent.ConcurrentHashMap<>();

    private PolicyQueryUnderstanding understanding(Embedder queries) {
        return understandings.computeIfAbsent(queries,
                q -> new PolicyQueryUnderstanding(q, PolicyQueryUnderstanding.Settings.DEFAULT));
    }

    @Override
    public ClauseSearch linearScan(List<Clause> clauses, List<float[]> vectors, Embedder queries) {
        return InMemoryStoreSearch.of(clauses, vectors, queries);
    }

    @Override
    public Asker extractiveAsker(ClauseSearch search, Embedder embedder) {
        // the product's extractive wiring (as PolicyBot.asker without a language model), whatever llm: says
        ExtractiveAnswerWriter extractive = new ExtractiveAnswerWriter(embedder, ExtractiveAnswerWriter.Settings.of(
                config.answer().abstainThreshold(), config.answer().maxCitations()).withDecision(OutcomeDecision.confidence(
                config.answer().abstainThreshold(), config.answer().answeredFrom())),
                embedder == null ? PolicyQueryUnderstanding.offline() : understanding(embedder));
        return new AskService(search, extractive, new CitationVerifier(extractive), QueryTranslator.NONE,
                PolicyBot.SEARCH_LIMIT);
    }
}
