package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.VersionHistory;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseIndexWriter.IndexStats;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Embedder;
import dev.policybot.embedding.CachingEmbedder;
import dev.policybot.embedding.RecentQueries;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.QuestionSetReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The performance benchmark: for the corpus copied at each scale, the product's indexing, retrieval, answering and
 * memory, beside two baselines (LangChain4j's in-memory store, a linear scan; Lucene BM25 alone), in one run.
 * <p>
 * Only the original corpus (scale 1) is embedded by the model; copies get their original's vector slightly perturbed
 * ({@link BenchVectors}). The model's vectors of the corpus are kept in {@code workDir/vectors} between runs, so only the
 * first run on a machine embeds the whole corpus; the embedding throughput and the cold full build are measured on a
 * sample with no cache at all, in every run.
 */
public final class Benchmark {
    private static final int WARMUP = 30;
    /** Query vectors the asker's model remembers, as the product's does (its questions are all distinct). */
    private static final int ASK_QUERIES_REMEMBERED = 64;

    /**
     * @param archives     archive folders making up the corpus
     * @param scales       how many copies of the corpus to measure (scale 1 always runs, first)
     * @param queries      distinct questions, and the most operations a phase measures
     * @param questionSet  questions used first (JSON Lines question set), or {@code null}
     * @param workDir      indexes and the vector cache
     * @param embedSample  clauses embedded cold for the throughput figures (0 = the whole corpus)
     * @param phaseTime    the most time a measured phase may take
     * @param askers       threads asking at once in the concurrent phase
     * @param reuseIndexes keep the indexes of scales above 1 in {@code workDir} and reuse one when the same code built
     *                     it from the same corpus (building a hundred copies takes far longer than measuring them)
     */
    public record Options(
            List<Path> archives,
            List<Integer> scales,
            int queries,
            Path questionSet,
            Path workDir,
            int embedSample,
            Duration phaseTime,
            int askers,
            boolean reuseIndexes) {
        public Options {
            archives = List.copyOf(archives);
            TreeSet<Integer> sorted = new TreeSet<>(scales);
            sorted.add(1);
            if (sorted.first() < 1 || queries < 1 || embedSample < 0 || askers < 1) {
                throw UserFacingException.badInput("scales must be 1 or more, queries and askers positive");
            }
            scales = List.copyOf(sorted);
        }
    }

    private final BenchTarget target;
    private final Options options;
    private final Consumer<String> progress;
    private final List<String> notes = new ArrayList<>();

    private List<Clause> corpus;
    private Embedder loadedModel;
    private CountingEmbedder model;
    private BenchVectors vectors;
    private PrecomputedQueries precomputed;
    private List<String> queries;
    /** Distinct corpus texts whose vectors scale 1 found in the bench's vector cache, and those the model embedded. */
    private long corpusFromCache;

    private long corpusEmbedded;

    /** @param progress receives one line per step (for the operator; the report is the result) */
    public Benchmark(BenchTarget target, Options options, Consumer<String> progress) {
        this.target = target;
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long start = System.nanoTime();
        double loadAtStart = HeapProbe.loadAverage();
        BenchReport.Corpus corpusFacts = readCorpus();
        double modelLoadMs = loadModel();
        LatencyStats queryEmbedding = embedQueries();
        Cold cold = Cold.measure(target, corpus, options.embedSample(), options.workDir(), model, progress);
        CachingEmbedder modelCache =
                new CachingEmbedder(model, options.workDir().resolve("vectors"));
        vectors = new BenchVectors(modelCache);
        List<BenchReport.ScaleResult> scales = new ArrayList<>();
        BenchReport.Reindex reindex = null;
        for (int scale : options.scales()) {
            ScaleRun run = new ScaleRun(scale);
            scales.add(run.measure(modelCache, cold));
            reindex = reindex == null ? run.reindex : reindex;
        }
        BenchReport.Model modelFacts = new BenchReport.Model(
                model.modelId(),
                modelLoadMs,
                queryEmbedding,
                cold.raw(),
                cold.build(),
                cold.build().perSecond() / cold.raw().perSecond(),
                corpusFromCache,
                corpusEmbedded);
        BenchReport.Environment environment = new BenchReport.Environment(
                started.toString(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                HeapProbe.maxMb(),
                loadAtStart,
                HeapProbe.loadAverage(),
                (System.nanoTime() - start) / 1e9,
                queries.size(),
                options.phaseTime().toMillis() / 1000.0);
        closeModel();
        notes.add("vectors of copies (scale > 1) are derived from their original's vector with a small deterministic"
                + " perturbation, not re-embedded: build times there measure indexing only");
        return new BenchReport(
                environment,
                corpusFacts,
                modelFacts,
                reindex,
                scales,
                Targets.check(scales, reindex, modelFacts),
                notes);
    }

    private BenchReport.Corpus readCorpus() {
        long start = System.nanoTime();
        List<PolicyVersion> versions = new ArrayList<>();
        for (Path archive : options.archives()) {
            versions.addAll(target.readArchive(archive));
        }
        corpus = List.copyOf(VersionHistory.splitAll(versions, target.splitter()));
        if (corpus.isEmpty()) {
            throw UserFacingException.badInput("the archives hold no clauses: " + options.archives());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int current = (int) corpus.stream().filter(Clause::isCurrent).count();
        progress.accept(String.format(
                "corpus: %d versions, %d clauses, read and split in %.1f s", versions.size(), corpus.size(), seconds));
        return new BenchReport.Corpus(
                options.archives().stream().map(Path::toString).toList(),
                versions.size(),
                corpus.size(),
                current,
                seconds);
    }

    private double loadModel() {
        long start = System.nanoTime();
        loadedModel = target.loadModel();
        model = new CountingEmbedder(loadedModel);
        model.embedQuery("warming up the model");
        double ms = (System.nanoTime() - start) / 1e6;
        progress.accept(String.format("model %s loaded in %.0f ms", model.modelId(), ms));
        return ms;
    }

    /** Embeds every query once, timing each: the query-embedding latency, and the vectors retrieval is timed with. */
    private LatencyStats embedQueries() {
        List<String> fromSet = options.questionSet() == null
                ? List.of()
                : QuestionSetReader.read(options.questionSet()).stream()
                        .map(EvalQuestion::question)
                        .toList();
        queries = BenchQueries.make(fromSet, corpus, options.queries());
        if (queries.isEmpty()) {
            throw UserFacingException.badInput(
                    "no questions: the corpus has no clause of six words or more, and no " + "question set was given");
        }
        Map<String, float[]> byQuery = new LinkedHashMap<>();
        long[] nanos = new long[queries.size()];
        long start = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            byQuery.put(queries.get(i), model.embedQuery(queries.get(i)));
            nanos[i] = System.nanoTime() - t;
        }
        precomputed = new PrecomputedQueries(byQuery, model);
        LatencyStats stats = LatencyStats.of(nanos, System.nanoTime() - start);
        progress.accept("query embedding: " + BenchReport.lat(stats));
        return stats;
    }

    /** One scale: build, open, query, answer, baseline; at scale 1 also the reindexes. */
    private final class ScaleRun {
        private final int scale;
        private final List<Clause> clauses;
        private BenchReport.Reindex reindex;

        ScaleRun(int scale) {
            this.scale = scale;
            this.clauses = CorpusReplicator.replicate(corpus, scale);
        }

        BenchReport.ScaleResult measure(CachingEmbedder modelCache, Cold cold) {
            progress.accept("scale " + scale + ": " + clauses.size() + " clauses");
            Path dir = options.workDir().resolve("index-x" + scale);
            double heapBefore = HeapProbe.liveMb();
            Build build = scale > 1 && options.reuseIndexes()
                    ? Build.kept(dir, Build.fingerprint(scale, corpus, target))
                    : null;
            if (build == null) {
                build = build(dir, modelCache);
            } else {
                progress.accept("  reusing the index built " + build.builtAt() + " in " + build.seconds() + " s");
            }
            ScaleMeasures.Served served = serve(dir, build, cold);
            LinearScan linear = linearScan();
            if (scale == 1 || !options.reuseIndexes()) {
                BenchDirs.delete(dir);
                Build.forget(dir);
            }
            return new BenchReport.ScaleResult(
                    scale,
                    clauses.size(),
                    scale == 1 ? "model" : "derived",
                    build.seconds(),
                    clauses.size() / build.seconds(),
                    build.embedded(),
                    build.builtAt(),
                    build.indexMb(),
                    heapBefore,
                    served.heapAfterIndex,
                    served.heapServing,
                    served.queries.heapPeakMb,
                    served.openMs,
                    served.queries.hybrid,
                    served.queries.bm25,
                    linear.stats,
                    linear.buildSeconds,
                    served.queries.ask,
                    served.queries.askOverlap,
                    served.queries.askPlain,
                    served.queries.ask8);
        }

        private Build build(Path dir, CachingEmbedder modelCache) {
            BenchDirs.fresh(dir);
            long embeddedBefore = model.passages();
            long cachedBefore = modelCache.reusedCount();
            long start = System.nanoTime();
            try (BenchTarget.IndexUnderTest building = target.openIndex(dir, vectors)) {
                building.writer().rebuild(clauses);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long embedded = model.passages() - embeddedBefore;
            if (scale == 1) {
                corpusFromCache = modelCache.reusedCount() - cachedBefore;
                corpusEmbedded = embedded;
                modelCache.save();
            }
            Build build = new Build(
                    seconds,
                    embedded,
                    BenchDirs.sizeMb(dir),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            progress.accept(String.format(
                    "  built in %.1f s (%d embedded by the model), %.0f MB on disk",
                    seconds, embedded, build.indexMb()));
            if (scale > 1 && options.reuseIndexes()) {
                build.keep(dir, Build.fingerprint(scale, corpus, target));
            }
            return build;
        }

        /** Opens the built index as the bot would, queries it, and at scale 1 reindexes it. */
        private ScaleMeasures.Served serve(Path dir, Build build, Cold cold) {
            ScaleMeasures.Served served = new ScaleMeasures.Served();
            long openStart = System.nanoTime();
            try (BenchTarget.IndexUnderTest index = target.openIndex(dir, vectors)) {
                ClauseSearch hybrid = index.hybrid(precomputed);
                hybrid.search(BenchQueries.request(queries.get(0)));
                served.openMs = (System.nanoTime() - openStart) / 1e6;
                served.heapAfterIndex = HeapProbe.liveMb();
                served.queries = query(index, hybrid);
                served.heapServing = HeapProbe.liveMb();
                if (scale == 1) {
                    reindex = measureReindex(index, build.seconds(), cold);
                }
            }
            return served;
        }

        private ScaleMeasures.Queries query(BenchTarget.IndexUnderTest index, ClauseSearch hybrid) {
            ScaleMeasures.Queries q = new ScaleMeasures.Queries();
            q.hybrid = phase("hybrid retrieval", 1, query -> hybrid.search(BenchQueries.request(query)));
            ClauseSearch bm25 = index.bm25();
            q.bm25 = phase("BM25 alone", 1, query -> bm25.search(BenchQueries.request(query)));
            // as the product wires it: search and answer share one model that remembers recent query vectors
            Embedder queries = new RecentQueries(model, ASK_QUERIES_REMEMBERED);
            Asker plain = target.extractiveAsker(index.productSearch(queries), queries);
            Asker asker = target.withHistory(plain, options.archives().get(0));
            // an unmeasured pass first: both asks below then meet the same warm caches
            Phases.concurrent(1, Benchmark.this.queries, query -> plain.ask(BenchQueries.question(query)), limits());
            q.ask = phase("extractive ask", 1, query -> asker.ask(BenchQueries.question(query)));
            q.askPlain = phase("ask without history line", 1, query -> plain.ask(BenchQueries.question(query)));
            Asker overlapOnly = target.extractiveAsker(index.productSearch(queries), null);
            q.askOverlap = phase(
                    "extractive ask, sentences by term overlap only",
                    1,
                    query -> overlapOnly.ask(BenchQueries.question(query)));
            try (HeapProbe heap = HeapProbe.sampling()) {
                q.ask8 = phase(
                        options.askers() + " askers",
                        options.askers(),
                        query -> asker.ask(BenchQueries.question(query)));
                q.heapPeakMb = heap.peakMb();
            }
            return q;
        }

        private Phases.Limits limits() {
            return new Phases.Limits(options.queries(), options.phaseTime(), WARMUP);
        }

        private LatencyStats phase(String name, int threads, Consumer<String> operation) {
            LatencyStats stats = Phases.concurrent(threads, queries, operation, limits());
            progress.accept("  " + name + ": " + BenchReport.lat(stats)
                    + (threads > 1 ? String.format(", %.1f per s", stats.perSecond()) : ""));
            return stats;
        }

        private BenchReport.Reindex measureReindex(BenchTarget.IndexUnderTest index, double buildSeconds, Cold cold) {
            // measured when this run embedded every distinct text; otherwise the vectors the cache gave at the model's
            // pace
            boolean measured = corpusFromCache == 0;
            double fullBuild = buildSeconds + corpusFromCache / cold.raw().perSecond();
            long start = System.nanoTime();
            index.writer().rebuild(clauses);
            double unchanged = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format("  reindex, nothing changed: %.1f s", unchanged));
            OnePercent change = OnePercent.of(clauses);
            long before = model.passages();
            start = System.nanoTime();
            IndexStats stats = index.writer().rebuild(change.clauses());
            double onePercent = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format(
                    "  reindex, 1%% of documents changed: %.1f s (%d embedded)", onePercent, stats.embedded()));
            return new BenchReport.Reindex(
                    fullBuild,
                    !measured,
                    unchanged,
                    unchanged / fullBuild,
                    change.documents(),
                    change.changedClauses(),
                    model.passages() - before,
                    onePercent,
                    onePercent / fullBuild);
        }

        private LinearScan linearScan() {
            long start = System.nanoTime();
            try {
                ClauseSearch store = target.linearScan(clauses, new LazyVectors(clauses, target, vectors), precomputed);
                double seconds = (System.nanoTime() - start) / 1e9;
                LatencyStats stats = phase(
                        "linear scan (InMemoryEmbeddingStore)", 1, query -> store.search(BenchQueries.request(query)));
                return new LinearScan(stats, seconds);
            } catch (OutOfMemoryError e) {
                // the baseline holds every vector and text on the heap; when it cannot, that is its result
                notes.add("scale " + scale + ": the in-memory store did not fit in a " + Math.round(HeapProbe.maxMb())
                        + " MB heap (" + e.getMessage() + ")");
                progress.accept("  linear scan: out of heap");
                return new LinearScan(LatencyStats.NONE, Double.NaN);
            }
        }
    }

    private record LinearScan(LatencyStats stats, double buildSeconds) {}

    private void closeModel() {
        if (loadedModel instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                progress.accept("could not close the model: " + e);
            }
        }
    }
}
