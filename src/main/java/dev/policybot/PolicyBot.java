package dev.policybot;

import dev.policybot.cli.BotCommand;
import dev.policybot.cli.ChangesCommand;
import dev.langchain4j.model.chat.ChatModel;
import dev.policybot.cli.AskCommand;
import dev.policybot.cli.BenchCommand;
import dev.policybot.eval.BenchTarget;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.EvalCommand;
import dev.policybot.cli.ExitCodes;
import dev.policybot.cli.HistoryCommand;
import dev.policybot.config.AppConfig;
import dev.policybot.core.DocumentResolver;
import dev.policybot.core.HistoryService;
import dev.policybot.core.TopicClassifier;
import dev.policybot.core.UserFacingException;
import dev.policybot.config.AlertsConfig;
import dev.policybot.core.AlertSink;
import java.util.concurrent.atomic.AtomicReference;
import dev.policybot.core.ChangeAlertService;
import dev.policybot.core.ChangeCheckScheduler;
import dev.policybot.core.ReindexReport;
import dev.policybot.core.Topic;
import dev.policybot.history.FileAlertLedger;
import java.io.PrintWriter;
import java.util.Set;
import java.util.stream.Collectors;
import dev.policybot.discord.BotPorts;
import dev.policybot.discord.DiscordBot;
import dev.policybot.discord.DiscordEndpoints;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.DatedArchive;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.cli.RetrievalSystems;
import dev.policybot.cli.SearchCommand;
import dev.policybot.core.ClauseSearch;
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
import dev.policybot.ingest.VersionArchive;
import dev.policybot.ingest.ReindexStatusFile;
import dev.policybot.cli.ReindexHealth;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import dev.policybot.config.LlmConfig;
import dev.policybot.core.AnswerWriter;
import dev.policybot.core.AskService;
import dev.policybot.core.Asker;
import dev.policybot.core.CitationVerifier;
import dev.policybot.core.Embedder;
import dev.policybot.core.ExtractiveAnswerWriter;
import dev.policybot.core.OutcomeDecision;
import dev.policybot.core.QueryTranslator;
import dev.policybot.core.QueryUnderstanding;
import dev.policybot.query.PolicyQueryUnderstanding;
import dev.policybot.llm.ChatModelFactory;
import dev.policybot.llm.LlmAnswerWriter;
import dev.policybot.llm.LlmQueryTranslator;
import java.util.Map;
import java.util.Optional;
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
                ChangesCommand.class,
                HistoryCommand.class,
                SearchCommand.class,
                EvalCommand.class,
                AskCommand.class,
                BenchCommand.class,
        })
public final class PolicyBot implements CliContext {
    /** Clauses retrieved per question. */
    static final int SEARCH_LIMIT = 10;
    /** Of those, how many an LLM is given as numbered excerpts. */
    static final int LLM_EXCERPTS = 6;

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

    /**
     * Policy history over {@code index/archive}, split like the index; topics from the phrase rules.
     */
    @Override
    public HistoryService historyService() {
        DatedArchive archive = new DatedArchive(archiveDir());
        return new HistoryService(new DocumentResolver(archive, null), archive, changeDiffer());
    }

    private ClauseDiffer changeDiffer() {
        return new ClauseDiffer(new MarkdownClauseSplitter(), new TopicClassifier());
    }

    /**
     * Starts the bot over the real services, then the scheduled change check (interval from config; 0 = off), which
     * posts alerts to the configured channel. A reindex from Discord also triggers the alert check.
     */
    @Override
    public AutoCloseable startDiscordBot(String token) {
        AppConfig config = AppConfig.load(configDir);
        AtomicReference<ChangeAlertService> alertsOnceConnected = new AtomicReference<>();
        Reindexer reindexer = reindexer(List.of());
        Reindexer alertingReindexer = (platform, progress) -> {
            ReindexReport report = reindexer.reindex(platform, progress);
            ChangeAlertService alerts = alertsOnceConnected.get();
            if (alerts != null) {
                alerts.afterReindex(report);
            }
            return report;
        };
        Asker asker = asker();
        BotPorts ports = new BotPorts(asker, clauseSearch(), sourceCatalog(), alertingReindexer,
                searchWiring().index());
        DiscordBot bot = DiscordBot.start(token, DiscordEndpoints.DISCORD, config.discord(), ports, Clock.systemUTC());
        ChangeAlertService alerts = changeAlerts(config.alerts(), bot.alerts());
        alertsOnceConnected.set(alerts);
        ChangeCheckScheduler scheduler = new ChangeCheckScheduler(reindexer, alerts, config.alerts().interval());
        scheduler.start();
        return () -> {
            scheduler.close();
            bot.close();
            searchWiring().close();
        };
    }

