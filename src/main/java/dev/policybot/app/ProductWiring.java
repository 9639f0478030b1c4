package dev.policybot.app;

import dev.policybot.archive.DatedArchive;
import dev.policybot.archive.VersionArchive;
import dev.policybot.cli.BuildProgress;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.RetrievalSystems;
import dev.policybot.compare.CompareService;
import dev.policybot.compare.CrossPlatformAsker;
import dev.policybot.compare.CrossPlatformQuestions;
import dev.policybot.compare.PlatformScope;
import dev.policybot.config.AlertsConfig;
import dev.policybot.config.AppConfig;
import dev.policybot.config.ConfigException;
import dev.policybot.config.SourcesConfig;
import dev.policybot.discord.BotPorts;
import dev.policybot.discord.DiscordBot;
import dev.policybot.discord.DiscordEndpoints;
import dev.policybot.domain.LastReindex;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.Source;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.AlertSink;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Comparer;
import dev.policybot.domain.port.HistoryLookup;
import dev.policybot.domain.port.PlatformDirectory;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.eval.AnswerEvaluation;
import dev.policybot.eval.bench.BenchTarget;
import dev.policybot.history.ChangeAlertService;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.FileAlertLedger;
import dev.policybot.history.HistoryNotingAsker;
import dev.policybot.history.HistoryService;
import dev.policybot.history.QuestionHistory;
import dev.policybot.ingest.ConfiguredSources;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.question.DocumentResolver;
import dev.policybot.reindex.ChangeCheckScheduler;
import dev.policybot.reindex.FirstRun;
import dev.policybot.reindex.ReindexHealth;
import dev.policybot.reindex.ReindexLock;
import dev.policybot.reindex.ReindexService;
import dev.policybot.reindex.ReindexStatusFile;
import dev.policybot.topic.TopicClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The product's object graph for the command line and the bot, built with {@code new} from one configuration folder
 * (loaded once) and one index folder. Services are made when a command first asks for them.
 */
public final class ProductWiring implements CliContext {
    private final Path configDir;
    private final Path indexDir;
    private AppConfig config;
    private SearchWiring search;
    private final HistoryWiring historyWiring;
    private List<PlatformGroup> groups;
    private Comparer comparer;

    public ProductWiring(Path configDir, Path indexDir) {
        this.configDir = configDir;
        this.indexDir = indexDir;
        this.historyWiring = new HistoryWiring(indexDir.resolve("archive"));
    }

    @Override
    public Path configDir() {
        return configDir;
    }

    @Override
    public Path indexDir() {
        return indexDir;
    }

    private synchronized AppConfig config() {
        if (config == null) {
            config = AppConfig.load(configDir);
        }
        return config;
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
        AppConfig config = config();
        alertedPlatforms(config.alerts().platforms()); // a bad name stops the start, before connecting
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
        historyWiring.warmInBackground();
        BotPorts ports = new BotPorts(
                asker,
                clauseSearch(),
                sourceCatalogWithLastReindex(),
                alertingReindexer,
                searchWiring().index(),
                historyService(),
                comparer(),
                platformGroups());
        DiscordBot bot = DiscordBot.start(token, DiscordEndpoints.DISCORD, config.discord(), ports, Clock.systemUTC());
        ChangeAlertService alerts = changeAlerts(config.alerts(), bot.alerts());
        alertsOnceConnected.set(alerts);
        ChangeCheckScheduler scheduler =
                new ChangeCheckScheduler(reindexer, alerts, config.alerts().interval());
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
        Set<String> platforms = alertedPlatforms(config.platforms());
        SourceCatalog watched = () -> archive.sources().stream()
                .filter(source -> platforms.isEmpty() || platforms.contains(source.platformId()))
                .toList();
        return new ChangeAlertService(watched, archive, changeDiffer(), sink, FileAlertLedger.in(indexDir), topics);
    }

    /** {@code alerts.platforms}: platform names and group names, as platform ids; empty means every platform. */
    private Set<String> alertedPlatforms(List<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        PlatformDirectory archived = () -> sourceCatalog().sources().stream()
                .map(s -> new PlatformInfo(s.platformId(), s.platform(), List.of(), List.of()))
                .distinct()
                .toList();
        try {
            return new PlatformScope(archived, this::platformGroups)
                    .resolve(names, null).stream().map(PlatformInfo::id).collect(Collectors.toSet());
        } catch (UserFacingException e) {
            throw new ConfigException(
                    configDir.resolve(AppConfig.FILE_NAME) + ", key alerts.platforms: " + e.getMessage());
        }
    }

    @Override
    public Reindexer reindexer(List<Path> archives) {
        Clock clock = Clock.systemUTC();
        Supplier<List<Source>> sources =
                archives.isEmpty() ? () -> configuredSources(clock) : () -> ConfiguredSources.archives(archives);
        // the lock outermost: a reindex refused because another runs records nothing over the running one's status
        return new ReindexLock(indexDir, clock)
                .around(reindexStatus()
                        .recording(
                                new ReindexService(
                                        sources,
                                        archive(),
                                        new MarkdownClauseSplitter(),
                                        searchWiring().index(),
                                        clock),
                                clock));
    }

    private ReindexStatusFile reindexStatus() {
        return new ReindexStatusFile(indexDir);
    }

    @Override
    public Optional<ReindexHealth> reindexHealth() {
        return reindexStatus().health();
    }

