package dev.policybot;

import static dev.policybot.discord.BotOnFakeDiscord.WAIT;
import static dev.policybot.discord.BotOnFakeDiscord.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.policybot.app.AnswerWiring;
import dev.policybot.config.AnswerConfig;
import dev.policybot.config.AppConfig;
import dev.policybot.discord.AskCommand;
import dev.policybot.discord.BotOnFakeDiscord;
import dev.policybot.discord.BotPorts;
import dev.policybot.discord.FakeDiscord;
import dev.policybot.discord.FakeDiscord.Interaction;
import dev.policybot.discord.FakeDiscord.Request;
import dev.policybot.discord.Fixtures;
import dev.policybot.discord.LookupCommand;
import dev.policybot.discord.MutableClock;
import dev.policybot.discord.ReindexCommand;
import dev.policybot.domain.Clause;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FixtureClauses;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot end to end over the real answering path: real JDA against the fake Discord, and behind the bot's ports the
 * real {@code AskService} (wired by {@link PolicyBot#asker}: extractive writer, citation verifier) over hybrid search
 * on a real Lucene index in a temp folder, built from hand-written fixture clauses with a deterministic embedder.
 * It lives in the root package because only the composition root may see both the bot and the search adapter.
 */
@Timeout(60)
class DiscordOverFixtureIndexTest {
    private static final String MARKER = "zzgatemarker";
    /** Written for this test: an older SoundCloud licence clause, in force until the fixture's 2025-09-10 version. */
    private static final Clause OLD_SOUNDCLOUD = new Clause(
            Fixtures.SOUNDCLOUD_CLAUSE_ID,
            "soundcloud",
            "SoundCloud",
            "terms-of-service",
            "Terms of Service",
            List.of("Terms of Use", "Grant of License"),
            "You allow SoundCloud to use the content you upload to improve our services, including to develop "
                    + "machine learning features.",
            LocalDate.of(2024, 2, 7),
            LocalDate.of(2025, 9, 10),
            "https://soundcloud.com/terms-of-use",
            "https://soundcloud.com/terms-of-use#:~:text=You%20allow%20SoundCloud");

    private static final Clause SOUNDCLOUD_PRIVACY = new Clause(
            "soundcloud/privacy-policy#what-we-collect-1",
            "soundcloud",
            "SoundCloud",
            "privacy-policy",
            "Privacy Policy",
            List.of("What we collect"),
            "We collect the email address you sign up with and the tracks you play, to recommend music.",
            LocalDate.of(2025, 3, 1),
            null,
            "https://soundcloud.com/pages/privacy",
            "https://soundcloud.com/pages/privacy#:~:text=We%20collect");
    /** Added by the reindex in the swap test; only it carries the marker that holds the rebuild. */
    private static final Clause STREAMLY_PRIVACY = new Clause(
            "streamly/privacy-policy#cookies-1",
            "streamly",
            "Streamly",
            "privacy-policy",
            "Privacy Policy",
            List.of("Cookies"),
            "Streamly sets cookies to keep you signed in " + MARKER + ".",
            LocalDate.of(2026, 1, 5),
            null,
            "https://streamly.example/privacy",
            "https://streamly.example/privacy#:~:text=Streamly%20sets");

    @TempDir
    static Path tmp;

    private static final GatedEmbedder EMBEDDER = new GatedEmbedder(new BagOfWordsEmbedder());
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-10-01T12:00:00Z"));
    private static final AtomicReference<List<Clause>> NEXT_REINDEX = new AtomicReference<>(clauses());
    private static LuceneClauseIndex index;
    private static BotOnFakeDiscord bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void buildIndexAndConnect() throws Exception {
        index = new LuceneClauseIndex(tmp.resolve("lucene"), EMBEDDER, null);
        index.rebuild(clauses());
        HybridClauseSearch search = new HybridClauseSearch(index, EMBEDDER);
        BotPorts ports = new BotPorts(
                AnswerWiring.asker(config(), Map.of(), search, EMBEDDER),
                search,
                List::of,
                DiscordOverFixtureIndexTest::reindex,
                index);
        bot = BotOnFakeDiscord.start(ports, CLOCK);
        discord = bot.discord();
    }

    /**
     * The product's configuration, but with an abstain threshold for the hashed-word stand-in embedder: the default is
     * tuned for the real model, whose similarities run higher than word hashing's.
     */
    private static AppConfig config() {
        AppConfig defaults = AppConfig.defaults();
        return new AppConfig(
                defaults.llm(), new AnswerConfig(FAKE_EMBEDDER_THRESHOLD, null), defaults.discord(), defaults.alerts());
    }

    private static final double FAKE_EMBEDDER_THRESHOLD = 0.3;

    @AfterAll
    static void disconnect() throws Exception {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            if (index != null) {
                index.close();
            }
        }
    }

    @AfterEach
    void no_warnings_or_errors_were_logged() {
        assertThat(bot.unexpectedLogLines()).as("WARN/ERROR log lines").isEmpty();
    }

    @Test
    void ask_edits_the_reply_with_an_embed_citing_the_soundcloud_clause_verbatim() throws Exception {
        Interaction ask = discord.slashCommand(
                AskCommand.NAME,
                Map.of(AskCommand.QUESTION, "Can SoundCloud train AI on my tracks?", AskCommand.PLATFORM, "SoundCloud"),
                member());

        Request defer = discord.await("POST", ask.callbackPath(), WAIT);
        Request edit = discord.await("PATCH", ask.originalPath(), WAIT);

        assertThat(defer.body().path("type").asInt()).isEqualTo(5);
        JsonNode citation = edit.body().path("embeds").get(0).path("fields").get(0);
        assertThat(citation.path("name").asText()).isEqualTo("[1] SoundCloud · Terms of Service");
        assertThat(citation.path("value").asText())
                .startsWith("[Grant of License · version 2025-09-10]("
                        + Fixtures.soundCloudClause().deepLink() + ")");
        assertThat(quoteOf(citation)).hasSizeGreaterThan(40).contains("train generative AI models");
        assertThat(Fixtures.SOUNDCLOUD_TEXT).contains(quoteOf(citation));
    }

    @Test
    void an_as_of_question_cites_the_version_in_force_that_day() throws Exception {
        Interaction ask = discord.slashCommand(
                AskCommand.NAME,
                Map.of(
                        AskCommand.QUESTION,
                        "Can SoundCloud use my uploads to develop machine learning?",
                        AskCommand.PLATFORM,
                        "soundcloud",
                        AskCommand.AS_OF,
                        "2024-06-01"),
                member());

        Request edit = discord.await("PATCH", ask.originalPath(), WAIT);

        JsonNode citation = edit.body().path("embeds").get(0).path("fields").get(0);
        assertThat(citation.path("value").asText()).startsWith("[Grant of License · version 2024-02-07](");
        assertThat(OLD_SOUNDCLOUD.text()).contains(quoteOf(citation));
    }

    @Test
    void urls_and_mentions_in_a_question_are_never_fetched_and_never_ping() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bait.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        bait.start();
        try {
            String url = "http://127.0.0.1:" + bait.getAddress().getPort() + "/terms";
            Interaction ask = discord.slashCommand(
                    AskCommand.NAME,
                    Map.of(
                            AskCommand.QUESTION,
                            "@everyone <@&" + FakeDiscord.HELPER_ROLE_ID + "> does " + url
                                    + " let SoundCloud train AI?"),
                    member());
            Interaction lookup = discord.slashCommand(
                    LookupCommand.NAME,
                    Map.of(
                            LookupCommand.PLATFORM,
                            "SoundCloud",
                            LookupCommand.QUERY,
                            "@everyone " + url + " AI training"),
                    member());
            Request askEdit = discord.await("PATCH", ask.originalPath(), WAIT);
            Request lookupEdit = discord.await("PATCH", lookup.originalPath(), WAIT);

            assertThat(fetched).as("requests to the loopback server").hasValue(0);
            for (Request edit : List.of(askEdit, lookupEdit)) {
                assertThat(edit.body().path("allowed_mentions").isObject()).isTrue();
                assertThat(edit.body().path("allowed_mentions").path("parse")).isEmpty();
            }
        } finally {
            bait.stop(0);
        }
    }

    /**
     * A moderator's /reindex rebuilds the real index; the rebuild is held while it embeds the new clause (inside the
     * index's swap), and an /ask arrives then. It must be acknowledged at once (Discord gives 3 s) even though the
     * platform list is due for a refresh, and answered once the new generation is live, citing a clause verbatim.
     */
    @Test
    void an_ask_arriving_while_the_index_is_being_swapped_is_deferred_at_once_and_answered() throws Exception {
        NEXT_REINDEX.set(withExtra(STREAMLY_PRIVACY));
        GatedEmbedder.Gate gate = EMBEDDER.holdNextBatchContaining(MARKER);
        try {
            Interaction reindex =
                    discord.slashCommand(ReindexCommand.NAME, Map.of(), member(FakeDiscord.MODERATOR_ROLE_ID));
            assertThat(gate.entered().await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("rebuild started")
                    .isTrue();
            CLOCK.advance(Duration.ofMinutes(5)); // the bot's cached platform list is now stale

            Interaction ask = discord.slashCommand(
                    AskCommand.NAME,
                    Map.of(
                            AskCommand.QUESTION,
                            "Can SoundCloud train AI on my tracks?",
                            AskCommand.PLATFORM,
                            "SoundCloud"),
                    member());
            Request defer = discord.await("POST", ask.callbackPath(), WAIT);
            assertThat(gate.released().getCount())
                    .as("the rebuild is still held")
                    .isEqualTo(1);
            gate.release();
            Request edit = discord.await("PATCH", ask.originalPath(), WAIT);
            Request report = discord.await(
                    r -> r.path().equals(reindex.originalPath())
                            && r.body().path("embeds").size() > 0,
                    WAIT);

            assertThat(defer.body().path("type").asInt()).isEqualTo(5);
            JsonNode citation = edit.body().path("embeds").get(0).path("fields").get(0);
            assertThat(citation.path("name").asText()).isEqualTo("[1] SoundCloud · Terms of Service");
            assertThat(Fixtures.SOUNDCLOUD_TEXT).contains(quoteOf(citation));
            assertThat(report.body().path("embeds").get(0).path("title").asText())
                    .isEqualTo("Reindex finished");
            assertThat(index.platforms()).anySatisfy(p -> assertThat(p.id()).isEqualTo("streamly"));
        } finally {
            gate.release();
        }
    }

    // ---- fixture and ports --------------------------------------------------------------------------------------

    private static List<Clause> clauses() {
        List<Clause> clauses = new ArrayList<>(FixtureClauses.all());
        clauses.add(Fixtures.soundCloudClause());
        clauses.add(OLD_SOUNDCLOUD);
        clauses.add(SOUNDCLOUD_PRIVACY);
        return List.copyOf(clauses);
    }

    private static List<Clause> withExtra(Clause extra) {
        List<Clause> clauses = new ArrayList<>(clauses());
        clauses.add(extra);
        return List.copyOf(clauses);
    }

    /** The bot's reindex port: rebuilds the live index from the clause list the test set. */
    private static ReindexReport reindex(String platform, ProgressListener progress) {
        progress.progress(1, 1, "fixture clauses");
        ClauseIndexWriter.IndexStats stats = index.rebuild(NEXT_REINDEX.get());
        return new ReindexReport(
                List.of(new ReindexReport.SourceOutcome(
                        "Fixture clauses", ReindexReport.Outcome.CHANGED, 1, LocalDate.of(2026, 1, 5), null)),
                stats.clauses(),
                Duration.ofMillis(stats.millis()));
    }

    /** The quoted text of a citation field: the line after the link, without Markdown's "> ". */
    private static String quoteOf(JsonNode citation) {
        String value = citation.path("value").asText();
        return value.substring(value.indexOf("\n> ") + 3).replaceAll("…$", "");
    }

    /** An embedder that can hold the one batch containing a marker until the test releases it. */
    static final class GatedEmbedder implements Embedder {
        record Gate(String marker, CountDownLatch entered, CountDownLatch released) {
            void release() {
                released.countDown();
            }
        }

        private final Embedder delegate;
        private final AtomicReference<Gate> gate = new AtomicReference<>();

        GatedEmbedder(Embedder delegate) {
            this.delegate = delegate;
        }

        Gate holdNextBatchContaining(String marker) {
            Gate next = new Gate(marker, new CountDownLatch(1), new CountDownLatch(1));
            gate.set(next);
            return next;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            Gate current = gate.get();
            if (current != null
                    && texts.stream().anyMatch(t -> t.contains(current.marker()))
                    && gate.compareAndSet(current, null)) {
                current.entered().countDown();
                try {
                    current.released().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.embedAll(texts);
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }
    }
}
