package dev.policybot.eval.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Everything one benchmark run measured: as a table for people ({@link #table()}) and JSON for machines
 * ({@link #json()}). Times are in milliseconds unless a field name says seconds; heap and sizes in MB.
 */
public record BenchReport(
        Environment environment,
        Corpus corpus,
        Model model,
        Reindex reindex,
        List<ScaleResult> scales,
        List<Target> targets,
        List<String> notes) {

    /**
     * @param loadAverageStart the machine's one-minute load average when the run started (other work on the machine)
     * @param loadAverageEnd   the same when it ended
     */
    public record Environment(
            String startedAt,
            String java,
            int cores,
            double maxHeapMb,
            double loadAverageStart,
            double loadAverageEnd,
            double wallSeconds,
            int queries,
            double phaseSeconds) {}

    public record Corpus(
            List<String> archives, int versions, int clauses, int currentClauses, double readAndSplitSeconds) {}

    /**
     * @param loadMs           constructing the model and embedding a first text
     * @param raw              the model alone embedding the sample texts, in one call
     * @param coldBuild        a full build of the index over the sample clauses, every vector embedded
     * @param buildToRawRatio  build throughput over raw throughput (1 = indexing is free)
     * @param vectorsFromCache distinct corpus texts whose vectors this run found in the benchmark's vector cache
     * @param vectorsEmbedded  distinct corpus texts this run had the model embed (a cold cache: all of them)
     */
    public record Model(
            String id,
            double loadMs,
            LatencyStats queryEmbedding,
            Throughput raw,
            Throughput coldBuild,
            double buildToRawRatio,
            long vectorsFromCache,
            long vectorsEmbedded) {}

    public record Throughput(int texts, double seconds, double perSecond) {}

    /**
     * At scale 1, where every vector is the model's.
     *
     * @param fullBuildSeconds   the full build with embedding: measured when this run embedded the corpus, otherwise
     *                           projected: this run's build plus the vectors the cache gave, at the model's raw pace
     * @param unchangedShare     the unchanged reindex over the full build
     * @param onePercentShare    the 1% reindex over the full build
     */
    public record Reindex(
            double fullBuildSeconds,
            boolean fullBuildProjected,
            double unchangedSeconds,
            double unchangedShare,
            int changedDocuments,
            int changedClauses,
            long changedEmbedded,
            double onePercentSeconds,
            double onePercentShare) {}

    /**
     * @param vectors          "model" (every vector embedded) or "derived" (copies' vectors derived, not re-embedded)
     * @param buildSeconds     the product's rebuild of the whole index at this scale
     * @param embeddedByModel  texts the model embedded during that build (0 with a warm vector cache)
     * @param builtAt          when the index was built (an earlier run's when it was kept and reused)
     * @param heapBeforeMb     live heap before building (the harness's own data)
     * @param heapAfterIndexMb live heap after the build, index open
     * @param heapServingMb    live heap after the query phases, index and searchers open
     * @param heapPeakMb       largest heap in use (garbage included) while 8 askers ran
     * @param openMs           opening the built index (and its embedding cache) up to a first answered search
     * @param linearScanBuildSeconds filling the in-memory store (vectors derived or cached, not embedded)
     * @param ask              the product's extractive ask, history line included
     * @param askOverlap       the same ask with answer sentences ranked by term overlap alone (no sentence embedding)
     * @param askNoHistory     the same ask without the history line (what it costs, side by side)
     */
    public record ScaleResult(
            int scale,
            int clauses,
            String vectors,
            double buildSeconds,
            double clausesPerSecond,
            long embeddedByModel,
            String builtAt,
            double indexMb,
            double heapBeforeMb,
            double heapAfterIndexMb,
            double heapServingMb,
            double heapPeakMb,
            double openMs,
            LatencyStats hybrid,
            LatencyStats bm25,
            LatencyStats linearScan,
            double linearScanBuildSeconds,
            LatencyStats ask,
            LatencyStats askOverlap,
            LatencyStats askNoHistory,
            LatencyStats ask8) {}

    /** @param met {@code null} when it could not be measured in this run */
    public record Target(String what, String goal, String measured, Boolean met) {}

    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        Environment e = environment;
        out.append(f(
                "PolicyBot bench, %s: Java %s, %d cores, max heap %.0f MB, load average %.1f at start, %.1f at"
                        + " end, %.0f s in all; %d queries, phases up to %.0f s%n",
                e.startedAt(),
                e.java(),
                e.cores(),
                e.maxHeapMb(),
                e.loadAverageStart(),
                e.loadAverageEnd(),
                e.wallSeconds(),
                e.queries(),
                e.phaseSeconds()));
        out.append(f(
                "corpus %s: %d versions, %d clauses (%d current), read and split in %.1f s%n",
                String.join(", ", corpus.archives()),
                corpus.versions(),
                corpus.clauses(),
                corpus.currentClauses(),
                corpus.readAndSplitSeconds()));
        Model m = model;
        out.append(f("model %s: loaded in %.0f ms; query embedding %s%n", m.id(), m.loadMs(), lat(m.queryEmbedding())));
        out.append(f(
                "embedding %d texts: model alone %.1f texts/s; full build %.1f clauses/s = %.0f%% of the model"
                        + " alone%n",
                m.raw().texts(), m.raw().perSecond(), m.coldBuild().perSecond(), 100 * m.buildToRawRatio()));
        out.append(f(
                "distinct corpus texts: %d vectors from the bench's vector cache, %d embedded in this run%n",
                m.vectorsFromCache(), m.vectorsEmbedded()));
        if (reindex != null) {
            Reindex r = reindex;
            out.append(f(
                    "reindex at scale 1: full build %.0f s%s; nothing changed %.1f s (%.1f%%); 1%% of documents"
                            + " changed (%d documents, %d clauses, %d embedded) %.1f s (%.1f%%)%n",
                    r.fullBuildSeconds(),
                    r.fullBuildProjected() ? " (projected)" : "",
                    r.unchangedSeconds(),
                    100 * r.unchangedShare(),
                    r.changedDocuments(),
                    r.changedClauses(),
                    r.changedEmbedded(),
                    r.onePercentSeconds(),
                    100 * r.onePercentShare()));
        }
        out.append('\n')
                .append(indexingTable())
                .append('\n')
                .append(latencyTable())
                .append('\n')
                .append(targetTable());
        notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        return out.toString();
    }

    private String indexingTable() {
        StringBuilder out = new StringBuilder(
                f(
                        "| scale | clauses | vectors | build s | clauses/s | built | index MB |"
                                + " heap before / after index / serving / peak MB | open ms |%n|---:|---:|---|---:|---:|---|---:|---|---:|%n"));
        for (ScaleResult s : scales) {
            out.append(f(
                    "| %d | %d | %s | %.1f | %.0f | %s | %.0f | %.0f / %.0f / %.0f / %.0f | %.0f |%n",
                    s.scale(),
                    s.clauses(),
                    s.vectors(),
                    s.buildSeconds(),
                    s.clausesPerSecond(),
                    s.builtAt(),
                    s.indexMb(),
                    s.heapBeforeMb(),
                    s.heapAfterIndexMb(),
                    s.heapServingMb(),
                    s.heapPeakMb(),
                    s.openMs()));
        }
        return out.toString();
    }

    private String latencyTable() {
        StringBuilder out =
                new StringBuilder(f("latency p50 / p95 / p99 ms (n)%n| scale | hybrid retrieval | BM25 alone |"
                        + " linear scan (LangChain4j) | extractive ask | ask, overlap ranking | ask without history line"
                        + " | concurrent askers: per s, p99 |%n|---:|---|---|---|---|---|---|---|%n"));
        for (ScaleResult s : scales) {
            out.append(f(
                    "| %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    s.scale(),
                    lat(s.hybrid()),
                    lat(s.bm25()),
                    lat(s.linearScan()),
                    lat(s.ask()),
                    lat(s.askOverlap()),
                    lat(s.askNoHistory()),
                    s.ask8() == null || s.ask8().n() == 0
                            ? "-"
                            : f(
                                    "%.1f/s, %.0f ms (n=%d)",
                                    s.ask8().perSecond(),
                                    s.ask8().p99(),
                                    s.ask8().n())));
        }
        return out.toString();
    }

    private String targetTable() {
        StringBuilder out = new StringBuilder(f("| target | goal | measured | met |%n|---|---|---|---|%n"));
        for (Target t : targets) {
            out.append(f(
                    "| %s | %s | %s | %s |%n",
                    t.what(), t.goal(), t.measured(), t.met() == null ? "not measured" : t.met() ? "yes" : "**no**"));
        }
        return out.toString();
    }

    static String lat(LatencyStats s) {
        if (s == null || s.n() == 0) {
            return "-";
        }
        return f("%s / %s / %s (%d)", num(s.p50()), num(s.p95()), num(s.p99()), s.n());
    }

    private static String num(double ms) {
        return ms < 10 ? f("%.2f", ms) : ms < 100 ? f("%.1f", ms) : f("%.0f", ms);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
