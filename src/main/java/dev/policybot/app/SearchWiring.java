package dev.policybot.app;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.cli.RetrievalSystems;
import dev.policybot.domain.Clause;
import dev.policybot.domain.IndexMissingException;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.VersionHistory;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.embedding.CachingEmbedder;
import dev.policybot.embedding.EmbeddingProgress;
import dev.policybot.embedding.RecentQueries;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.llm.baseline.EasyRagSearch;
import dev.policybot.question.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Wires retrieval with {@code new}: one embedding model per process (loaded on first use), the index under
 * {@code <index>/lucene}, hybrid search over it, and the systems {@code eval} compares. Temporary eval indexes live in a
 * temp folder and are deleted on close; their embeddings are kept under {@code <index>/eval-cache} so a second run over
 * the same archives embeds nothing.
 */
public final class SearchWiring implements RetrievalSystems, AutoCloseable {
    private final Path indexDir;
    private final InProcessEmbedder.Model model;
    private Embedder embedder;
    private LuceneClauseIndex index;
    private PolicyQueryUnderstanding understanding;

    /** Query vectors remembered: one question is embedded several times on its way to an answer. */
    static final int RECENT_QUERIES = 256;

    public SearchWiring(Path indexDir) {
        this(indexDir, InProcessEmbedder.Model.MINILM);
    }

    /** @param model the embedding model ({@code embedding.model} in the config) */
    public SearchWiring(Path indexDir, InProcessEmbedder.Model model) {
        this.indexDir = indexDir;
        this.model = model;
    }

    public synchronized Embedder embedder() {
        if (embedder == null) {
            NativeCaches.configure();
            embedder = new RecentQueries(new InProcessEmbedder(model), RECENT_QUERIES);
        }
        return embedder;
    }

    /** Reads questions before retrieval (glossary, lay wording, intents); shared by every search. */
    public synchronized PolicyQueryUnderstanding understanding() {
        if (understanding == null) {
            understanding = new PolicyQueryUnderstanding(embedder(), PolicyQueryUnderstanding.Settings.DEFAULT);
        }
        return understanding;
    }

    /** The live index in {@code <index>/lucene}; also the {@link ClauseIndexWriter} that reindex rebuilds. */
    public synchronized LuceneClauseIndex index() {
        if (index == null) {
            index = new LuceneClauseIndex(indexDir.resolve("lucene"), embedder());
        }
        return index;
    }

    /**
     * The model whose vectors the live index holds, when it is not the configured one: a changed
     * {@code embedding.model}. Told by the index's newest vector cache ({@code embeddings-<model>.bin}), which every
     * build of the live index writes.
     */
    Optional<String> indexBuiltWithAnotherModel() {
        Path lucene = indexDir.resolve("lucene");
        if (!index().exists()) {
            return Optional.empty();
        }
        String configured = Slugs.of(embedder().modelId());
        try (Stream<Path> files = Files.list(lucene)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(VECTOR_CACHE) && name.endsWith(".bin"))
                    .max(Comparator.comparing(name -> modified(lucene.resolve(name))))
                    .map(name -> name.substring(VECTOR_CACHE.length(), name.length() - ".bin".length()))
                    .filter(model -> !model.equals(configured));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static final String VECTOR_CACHE = "embeddings-";

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The same index folder, built through a model that reports each slice of clauses embedded (first run). */
    LuceneClauseIndex indexReporting(ProgressListener embedded) {
        return new LuceneClauseIndex(indexDir.resolve("lucene"), new EmbeddingProgress(embedder(), embedded));
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
            index = null;
        }
    }

    public ClauseSearch clauseSearch() {
        return new HybridClauseSearch(index(), embedder(), RetrievalMode.HYBRID, Tuning.DEFAULT, understanding());
    }

    @Override
    public Opened open(List<Path> archives, List<String> names) {
        if (archives.isEmpty()) {
            return configured(names);
        }
        return temporary(archives, names);
    }

    private Opened configured(List<String> names) {
        LuceneClauseIndex live = index();
        if (!live.exists()) {
            throw new IndexMissingException(indexDir.resolve("lucene"));
        }
        Map<String, ClauseSearch> systems = new LinkedHashMap<>();
        for (String name : names) {
            systems.put(
                    name,
                    "easyrag".equals(name)
                            ? EasyRagSearch.build(ArchiveImport.read(indexDir.resolve("archive")), embedder())
                            : new HybridClauseSearch(live, embedder(), mode(name), Tuning.DEFAULT, understanding()));
        }
        return opened(systems, "using the index in " + indexDir.resolve("lucene"), () -> {});
    }

    private Opened temporary(List<Path> archives, List<String> names) {
        long start = System.nanoTime();
        List<PolicyVersion> versions = new ArrayList<>();
        archives.forEach(a -> versions.addAll(ArchiveImport.read(a)));
        Path cache = indexDir.resolve("eval-cache").resolve(cacheKey(archives));
        Path tmp = tempDir();
        Map<String, ClauseSearch> systems = new LinkedHashMap<>();
        String summary = versions.size() + " versions";
        LuceneClauseIndex temp = null;
        if (names.stream().anyMatch(n -> !"easyrag".equals(n))) {
            List<Clause> clauses = VersionHistory.splitAll(versions, new MarkdownClauseSplitter());
            temp = new LuceneClauseIndex(tmp.resolve("lucene"), embedder(), cache);
            ClauseIndexWriter.IndexStats stats = temp.rebuild(clauses);
            summary += ", " + stats.clauses() + " clauses (" + stats.embedded() + " embedded, "
                    + stats.embeddingsReused() + " reused)";
        }
        for (String name : names) {
            if ("easyrag".equals(name)) {
                CachingEmbedder cached = new CachingEmbedder(embedder(), cache.resolve("easyrag"));
                systems.put(name, EasyRagSearch.build(versions, cached));
                cached.save();
            } else {
                systems.put(
                        name, new HybridClauseSearch(temp, embedder(), mode(name), Tuning.DEFAULT, understanding()));
            }
        }
        summary += ", indexed in " + (System.nanoTime() - start) / 1_000_000 / 1000.0 + " s";
        LuceneClauseIndex toClose = temp;
        return opened(systems, summary, () -> {
            if (toClose != null) {
                toClose.close();
            }
            deleteTree(tmp);
        });
    }

    private static RetrievalMode mode(String name) {
        return switch (name) {
            case "bm25" -> RetrievalMode.BM25;
            case "dense" -> RetrievalMode.DENSE;
            default -> RetrievalMode.HYBRID;
        };
    }

    private static String cacheKey(List<Path> archives) {
        String joined = String.join(
                "|",
                archives.stream()
                        .map(p -> p.toAbsolutePath().normalize().toString())
                        .toList());
        return Slugs.of(archives.get(0).toAbsolutePath().normalize().getFileName() + "") + "-"
                + Integer.toHexString(joined.hashCode());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("policybot-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    private static Opened opened(Map<String, ClauseSearch> systems, String summary, Runnable onClose) {
        return new Opened() {
            @Override
            public Map<String, ClauseSearch> systems() {
                return systems;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
