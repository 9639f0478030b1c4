package dev.policybot.cli;

import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code reindex}: fetch or import the sources, archive new versions, rebuild the index, and print what happened
 * per source. Progress goes to stderr (a bar on a terminal, one line per source otherwise); the report to stdout.
 * Exit code 0 when every source was read, 1 when any failed, 2 for bad input (config, arguments).
 */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = "Fetch or import the sources, archive new versions and rebuild the index.")
public final class ReindexCommand implements Callable<Integer> {
    public static final String ARCHIVE = "--archive";
    public static final String ONLY = "--only";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Option(
            names = ARCHIVE,
            paramLabel = "DIR",
            description =
                    "Import this archive folder (dated or single-version layout) instead of the configured sources; repeatable.")
    List<Path> archives = new ArrayList<>();

    @Option(
            names = ONLY,
            paramLabel = "PLATFORM",
            description = "Read only this platform's sources (name, slug or alias), or a group's (e.g. music).")
    String only;

    @Override
    public Integer call() {
        for (Path archive : archives) {
            if (!Files.isDirectory(archive)) {
                throw UserFacingException.badInput("archive folder " + archive + " does not exist or is not a folder");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReindexReport report = context.reindexer(archives).reindex(platformsOf(only), progress(err));
        print(report, out);
        if (only != null && report.sources().isEmpty()) {
            throw UserFacingException.badInput("no source matches --only " + only);
        }
        return report.count(ReindexReport.Outcome.FAILED) > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** A group's name stands for its platforms ("soundcloud,spotify,…"); anything else is a platform. */
    private String platformsOf(String name) {
        if (name == null) {
            return null;
        }
        return context.platformGroups().stream()
                .filter(group -> group.id().equals(Slugs.of(name)))
                .findFirst()
                .map(group -> String.join(",", group.platformIds()))
                .orElse(name);
    }

    private static ProgressListener progress(PrintWriter err) {
        boolean terminal = System.console() != null;
        return (done, total, what) -> {
            if (terminal) {
                int width = 30;
                int filled = total == 0 ? width : done * width / total;
                err.printf(
                        "\r[%s%s] %d/%d %-60.60s", "#".repeat(filled), " ".repeat(width - filled), done, total, what);
                if (done == total) {
                    err.println();
                }
            } else {
                err.printf("[%d/%d] %s%n", done, total, what);
            }
            err.flush();
        };
    }

    static void print(ReindexReport report, PrintWriter out) {
        for (ReindexReport.SourceOutcome source : report.sources()) {
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT, "%-9s %s", source.outcome().name().toLowerCase(Locale.ROOT), source.source()));
            if (source.outcome() == ReindexReport.Outcome.FAILED) {
                line.append(" — ").append(source.reason());
            } else {
                line.append(" — ").append(source.versions()).append(source.versions() == 1 ? " version" : " versions");
                if (source.newVersion() != null) {
                    line.append(", new ").append(source.newVersion());
                }
            }
            out.println(line);
        }
        out.printf(
                Locale.ROOT,
                "%d sources: %d changed, %d unchanged, %d failed; %s in %.1f s%n",
                report.sources().size(),
                report.count(ReindexReport.Outcome.CHANGED),
                report.count(ReindexReport.Outcome.UNCHANGED),
                report.count(ReindexReport.Outcome.FAILED),
                report.indexUnchanged()
                        ? "the index already holds these " + report.clauses() + " clauses and was left as it is"
                        : report.clauses() + " clauses indexed",
                report.elapsed().toMillis() / 1000.0);
        out.flush();
    }
}