    private ChangeAlertService changeAlerts(AlertsConfig config, AlertSink sink) {
        DatedArchive archive = new DatedArchive(archiveDir());
        Set<Topic> topics = config.topics().stream().map(Topic::fromId).collect(Collectors.toSet());
        return new ChangeAlertService(archive, archive, changeDiffer(), sink, FileAlertLedger.in(indexDir), topics);
    }

    @Override
    public Reindexer reindexer(List<Path> archives) {
        Clock clock = Clock.systemUTC();
        Supplier<List<Source>> sources = archives.isEmpty()
                ? () -> configuredSources(clock)
                : () -> ConfiguredSources.archives(archives);
        return reindexStatus().recording(new ReindexService(sources, archive(), new MarkdownClauseSplitter(),
                searchWiring().index(), clock), clock);
    }

    private ReindexStatusFile reindexStatus() {
        return new ReindexStatusFile(indexDir);
    }

    @Override
    public Optional<ReindexHealth> reindexHealth() {
        return reindexStatus().read().map(s -> new ReindexHealth(Instant.parse(s.lastRun()), s.outcome(), s.changed(),
                s.unchanged(), s.failed(), s.clauses(), s.sources().stream().map(h -> new ReindexHealth.Source(
                        h.source(), instant(h.lastSuccess()), instant(h.lastFailure()), h.lastFailureReason())).toList()));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
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
        return new VersionArchive(archiveDir());
    }

    private Path archiveDir() {
        return indexDir.resolve("archive");
    }

    /** On a fresh install, {@code ask} and {@code search} first build the index from {@code config/sources.yaml}. */
    @Override
    public void ensureIndex(PrintWriter progress) {
        if (searchWiring().index().exists()) {
            return;
        }
        progress.println("No index yet in " + indexDir + ": building it from " + configDir.resolve("sources.yaml")
                + " (first run only)...");
        ReindexReport report = reindexer(List.of()).reindex(null, (done, total, what) -> {
            progress.println("  [" + done + "/" + total + "] " + what);
            progress.flush();
        });
        progress.println("Indexed " + report.clauses() + " clauses from " + report.sources().size() + " sources ("
                + report.count(ReindexReport.Outcome.FAILED) + " failed).");
        progress.flush();
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

    @Override
    public BenchTarget benchTarget() {
        return new BenchWiring(AppConfig.load(configDir));
    }

    @Override
    public Asker asker() {
        return askerOver(clauseSearch());
    }

    @Override
    public Asker askerOver(ClauseSearch search) {
        return asker(AppConfig.load(configDir), System.getenv(), search, searchWiring().embedder(),
                searchWiring().understanding());
    }

    /** Answering, wired from the config and environment: extractive, or an LLM that falls back to extractive. */
    static Asker asker(AppConfig config, Map<String, String> env, ClauseSearch search, Embedder embedder) {
        return asker(config, env, search, embedder, PolicyQueryUnderstanding.offline());
    }

    /** As above; {@code understanding} gives German questions their English words and German framing. */
    static Asker asker(AppConfig config, Map<String, String> env, ClauseSearch search, Embedder embedder,
                       QueryUnderstanding understanding) {
        LlmConfig llm = config.llm().withEnvironment(env);
        ExtractiveAnswerWriter extractive = new ExtractiveAnswerWriter(embedder, ExtractiveAnswerWriter.Settings.of(
                config.answer().abstainThreshold(), config.answer().maxCitations()).withDecision(OutcomeDecision.confidence(
                config.answer().abstainThreshold(), config.answer().answeredFrom())), understanding);
        Optional<ChatModel> model = new ChatModelFactory().create(llm, llm.apiKey(env));
        AnswerWriter writer = model.<AnswerWriter>map(m -> new LlmAnswerWriter(m, llm.provider(), extractive,
                LLM_EXCERPTS)).orElse(extractive);
        QueryTranslator translator = model.<QueryTranslator>map(LlmQueryTranslator::new).orElse(QueryTranslator.NONE);
        return new AskService(search, writer, new CitationVerifier(extractive), translator, SEARCH_LIMIT);
    }
}
