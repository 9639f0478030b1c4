package dev.policybot.cli;

import dev.policybot.domain.UserFacingException;
import dev.policybot.eval.bench.BenchReport;
import dev.policybot.eval.bench.Benchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench [--archive DIR]... [--scale 1,10,100] [--queries N] [--json]}: measures indexing, retrieval, answering
 * and memory at several copies of the corpus, beside the baselines, and prints a table (or JSON).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures indexing, retrieval, answering and memory on the corpus copied at several scales, "
                + "beside LangChain4j's in-memory store and Lucene BM25 alone.")
public final class BenchCommand implements Callable<Integer> {
    public static final String ARCHIVE = "--archive";
    public static final String SCALE = "--scale";
    public static final String QUERIES = "--queries";
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Option(
            names = ARCHIVE,
            paramLabel = "DIR",
            description = "An archive folder to benchmark on (repeatable); "
                    + "default: the index's own archive (INDEX/archive).")
    List<Path> archives = new ArrayList<>();

    @Option(
            names = SCALE,
            split = ",",
            paramLabel = "N",
            description =
                    "Copies of the corpus to measure at " + "(default: ${DEFAULT-VALUE}); scale 1 always runs first.",
            defaultValue = "1,10")
    List<Integer> scales;

    @Option(
            names = QUERIES,
            paramLabel = "N",
            defaultValue = "200",
            description = "Distinct questions, and the most operations one phase measures (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
            names = "--questions",
            paramLabel = "FILE",
            description =
                    "A question set (JSON Lines) whose questions are asked first; the rest are made from the corpus.")
    Path questions;

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Folder for the benchmark's indexes and its cache of the"
                    + " model's corpus vectors (default: the temp folder's policybot-bench).")
    Path work;

    @Option(
            names = "--embed-sample",
            paramLabel = "N",
            defaultValue = "300",
            description = "Clauses embedded with no "
                    + "cache for the throughput figures; 0 for the whole corpus (default: ${DEFAULT-VALUE}).")
    int embedSample;

    @Option(
            names = "--phase-seconds",
            paramLabel = "S",
            defaultValue = "10",
            description = "The most time one measured phase may take (default: ${DEFAULT-VALUE}).")
    int phaseSeconds;

    @Option(
            names = "--askers",
            paramLabel = "N",
            defaultValue = "8",
            description = "Concurrent askers in the throughput phase (default: ${DEFAULT-VALUE}).")
    int askers;

    @Option(
            names = "--rebuild",
            description = "Build every scale's index anew, even when a kept one matches "
                    + "(by default the indexes of scales above 1 are kept in the work folder and reused by later runs of the same "
                    + "build on the same corpus).")
    boolean rebuild;

    @Option(names = JSON, description = "Print the report as JSON (the table then goes to standard error).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Benchmark.Options options = new Benchmark.Options(
                archives(),
                scales,
                queries,
                questions,
                workDir(),
                embedSample,
                Duration.ofSeconds(phaseSeconds),
                askers,
                !rebuild);
        BenchReport report = new Benchmark(context.benchTarget(), options, line -> {
                    err.println(line);
                    err.flush();
                })
                .run();
        if (json) {
            // JSON alone on standard output for machines; the table still reaches the person watching
            err.print(report.table());
            err.flush();
            out.print(report.json() + System.lineSeparator());
        } else {
            out.print(report.table());
        }
        out.flush();
        return 0;
    }

    private List<Path> archives() {
        List<Path> dirs = archives.isEmpty() ? List.of(context.indexDir().resolve("archive")) : archives;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw UserFacingException.badInput(
                        "no archive folder at " + dir + "; name one with " + ARCHIVE + " DIR");
            }
        }
        return dirs;
    }

    private Path workDir() {
        return work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "policybot-bench");
    }
}
