package dev.policybot.eval.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The speed targets of issue 7, checked against one run's figures. */
final class Targets {
    static final double RETRIEVAL_P99_MS = 5;
    static final double ASK_P99_MS = 50;
    static final double BUILD_TO_RAW = 0.8;
    static final double UNCHANGED_SHARE = 0.05;
    static final double ONE_PERCENT_SHARE = 0.10;
    static final double SERVING_HEAP_MB = 512;
    static final double START_TO_READY_MS = 5000;

    private Targets() {}

    static List<BenchReport.Target> check(
            List<BenchReport.ScaleResult> scales, BenchReport.Reindex reindex, BenchReport.Model model) {
        List<BenchReport.Target> targets = new ArrayList<>();
        Optional<BenchReport.ScaleResult> largest =
                scales.stream().max(Comparator.comparingInt(BenchReport.ScaleResult::scale));
        Optional<BenchReport.ScaleResult> ten = at(scales, 10);
        largest.ifPresent(s -> targets.add(new BenchReport.Target(
                "hybrid retrieval p99 at scale " + s.scale() + " (" + s.clauses() + " clauses)"
                        + (s.scale() < 100 ? ", scale 100 not run" : ""),
                "≤ 5 ms",
                ms(s.hybrid().p99()),
                s.scale() >= 100 ? s.hybrid().p99() <= RETRIEVAL_P99_MS : null)));
        targets.add(ten.map(s -> new BenchReport.Target(
                        "extractive ask p99 at scale 10", "≤ 50 ms", ms(s.ask().p99()), (Boolean)
                                (s.ask().p99() <= ASK_P99_MS)))
                .orElse(new BenchReport.Target("extractive ask p99 at scale 10", "≤ 50 ms", "scale 10 not run", null)));
        targets.add(new BenchReport.Target(
                "full build throughput / model alone",
                "≥ 80%",
                pct(model.buildToRawRatio()),
                model.buildToRawRatio() >= BUILD_TO_RAW));
        if (reindex != null) {
            targets.add(new BenchReport.Target(
                    "reindex, nothing changed / full build",
                    "≤ 5%",
                    pct(reindex.unchangedShare()),
                    reindex.unchangedShare() <= UNCHANGED_SHARE));
            targets.add(new BenchReport.Target(
                    "reindex, 1% of documents changed / full build",
                    "≤ 10%", pct(reindex.onePercentShare()), reindex.onePercentShare() <= ONE_PERCENT_SHARE));
        }
        targets.add(ten.map(s -> {
                    double serving = s.heapServingMb() - s.heapBeforeMb();
                    return new BenchReport.Target(
                            "heap serving at scale 10 (live, beyond the harness's own data)",
                            "≤ 512 MB",
                            String.format(Locale.ROOT, "%.0f MB", serving),
                            (Boolean) (serving <= SERVING_HEAP_MB));
                })
                .orElse(new BenchReport.Target("heap serving at scale 10", "≤ 512 MB", "scale 10 not run", null)));
        BenchReport.ScaleResult serving = ten.orElse(scales.get(0));
        double ready = model.loadMs() + serving.openMs();
        targets.add(new BenchReport.Target(
                "start to ready at scale " + serving.scale()
                        + " (model load + index open + first search, in a warm JVM)",
                "≤ 5 s",
                String.format(Locale.ROOT, "%.1f s", ready / 1000),
                ready <= START_TO_READY_MS));
        targets.addAll(againstBaselines(scales));
        return targets;
    }

    /** At every scale, hybrid retrieval against the linear scan and BM25 alone. */
    private static List<BenchReport.Target> againstBaselines(List<BenchReport.ScaleResult> scales) {
        List<BenchReport.Target> targets = new ArrayList<>();
        for (BenchReport.ScaleResult s : scales) {
            targets.add(new BenchReport.Target(
                    "scale " + s.scale() + ": hybrid p99 below linear scan p99",
                    "faster",
                    ms(s.hybrid().p99()) + " vs " + ms(s.linearScan().p99()),
                    s.linearScan().n() == 0
                            ? null
                            : s.hybrid().p99() < s.linearScan().p99()));
            targets.add(new BenchReport.Target(
                    "scale " + s.scale() + ": hybrid p99 below BM25-alone p99",
                    "faster",
                    ms(s.hybrid().p99()) + " vs " + ms(s.bm25().p99()),
                    s.hybrid().p99() < s.bm25().p99()));
        }
        return targets;
    }

    private static Optional<BenchReport.ScaleResult> at(List<BenchReport.ScaleResult> scales, int scale) {
        return scales.stream().filter(s -> s.scale() == scale).findFirst();
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
