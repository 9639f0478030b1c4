package dev.policybot.search;

import dev.policybot.domain.Clause;
import dev.policybot.domain.IndexMissingException;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.VersionHistory;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.PlatformDirectory;
import dev.policybot.embedding.CachingEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clause index on disk ({@code index/lucene}): one Lucene document per clause version.
 * <p>
 * A rebuild writes a whole new generation folder beside the live one, commits it, and then atomically replaces the
 * {@code CURRENT} pointer file; only then are older generations deleted. A crash mid-build therefore leaves the previous
 * generation live. Searches go through a {@link SearcherManager} of the live generation; a search that starts during a
 * rebuild keeps the old searcher, and the next one after the swap sees the new generation (also when another process
 * did the rebuild).
 */
public final class LuceneClauseIndex implements ClauseIndexWriter, PlatformDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneClauseIndex.class);
    private static final String POINTER = "CURRENT";
    private static final String GENERATION_PREFIX = "gen-";
    /** The model sees about 256 word pieces; longer input costs time and blurs the vector. */
    static final int MAX_EMBEDDED_CHARS = 1000;

    private final Path dir;
    private final Embedder model;
    private final Path cacheDir;
    /** Only without a cache folder: then the vectors of earlier builds can live nowhere else. */
    private final CachingEmbedder memoryCache;

    private Live live;
    private final Object buildLock = new Object();

    /**
     * @param dir      the index folder (e.g. {@code index/lucene}); the embedding cache is kept in it too
     * @param embedder the passage embedding model
     */
    public LuceneClauseIndex(Path dir, Embedder embedder) {
        this(dir, embedder, dir);
    }

    /** As above with the embedding cache in {@code cacheDir} ({@code null}: memory only). */
    public LuceneClauseIndex(Path dir, Embedder embedder, Path cacheDir) {
        this.dir = dir;
        this.model = embedder;
        this.cacheDir = cacheDir;
        this.memoryCache = cacheDir == null ? new CachingEmbedder(embedder, null) : null;
    }

    /**
     * Builds a new generation and makes it live. One build at a time (the build lock); searches keep using the live
     * generation meanwhile, since {@link #live()} locks only this object, which a build holds just while it deletes the
     * generations it replaced.
     */
    @Override
    public IndexStats rebuild(List<Clause> clauses) {
        synchronized (buildLock) {
            return build(clauses, null);
        }
    }

    /**
     * As {@link #rebuild}, from versions; when the live generation was built from exactly these versions by the same
     * code and model (its {@link IndexFingerprint}), nothing is split or written and the stats say so.
     */
    @Override
    public IndexStats rebuildFrom(List<PolicyVersion> versions, ClauseSplitter splitter) {
        synchronized (buildLock) {
            long start = System.nanoTime();
            IndexFingerprint fingerprint = IndexFingerprint.of(model.modelId(), splitter, versions);
            Optional<Integer> held = fingerprint.heldBy(liveGenerationDir());
            if (held.isPresent()) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                LOG.info(
                        "The index already holds the {} clause versions of these {} versions: left as it is ({} ms)",
                        held.get(),
                        versions.size(),
                        millis);
                return new IndexStats(held.get(), 0, held.get(), millis, true);
            }
            return build(VersionHistory.splitAll(versions, splitter), fingerprint);
        }
    }

    private IndexStats build(List<Clause> clauses, IndexFingerprint fingerprint) {
        long start = System.nanoTime();
        // with a cache folder the cache is read here and dropped after the build: a serving index holds no vectors on
        // the heap (one per clause: 1.6 KB each) and opens without reading them
        CachingEmbedder embedder = memoryCache != null ? memoryCache : new CachingEmbedder(model, cacheDir);
        int embeddedBefore = embedder.embeddedCount();
        List<String> texts =
                clauses.stream().map(LuceneClauseIndex::embeddingText).toList();
        List<float[]> vectors = embedder.embedAll(texts);
        int embedded = embedder.embeddedCount() - embeddedBefore;
        String generation = GENERATION_PREFIX + System.currentTimeMillis();
        try {
            Files.createDirectories(dir);
            GenerationWriter.write(dir.resolve(generation), clauses, vectors);
            if (fingerprint != null) {
                fingerprint.writeTo(dir.resolve(generation), clauses.size());
            }
            syncDirectory(dir); // Lucene's commit fsyncs the generation's files and folder; this, its name in dir
            String replaced = exists() ? readPointer() : null;
            switchPointer(generation);
            embedder.retainAndSave(texts);
            synchronized (this) {
                // not while live() opens a generation named by the pointer it has just read
                deleteGenerationsUpTo(replaced);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the index in " + dir, e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(
                "Indexed {} clause versions ({} embedded, {} reused) in {} ms",
                clauses.size(),
                embedded,
                clauses.size() - embedded,
                millis);
        return new IndexStats(clauses.size(), embedded, clauses.size() - embedded, millis);
    }

    /** The text whose vector stands for a clause: its headings and text, cut to what the model reads. */
    public static String embeddingText(Clause clause) {
        String text = ClauseDocuments.searchableText(clause);
        return text.length() <= MAX_EMBEDDED_CHARS ? text : text.substring(0, MAX_EMBEDDED_CHARS);
    }

    private void switchPointer(String generation) throws IOException {
        // a temp name of its own: another writer's pointer file is never taken over or moved in half-written
        Path tmp = Files.createTempFile(dir, POINTER, ".tmp");
        try {
            Files.writeString(tmp, generation, StandardCharsets.UTF_8);
            // fsync before the rename, so after a power loss CURRENT never names a generation with an empty pointer
            // file
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, dir.resolve(POINTER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes a new name or a rename in {@code folder} durable (a no-op where folders cannot be opened, as on Windows). */
    private static void syncDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync the folder {}: {}", folder, e.toString());
        }
    }

    /**
     * Deletes the generation the new one replaced and those older than it; never one newer, which another writer
     * may still be building or have just named.
     */
    private void deleteGenerationsUpTo(String replaced) throws IOException {
        if (replaced == null) {
            return;
        }
        long upTo = generationTime(replaced);
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(GENERATION_PREFIX) && generationTime(name) <= upTo) {
                    deleteTree(child);
                } else if (name.startsWith(GENERATION_PREFIX) && !child.equals(dir.resolve(readPointer()))) {
                    LOG.info(
                            "Leaving the index generation {}: newer than the one replaced, so another writer's or a"
                                    + " build that was killed; delete it by hand when no reindex runs",
                            child);
                }
            }
        }
    }

    /** The time in a generation's name ("gen-1764669000000"), or the latest possible for a name that has none. */
    private static long generationTime(String name) {
        try {
            return Long.parseLong(name.substring(GENERATION_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the old index generation {}: {}", root, e.toString());
        }
    }

    /** The live generation's folder, or {@code null} when there is none. */
    private Path liveGenerationDir() {
        return exists() ? dir.resolve(readPointer()) : null;
    }

    /** Whether a generation has been built and swapped in. */
    public boolean exists() {
        return Files.exists(dir.resolve(POINTER));
    }

    /** Runs {@code work} with the live searcher, released afterwards. */
    <T> T withSearcher(Function<IndexSearcher, T> work) {
        Live current = live();
        IndexSearcher searcher;
        try {
            searcher = current.manager.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(searcher);
        } finally {
            try {
                current.manager.release(searcher);
            } catch (IOException e) {
                LOG.warn("Could not release a searcher: {}", e.toString());
            }
        }
    }

    /** The live generation's searcher manager, switched when the pointer names a newer generation. */
    private synchronized Live live() {
        String generation = readPointer();
        if (live != null && live.generation.equals(generation)) {
            return live;
        }
        try {
            FSDirectory directory = FSDirectory.open(dir.resolve(generation));
            Live next = new Live(generation, directory, new SearcherManager(directory, null), platformsOf(directory));
            Live old = live;
            live = next;
            if (old != null) {
                old.close();
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index generation " + generation, e);
        }
    }

    private String readPointer() {
        try {
            return Files.readString(dir.resolve(POINTER), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new IndexMissingException(dir);
        }
    }

    @Override
    public List<PlatformInfo> platforms() {
        return live().platforms;
    }

    private static List<PlatformInfo> platformsOf(FSDirectory directory) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<String>> documents = new LinkedHashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedSetDocValues values = leaf.reader().getSortedSetDocValues(IndexFields.DOCUMENT_KEY);
                if (values == null) {
                    continue;
                }
                TermsEnum terms = values.termsEnum();
                for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                    String[] parts = term.utf8ToString().split("\t", -1);
                    names.putIfAbsent(parts[0], parts[2]);
                    documents
                            .computeIfAbsent(parts[0], k -> new LinkedHashSet<>())
                            .add(parts[3]);
                }
            }
        }
        List<PlatformInfo> platforms = new ArrayList<>();
        names.forEach(
                (id, name) -> platforms.add(new PlatformInfo(id, name, List.of(), List.copyOf(documents.get(id)))));
        return List.copyOf(platforms);
    }

    @Override
    public synchronized void close() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    private record Live(
            String generation, FSDirectory directory, SearcherManager manager, List<PlatformInfo> platforms) {
        void close() {
            try {
                manager.close();
                directory.close();
            } catch (IOException e) {
                LOG.warn("Could not close the index generation {}: {}", generation, e.toString());
            }
        }
    }
}
