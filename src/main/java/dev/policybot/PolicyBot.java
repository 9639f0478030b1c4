package dev.policybot;

import dev.policybot.cli.CliContext;
import dev.policybot.cli.EvalCommand;
import dev.policybot.cli.ExitCodes;
import dev.policybot.cli.RetrievalSystems;
import dev.policybot.cli.SearchCommand;
import dev.policybot.core.ClauseSearch;
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
                SearchCommand.class,
                EvalCommand.class,
        })
public final class PolicyBot implements CliContext {

    @Option(names = "--config", defaultValue = "config", description = "Configuration folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path configDir;

    @Option(names = "--index", defaultValue = "index", description = "Index and archive folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path indexDir;

    private SearchWiring search;

    public static void main(String[] args) {
        NativeCaches.configure();
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (0 ok, 1 runtime failure, 2 bad input). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The wired command line, for callers (and tests) that capture its output. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PolicyBot());
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        return commandLine;
    }

    @Override
    public Path configDir() {
        return configDir;
    }

    @Override
    public Path indexDir() {
        return indexDir;
    }

    @Override
    public ClauseSearch clauseSearch() {
        return searchWiring().clauseSearch();
    }

    @Override
    public RetrievalSystems retrievalSystems() {
        return searchWiring();
    }

    private synchronized SearchWiring searchWiring() {
        if (search == null) {
            search = new SearchWiring(indexDir);
        }
        return search;
    }
}
