package dev.policybot;

import dev.policybot.app.NativeCaches;
import dev.policybot.app.ProductWiring;
import dev.policybot.cli.AskCommand;
import dev.policybot.cli.BenchCommand;
import dev.policybot.cli.BotCommand;
import dev.policybot.cli.ChangesCommand;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.CompareCommand;
import dev.policybot.cli.EvalCommand;
import dev.policybot.cli.ExitCodes;
import dev.policybot.cli.HistoryCommand;
import dev.policybot.cli.ReindexCommand;
import dev.policybot.cli.RetrievalSystems;
import dev.policybot.cli.SearchCommand;
import dev.policybot.cli.SourcesCommand;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Comparer;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.eval.AnswerEvaluation;
import dev.policybot.eval.bench.BenchTarget;
import dev.policybot.history.HistoryService;
import dev.policybot.reindex.ReindexHealth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command-line entry point: the global options and the one list of subcommands. Everything a subcommand uses
 * comes from {@link ProductWiring}, built from these options.
 */
@Command(
        name = "policybot",
        mixinStandardHelpOptions = true,
        version = "PolicyBot 0.1.0",
        description = "Answers questions about platform policies from the platforms' own words.",
        subcommands = {
            // the one list of subcommands
            BotCommand.class,
            ReindexCommand.class,
            SourcesCommand.class,
            ChangesCommand.class,
            CompareCommand.class,
            HistoryCommand.class,
            SearchCommand.class,
            EvalCommand.class,
            AskCommand.class,
            BenchCommand.class,
        })
public final class PolicyBot implements CliContext {
    @Option(
            names = "--config",
            defaultValue = "config",
            description = "Configuration folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path configDir;

    @Option(
            names = "--index",
            defaultValue = "index",
            description = "Index and archive folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path indexDir;

    private ProductWiring wiring;

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

    /** The wiring for the options as parsed (picocli sets them before any subcommand runs). */
    private synchronized ProductWiring wiring() {
        if (wiring == null) {
            wiring = new ProductWiring(configDir, indexDir);
        }
        return wiring;
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
    public AutoCloseable startDiscordBot(String token) {
        return wiring().startDiscordBot(token);
    }

    @Override
    public Reindexer reindexer(List<Path> archives) {
        return wiring().reindexer(archives);
    }

    @Override
    public SourceCatalog sourceCatalog() {
        return wiring().sourceCatalog();
    }

    @Override
    public Set<String> clientRenderedDocuments() {
        return wiring().clientRenderedDocuments();
    }

    @Override
    public Optional<ReindexHealth> reindexHealth() {
        return wiring().reindexHealth();
    }

    @Override
    public HistoryService historyService() {
        return wiring().historyService();
    }

    @Override
    public ClauseSearch clauseSearch() {
        return wiring().clauseSearch();
    }

    @Override
    public RetrievalSystems retrievalSystems() {
        return wiring().retrievalSystems();
    }

    @Override
    public Asker asker() {
        return wiring().asker();
    }

    @Override
    public Asker askerOver(ClauseSearch search) {
        return wiring().askerOver(search);
    }

    @Override
    public List<AnswerEvaluation.Answerer> answerersOver(ClauseSearch search, boolean withModel) {
        return wiring().answerersOver(search, withModel);
    }

    @Override
    public Comparer comparer() {
        return wiring().comparer();
    }

    @Override
    public List<PlatformGroup> platformGroups() {
        return wiring().platformGroups();
    }

    @Override
    public void ensureIndex(PrintWriter progress) {
        wiring().ensureIndex(progress);
    }

    @Override
    public BenchTarget benchTarget() {
        return wiring().benchTarget();
    }
}
