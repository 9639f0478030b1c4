package dev.policybot.search;

import dev.policybot.domain.Clause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes one index generation and merges it into a single segment (one vector graph, searched once per query).
 * <p>
 * A generation of the size the product builds (tens of thousands of clauses) is written on one thread, one document
 * after another, as it always was: its vector graph, and so every search over it, is the same from build to build.
 * <p>
 * A large one ({@value #LARGE} clauses or more: a hundred platforms' worth) would take most of its time building vector
 * graphs and then rebuilding them in merges, on one core. It is written by both cores into a few large segments (a big
 * buffer, no merges while writing, since each merge re-inserts the smaller segments' vectors into a graph), which one
 * final merge then joins with both cores inserting into the graph at once. Its graph is as good (same graph settings),
 * but concurrent insertion makes it, and the order of the documents, differ slightly from build to build.
 */
final class GenerationWriter {
    /** From this many clauses on a build is large (the product's indexes have up to a few tens of thousands). */
    static final int LARGE = 50_000;

    private static final int SMALL_BUFFER_MB = 128;

    private GenerationWriter() {}

    static void write(Path target, List<Clause> clauses, List<float[]> vectors) throws IOException {
        write(target, clauses, vectors, LARGE);
    }

    /** As above, with builds of {@code largeFrom} clauses or more written as large ones (a test's small threshold). */
    static void write(Path target, List<Clause> clauses, List<float[]> vectors, int largeFrom) throws IOException {
        if (clauses.size() < largeFrom) {
            writeSmall(target, clauses, vectors);
        } else {
            writeLarge(target, clauses, vectors);
        }
    }

    private static void writeSmall(Path target, List<Clause> clauses, List<float[]> vectors) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.indexing());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        config.setRAMBufferSizeMB(SMALL_BUFFER_MB);
        try (FSDirectory directory = FSDirectory.open(target);
                IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < clauses.size(); i++) {
                writer.addDocument(ClauseDocuments.toDocument(clauses.get(i), vectors.get(i)));
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }

    private static void writeLarge(Path target, List<Clause> clauses, List<float[]> vectors) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, namedDaemons());
        try {
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.indexing());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setCodec(concurrentGraphMerges(threads, workers));
            config.setRAMBufferSizeMB(largeBufferMb());
            config.setMergePolicy(NoMergePolicy.INSTANCE);
            try (FSDirectory directory = FSDirectory.open(target);
                    IndexWriter writer = new IndexWriter(directory, config)) {
                addInSlices(writer, clauses, vectors, threads, workers);
                writer.getConfig().setMergePolicy(new TieredMergePolicy());
                writer.forceMerge(1);
                writer.commit();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** The default codec, except that merging a vector graph inserts with {@code threads} workers at once. */
    private static Lucene912Codec concurrentGraphMerges(int threads, ExecutorService workers) {
        KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(
                Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
                Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH,
                threads,
                threads > 1 ? workers : null);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    /**
     * An eighth of the heap, at most 1 GB: a segment holds ~3 KB per clause while written, so a hundred copies of the
     * corpus flush into about ten segments rather than dozens, and the final merge stays one level deep.
     */
    private static double largeBufferMb() {
        return Math.max(SMALL_BUFFER_MB, Math.min(1024, Runtime.getRuntime().maxMemory() / 8 / (1 << 20)));
    }

    /** Each worker adds one contiguous slice of the clauses (its own segments), all at once. */
    private static void addInSlices(
            IndexWriter writer, List<Clause> clauses, List<float[]> vectors, int threads, ExecutorService workers)
            throws IOException {
        List<Future<?>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) clauses.size() * t / threads);
            int to = (int) ((long) clauses.size() * (t + 1) / threads);
            slices.add(workers.submit(() -> {
                for (int i = from; i < to; i++) {
                    writer.addDocument(ClauseDocuments.toDocument(clauses.get(i), vectors.get(i)));
                }
                return null;
            }));
        }
        for (Future<?> slice : slices) {
            try {
                slice.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while indexing", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new UncheckedIOException(new IOException("indexing failed", e.getCause()));
            }
        }
    }

    private static ThreadFactory namedDaemons() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "index-build-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