    /** The archive's catalog, telling also how the last reindex or scheduled check ended (for /sources). */
    private SourceCatalog sourceCatalogWithLastReindex() {
        SourceCatalog archive = sourceCatalog();
        return new SourceCatalog() {
            @Override
            public List<SourceStatus> sources() {
                return archive.sources();
            }

            @Override
            public Optional<LastReindex> lastReindex() {
                return reindexHealth()
                        .map(h -> new LastReindex(h.lastRun(), h.outcome(), h.changed(), h.unchanged(), h.failed()));
            }
        };
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
        return historyWiring.archiveDir();
    }

    /**
     * On a fresh install, the first command that needs the index builds it from {@code index/archive} (the shipped
     * snapshot), offline and with progress; fetching is only for reindex.
     */
    @Override
    public void ensureIndex(PrintWriter progress) {
        Clock clock = Clock.systemUTC();
        Reindexer archiveOnly = new ReindexLock(indexDir, clock)
                .around(reindexStatus()
                        .recording(
                                (platform, listener) -> new ReindexService(
                                                List::of,
                                                archive(),
                                                new MarkdownClauseSplitter(),
                                                searchWiring().indexReporting(BuildProgress.toConsole(progress)),
                                                clock)
                                        .reindex(platform, listener),
                                clock));
        Optional<String> otherModel = searchWiring().indexBuiltWithAnotherModel();
        if (otherModel.isPresent()) {
            progress.println("The index holds vectors of " + otherModel.get() + " but embedding.model is "
                    + config().embedding().model() + ": re-embedding the archive (offline)...");
            progress.flush();
            archiveOnly.reindex(null, dev.policybot.domain.port.ProgressListener.NONE);
        }
        new FirstRun(() -> searchWiring().index().exists(), archive(), archiveOnly).ensureIndex(note -> {
            progress.println(note);
            progress.flush();
        });
    }

    @Override
    public Set<String> clientRenderedDocuments() {
        return ConfiguredSources.clientRendered(configDir);
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
            search = new SearchWiring(
                    indexDir, InProcessEmbedder.Model.of(config().embedding().model()));
        }
        return search;
    }

    @Override
    public BenchTarget benchTarget() {
        return new BenchWiring(config());
    }

    @Override
    public Asker asker() {
        return askerOver(clauseSearch());
    }

    /** As the product answers (history lines included), the extractive writer's and, when configured, the model's. */
    @Override
    public List<AnswerEvaluation.Answerer> answerersOver(ClauseSearch search, boolean withModel) {
        QuestionHistory history = historyWiring.lines();
        List<AnswerEvaluation.Answerer> answerers = new ArrayList<>();
        Asker extractive = AnswerWiring.extractiveAsker(
                config(), search, searchWiring().embedder(), searchWiring().understanding());
        answerers.add(new AnswerEvaluation.Answerer(
                AnswerEvaluation.EXTRACTIVE,
                new HistoryNotingAsker(acrossPlatforms(extractive, search), history),
                null));
        if (!withModel) {
            return answerers;
        }
        AnswerWiring.modelAnswerer(
                        config(),
                        System.getenv(),
                        search,
                        searchWiring().embedder(),
                        searchWiring().understanding(),
                        history)
                .map(model -> new AnswerEvaluation.Answerer(
                        model.name(),
                        new HistoryNotingAsker(acrossPlatforms(model.asker(), search), history),
                        model.drafts()))
                .ifPresent(answerers::add);
        return answerers;
    }

    /**
     * Answering as the product does: a question across platforms is answered per platform ({@link CrossPlatformAsker}),
     * any other by the configured writer; then the history line.
     */
    @Override
    public Asker askerOver(ClauseSearch search) {
        HistoryLookup history = historyWiring.lines();
        Asker answers = AnswerWiring.asker(
                config(),
                System.getenv(),
                search,
                searchWiring().embedder(),
                searchWiring().understanding(),
                history);
        return new HistoryNotingAsker(acrossPlatforms(answers, search), history);
    }

    /** A question across platforms answered per platform ({@link CrossPlatformAsker}), any other by {@code answers}. */
    private Asker acrossPlatforms(Asker answers, ClauseSearch search) {
        return new CrossPlatformAsker(answers, new CrossPlatformQuestions(platformScope()), compareServiceOver(search));
    }

    @Override
    public synchronized Comparer comparer() {
        if (comparer == null) {
            comparer = compareServiceOver(clauseSearch());
        }
        return comparer;
    }

    /** Per-platform answers are always extractive: one model call per platform would take minutes for a group. */
    private CompareService compareServiceOver(ClauseSearch search) {
        Asker extractive = AnswerWiring.extractiveAsker(
                config(), search, searchWiring().embedder(), searchWiring().understanding());
        return new CompareService(
                extractive, platformScope(), historyService(), new TopicClassifier(), Clock.systemUTC());
    }

    private PlatformScope platformScope() {
        return new PlatformScope(searchWiring().index(), this::platformGroups);
    }

    /**
     * The groups of {@code sources.yaml}, their platforms checked against those configured there and those archived;
     * loaded once. A group naming an unknown platform stops the command with file, line and key.
     */
    @Override
    public synchronized List<PlatformGroup> platformGroups() {
        if (groups == null) {
            List<PlatformInfo> archived = new ArrayList<>();
            for (SourceStatus source : sourceCatalog().sources()) {
                archived.add(new PlatformInfo(source.platformId(), source.platform(), List.of(), List.of()));
            }
            groups = SourcesConfig.load(configDir).groups(archived);
        }
        return groups;
    }
}
