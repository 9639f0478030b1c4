package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policybot.archive.DatedArchive;
import dev.policybot.archive.VersionArchive;
import dev.policybot.discord.BotOnFakeDiscord;
import dev.policybot.discord.BotPorts;
import dev.policybot.discord.FakeDiscord;
import dev.policybot.discord.FakeDiscord.Request;
import dev.policybot.discord.MutableClock;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.AlertSink;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.history.ChangeAlertService;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.FileAlertLedger;
import dev.policybot.ingest.ConfiguredSources;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.reindex.ChangeCheckScheduler;
import dev.policybot.reindex.ReindexService;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.topic.TopicClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's scheduled check through the fake Discord, wired as {@code PolicyBot.startDiscordBot} wires it: the real
 * {@link ChangeCheckScheduler} runs the real reindex (a dated fixture archive on disk as the source, the real archive
 * and a Lucene index) and the real {@link ChangeAlertService} with the {@link FileAlertLedger}, which posts through
 * the real bot. The schedule is captured, not waited for: the test runs each scheduled check itself.
 */
@Timeout(60)
class ScheduledChangeAlertOnDiscordTest {
    private static final Path FIXTURES = Path.of("src/test/resources/archive/tunecloud");
    private static final String ALERTS = "/channels/" + FakeDiscord.ALERT_CHANNEL_ID + "/messages";

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-01T12:00:00Z"));

    @Test
    void a_new_version_is_alerted_exactly_once_in_the_alert_channel_also_across_a_restart() throws Exception {
        // given a source with two documents, already indexed and seen by a first scheduled check
        Path source = tmp.resolve("source");
        publish(source, "terms-of-service", "2023-01-10", fixture("terms-of-service/2023-01-10.md"));
        publish(source, "privacy-policy", "2024-01-01", fixture("privacy-policy/2024-01-01.md"));
        Path indexDir = tmp.resolve("index");
        List<Request> firstRun;
        try (LuceneClauseIndex index =
                        new LuceneClauseIndex(indexDir.resolve("lucene"), new BagOfWordsEmbedder(), null);
                BotOnFakeDiscord bot = BotOnFakeDiscord.start(ports(reindexer(source, indexDir, index)), clock)) {
            ManualSchedule schedule = new ManualSchedule();
            try (ChangeCheckScheduler scheduler = scheduler(source, indexDir, index, bot.alerts(), schedule)) {
                scheduler.start();
                schedule.runCheck();
                assertThat(posts(bot))
                        .as("the first check only records what is there")
                        .isEmpty();

                // when the terms change, and the schedule runs twice
                publish(source, "terms-of-service", "2024-02-07", fixture("terms-of-service/2024-02-07.md"));
                schedule.runCheck();
                schedule.runCheck();
            }

            // then exactly one alert for it
            firstRun = posts(bot);
            assertThat(schedule.delay).isEqualTo(Duration.ofDays(1));
        }
        assertThat(firstRun).singleElement().satisfies(post -> {
            JsonNode embed = post.body().path("embeds").get(0);
            assertThat(embed.path("title").asText())
                    .startsWith("Policy change: ")
                    .containsIgnoringCase("tunecloud")
                    .endsWith("· Terms of Service");
            assertThat(embed.path("description").asText())
                    .contains(
                            "2023-01-10 → 2024-02-07",
                            "Your Content",
                            "· ai-training",
                            "may be used to inform, train, develop or serve as");
            assertThat(post.body().path("allowed_mentions").path("parse").isArray())
                    .isTrue();
            assertThat(post.body().path("allowed_mentions").path("parse")).isEmpty();
        });

        // and after a restart (new bot, new services, the same index folder) a check that runs because the privacy
        // policy changed alerts only that change: the terms' version is in the ledger
        publish(source, "privacy-policy", "2026-02-01", """
                # TuneCloud Privacy Policy

                Effective date: 1 February 2026

                We use cookies to remember your settings.

                We share your listening history with partners who train recommendation models.
                """);
        try (LuceneClauseIndex index =
                        new LuceneClauseIndex(indexDir.resolve("lucene"), new BagOfWordsEmbedder(), null);
                BotOnFakeDiscord restarted = BotOnFakeDiscord.start(ports(reindexer(source, indexDir, index)), clock)) {
            ManualSchedule schedule = new ManualSchedule();
            try (ChangeCheckScheduler scheduler = scheduler(source, indexDir, index, restarted.alerts(), schedule)) {
                scheduler.start();
                schedule.runCheck();
                schedule.runCheck();
            }

            assertThat(posts(restarted))
                    .singleElement()
                    .satisfies(post -> assertThat(post.body()
                                    .path("embeds")
                                    .get(0)
                                    .path("title")
                                    .asText())
                            .endsWith("· Privacy Policy"));
        }
        assertThat(FileAlertLedger.in(indexDir).handled())
                .hasSize(2)
                .containsValues(LocalDate.of(2024, 2, 7), LocalDate.of(2026, 2, 1));
    }

    // ---- wiring as PolicyBot does it ----------------------------------------------------------------------------

    private Reindexer reindexer(Path source, Path indexDir, LuceneClauseIndex index) {
        return new ReindexService(
                () -> ConfiguredSources.archives(List.of(source)),
                new VersionArchive(indexDir.resolve("archive")),
                new MarkdownClauseSplitter(),
                index,
                clock);
    }

    private ChangeCheckScheduler scheduler(
            Path source, Path indexDir, LuceneClauseIndex index, AlertSink sink, ManualSchedule schedule) {
        DatedArchive archive = new DatedArchive(indexDir.resolve("archive"));
        Set<Topic> allTopics = Set.of();
        ChangeAlertService alerts = new ChangeAlertService(
                archive,
                archive,
                new ClauseDiffer(new MarkdownClauseSplitter(), new TopicClassifier()),
                sink,
                FileAlertLedger.in(indexDir),
                allTopics);
        return new ChangeCheckScheduler(reindexer(source, indexDir, index), alerts, Duration.ofDays(1), schedule);
    }

    /** The bot's own ports are not used here; only its alert channel is. */
    private static BotPorts ports(Reindexer reindexer) {
        return new BotPorts(
                question -> {
                    throw new AssertionError("not asked");
                },
                request -> {
                    throw new AssertionError("not searched");
                },
                List::of,
                reindexer,
                List::of);
    }

    private static List<Request> posts(BotOnFakeDiscord bot) {
        return bot.discord().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(ALERTS))
                .toList();
    }

    private static String fixture(String path) throws IOException {
        return Files.readString(FIXTURES.resolve(path));
    }

    private static void publish(Path source, String document, String date, String text) throws IOException {
        Path file = source.resolve("tunecloud").resolve(document).resolve(date + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Captures the periodic check instead of timing it; {@link #runCheck} runs it once, on the test's thread. */
    static final class ManualSchedule extends ScheduledThreadPoolExecutor {
        private Runnable check;
        Duration delay;

        ManualSchedule() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            this.check = command;
            this.delay = Duration.ofMillis(unit.toMillis(delay));
            return null;
        }

        void runCheck() {
            assertThat(check).as("the scheduler scheduled its check").isNotNull();
            check.run();
        }
    }
}
