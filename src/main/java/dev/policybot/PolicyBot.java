package dev.policybot;

import dev.policybot.cli.ChangesCommand;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.ExitCodes;
import dev.policybot.cli.HistoryCommand;
import dev.policybot.core.DocumentResolver;
import dev.policybot.core.HistoryService;
import dev.policybot.core.TopicClassifier;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.DatedArchive;
import dev.policybot.history.ParagraphClauseSplitter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Composition root and command-line entry point: reads options, wires objects with {@code new}, holds no logic.
 * Every CLI subcommand is registered in the one list below.
 */
@Command(name = "policybot", mixinStandardHelpOptions = true, version = "PolicyBot 0.1.0",
        description = "Answers questions about platform policies from the platforms' own words.",
        subcommands = {
                // the one list of subcommands
                ChangesCommand.class,
                HistoryCommand.class,
        })
public final class PolicyBot implements CliContext {

    @Option(names = "--config", defaultValue = "config", description = "Configuration folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path configDir;

    @Option(names = "--index", defaultValue = "index", description = "Index and archive folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path indexDir;

    public static void main(String[] args) {
        NativeCaches.configure();
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (0 ok, 1 runtime failure, 2 bad input). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new PolicyBot());
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        return commandLine.execute(args);
    }

    @Override
    public Path configDir() {
        return configDir;
    }

    @Override
    public Path indexDir() {
        return indexDir;
    }

    /**
     * Policy history over {@code index/archive}. Until the ingest package's archive and Markdown splitter are wired
     * here, it reads the dated layout directly and splits paragraphs; topics come from the phrase rules (pass the
     * embedder to the TopicClassifier to add similarity).
     */
    @Override
    public HistoryService historyService() {
        DatedArchive archive = new DatedArchive(indexDir.resolve("archive"));
        ClauseDiffer differ = new ClauseDiffer(new ParagraphClauseSplitter(), new TopicClassifier());
        return new HistoryService(new DocumentResolver(archive, null), archive, differ);
    }
}
