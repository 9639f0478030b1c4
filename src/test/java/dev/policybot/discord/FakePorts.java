package dev.policybot.discord;

import dev.policybot.compare.CompareService;
import dev.policybot.compare.PlatformScope;
import dev.policybot.domain.Answer;
import dev.policybot.domain.LastReindex;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Question;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.change.ChangeHistory;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.Comparer;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.topic.TopicClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Hand-written fakes of the core ports the bot uses, answering from {@link Fixtures}; they record what they were asked. */
final class FakePorts {
    private static final ChangeHistory HISTORY = Fixtures.changeHistory();
    final List<Question> questions = new CopyOnWriteArrayList<>();
    final List<SearchRequest> searches = new CopyOnWriteArrayList<>();
    final List<String> reindexed = new CopyOnWriteArrayList<>();
    final AtomicReference<Function<Question, Answer>> answers =
            new AtomicReference<>(question -> Fixtures.soundCloudAnswer());
    /** When set, a reindex waits for it before it reports (to test "already running"). */
    final AtomicReference<CountDownLatch> reindexGate = new AtomicReference<>();

    /** The groups /compare offers: SoundCloud, Spotify and Bandcamp are music. */
    static final List<PlatformGroup> GROUPS = List.of(
            new PlatformGroup("music", "music", List.of("music sites"), List.of("soundcloud", "spotify", "bandcamp")));

    /** How the last reindex or scheduled check ended, as /sources shows it; none when {@code null}. */
    final AtomicReference<LastReindex> lastReindex = new AtomicReference<>();

    BotPorts ports() {
        SourceCatalog catalog = new SourceCatalog() {
            @Override
            public List<SourceStatus> sources() {
                return FakePorts.this.sources();
            }

            @Override
            public Optional<LastReindex> lastReindex() {
                return Optional.ofNullable(lastReindex.get());
            }
        };
        return new BotPorts(
                this::ask, this::search, catalog, this::reindex, this::platforms, HISTORY, comparer(), GROUPS);
    }

    /**
     * The real comparison over a per-platform asker: SoundCloud answers with its opt-in clause, every other platform
     * says its documents do not address the question.
     */
    private Comparer comparer() {
        Asker perPlatform = question -> "soundcloud".equals(question.platformId())
                ? Fixtures.soundCloudAnswer()
                : new Answer(
                        "not addressed",
                        List.of(),
                        true,
                        "extractive",
                        List.of(question.platformId()),
                        List.of(question.platformId() + " · Terms of Use (version 2025-10-03)"),
                        null);
        return new CompareService(
                perPlatform,
                new PlatformScope(this::platforms, () -> GROUPS),
                HISTORY,
                new TopicClassifier(),
                Clock.systemUTC());
    }

    private Answer ask(Question question) {
        questions.add(question);
        return answers.get().apply(question);
    }

    private SearchResult search(SearchRequest request) {
        searches.add(request);
        return new SearchResult(
                List.of(new ScoredClause(Fixtures.soundCloudClause(), 12.5)),
                List.of("soundcloud"),
                List.of("SoundCloud · Terms of Service (version 2025-09-10)"));
    }

    private List<SourceStatus> sources() {
        return List.of(new SourceStatus(
                "soundcloud",
                "SoundCloud",
                "terms-of-service",
                "Terms of Service",
                LocalDate.of(2025, 9, 10),
                4,
                Instant.parse("2025-10-01T00:00:00Z"),
                null,
                "https://soundcloud.com/terms-of-use"));
    }

    private ReindexReport reindex(String platform, ProgressListener progress) {
        reindexed.add(String.valueOf(platform));
        progress.progress(1, 2, "SoundCloud · Terms of Service");
        CountDownLatch gate = reindexGate.get();
        if (gate != null) {
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        progress.progress(2, 2, "SoundCloud · Privacy Policy");
        return new ReindexReport(
                List.of(
                        new ReindexReport.SourceOutcome(
                                "SoundCloud · Terms of Service",
                                ReindexReport.Outcome.CHANGED,
                                5,
                                LocalDate.of(2025, 9, 10),
                                null),
                        new ReindexReport.SourceOutcome(
                                "SoundCloud · Privacy Policy", ReindexReport.Outcome.UNCHANGED, 2, null, null)),
                321,
                Duration.ofMillis(1_500));
    }

    private List<PlatformInfo> platforms() {
        return Fixtures.platforms();
    }
}
