package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.domain.port.Embedder;
import java.nio.file.Path;
import java.util.List;

/**
 * What the benchmark measures, wired by the composition root: the product's reader, splitter, embedding model, index,
 * searches and answering, and the baseline. The harness depends on the core only; everything else comes through here.
 */
public interface BenchTarget {

    /** Reads one archive folder (dated or single-version layout). */
    List<PolicyVersion> readArchive(Path dir);

    ClauseSplitter splitter();

    /** Loads the in-process embedding model (a new instance; closed by the harness when it is {@link AutoCloseable}). */
    Embedder loadModel();

    /** The text the index embeds for a clause, so baselines get the very same vectors. */
    String embeddingText(Clause clause);

    /** Opens the product's index in {@code dir} (empty or built before), its passage vectors from {@code passages}. */
    IndexUnderTest openIndex(Path dir, Embedder passages);

    /** LangChain4j's {@code InMemoryEmbeddingStore} over these clauses and vectors: a linear scan, the easy-RAG way. */
    ClauseSearch linearScan(List<Clause> clauses, List<float[]> vectors, Embedder queries);

    /** The product's extractive answering over {@code search}, ranking sentences with {@code embedder}. */
    Asker extractiveAsker(ClauseSearch search, Embedder embedder);

    /**
     * {@code asker} with the product's history line added to its answers, the history read from {@code archive} (copies
     * of a platform made for larger scales start with no history, as {@link CorpusReplicator} says).
     */
    Asker withHistory(Asker asker, Path archive);

    /**
     * Identifies the code that decides what an index holds (its writer, document mapping, analysers), so that an
     * index kept by an earlier run is reused only when that code is unchanged.
     */
    String indexCodeFingerprint();

    /** A fingerprint of the compiled classes of these classes' packages (for {@link #indexCodeFingerprint()}). */
    static String packagesFingerprint(Class<?>... members) {
        return Build.packagesFingerprint(members);
    }

    /** The product's index in one folder, and the searches over it. */
    interface IndexUnderTest extends AutoCloseable {
        ClauseIndexWriter writer();

        /** The product's hybrid retrieval (BM25 + vectors, fused), embedding queries with {@code queries}. */
        ClauseSearch hybrid(Embedder queries);

        /**
         * Retrieval as the product's answers use it: the question read first (glossary, lay wording, topics), then
         * {@link #hybrid}; by default the same as {@link #hybrid}.
         */
        default ClauseSearch productSearch(Embedder queries) {
            return hybrid(queries);
        }

        /** The same pipeline with BM25 alone (the Lucene baseline). */
        ClauseSearch bm25();

        @Override
        void close();
    }
}
