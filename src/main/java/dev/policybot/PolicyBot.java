package dev.policybot;

import dev.policybot.cli.BotCommand;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.ExitCodes;
import dev.policybot.config.AppConfig;
import dev.policybot.core.UserFacingException;
import dev.policybot.discord.BotPorts;
import dev.policybot.discord.DiscordBot;
import dev.policybot.discord.DiscordEndpoints;
import java.nio.file.Path;
import java.time.Clock;
import dev.policybot.cli.ReindexCommand;
import dev.policybot.cli.SourcesCommand;
import dev.policybot.config.SourcesConfig;
import dev.policybot.core.ClauseIndexWriter;
import dev.policybot.core.Reindexer;
import dev.policybot.core.ReindexService;
import dev.policybot.core.Source;
import dev.policybot.core.SourceCatalog;
import dev.policybot.ingest.ConfiguredSources;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.ingest.VersionArchive;
import java.util.List;
import java.util.function.Supplier;
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
                BotCommand.class,
                ReindexCommand.class,
                SourcesCommand.class,
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

    @Override
    public AutoCloseable startDiscordBot(String token) {
        AppConfig config = AppConfig.load(configDir);
        return DiscordBot.start(token, DiscordEndpoints.DISCORD, config.discord(), botPorts(), Clock.systemUTC());
    }

    /**
     * The core services the Discord bot uses. Until the search index, answer service, source catalog and reindexer
     * are wired here, each command answers that it is not available yet.
     */
    private BotPorts botPorts() {
        return new BotPorts(
                question -> { throw notWiredYet("Answering"); },
                request -> { throw notWiredYet("Clause search"); },
                () -> { throw notWiredYet("The source catalog"); },
                (platform, progress) -> { throw notWiredYet("Reindexing"); },
                java.util.List::of);
    }

    private static UserFacingException notWiredYet(String what) {
        return UserFacingException.failure(what + " is not available in this build yet.", null);
    }

    @Override
    public Reindexer reindexer(List<Path> archives) {
        Clock clock = Clock.systemUTC();
        Supplier<List<Source>> sources = archives.isEmpty()
                ? () -> configuredSources(clock)
                : () -> ConfiguredSources.archives(archives);
        return new ReindexService(sources, archive(), new MarkdownClauseSplitter(), clauseIndexWriter(), clock);
    }

    private List<Source> configuredSources(Clock clock) {
        SourcesConfig.Loaded loaded = SourcesConfig.load(configDir);
        return ConfiguredSources.create(loaded.config().fetch(), clock).sources(loaded);
    }

    @Override
    public SourceCatalog sourceCatalog() {
        return archive();
    }

    private VersionArchive archive() {
        return new VersionArchive(indexDir.resolve("archive"));
    }

    /** Placeholder until the Lucene writer (package search) is wired here: counts clauses, stores nothing. */
    private ClauseIndexWriter clauseIndexWriter() {
        return clauses -> new ClauseIndexWriter.IndexStats(clauses.size(), 0, 0, 0);
    }
}
