package dev.policybot.discord;

import static dev.policybot.discord.BotOnFakeDiscord.WAIT;
import static dev.policybot.discord.BotOnFakeDiscord.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.policybot.discord.FakeDiscord.Interaction;
import dev.policybot.discord.FakeDiscord.Member;
import dev.policybot.discord.FakeDiscord.Request;
import dev.policybot.domain.Answer;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.ChangeAlert;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults and hostile use through the real JDA and {@link FakeDiscord}: a REST 429 with Retry-After, moderator-only
 * commands used by members who are not moderators, URLs in questions, and mentions in questions. One bot for the
 * class; the gateway faults are in {@link GatewayReconnectTest}. Any WARN/ERROR line nobody expects fails the test.
 */
@Timeout(30)
class DiscordFaultsTest {
    private static final String ORIGINAL = "/webhooks/\\d+/[^/]+/messages/@original";
    private static final String FOLLOW_UP = "/webhooks/\\d+/[^/]+";

    private static FakePorts ports;
    private static BotOnFakeDiscord bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void connect() throws Exception {
        ports = new FakePorts();
        bot = BotOnFakeDiscord.start(ports.ports(), new MutableClock(Instant.parse("2025-10-01T12:00:00Z")));
        discord = bot.discord();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (bot != null) {
            bot.close();
        }
    }

    @AfterEach
    void no_warnings_or_errors_were_logged() {
        assertThat(bot.unexpectedLogLines()).as("WARN/ERROR log lines").isEmpty();
    }

    // ---- REST 429 -----------------------------------------------------------------------------------------------

    @Test
    void an_edit_answered_with_429_is_retried_after_retry_after_and_the_answer_arrives() throws Exception {
        // given Discord's per-route limit answers the next edit of an original reply with 429 (Retry-After: 1 s)
        discord.rateLimitNext("PATCH", ORIGINAL, 1);

        // when
        Interaction ask = discord.slashCommand(
                AskCommand.NAME, Map.of(AskCommand.QUESTION, "Can SoundCloud train AI on my tracks?"), member());
        Request edit = discord.await("PATCH", ask.originalPath(), WAIT);

        // then JDA sent the same edit again and the second one went through
        List<Request> edits = callsTo("PATCH", ask.originalPath());
        assertThat(edits).extracting(Request::status).containsExactly(429, 200);
        assertThat(edits.get(1).body()).isEqualTo(edits.get(0).body());
        assertThat(edit.body()
                        .path("embeds")
                        .get(0)
                        .path("fields")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("[1] SoundCloud · Terms of Service");
    }

    @Test
    void a_follow_up_answered_with_429_is_retried_and_the_user_still_reads_the_message() throws Exception {
        discord.rateLimitNext("POST", FOLLOW_UP, 1);
        ports.answers.set(question -> {
            throw UserFacingException.failure("The index is being rebuilt; please ask again in a minute.", null);
        });
        Interaction ask;
        Request followUp;
        try {
            ask = discord.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, "Is my data sold?"), member());
            followUp = discord.await("POST", ask.followUpPath(), WAIT);
        } finally {
            ports.answers.set(question -> Fixtures.soundCloudAnswer());
        }

        assertThat(callsTo("POST", ask.followUpPath()))
                .extracting(Request::status)
                .containsExactly(429, 200);
        assertThat(followUp.ephemeral()).isTrue();
        assertThat(followUp.body().path("content").asText())
                .isEqualTo("The index is being rebuilt; please ask again in a minute.");
    }

    @Test
    void a_change_alert_answered_with_429_is_posted_once_after_the_wait() throws Exception {
        String channelMessages = "/channels/" + FakeDiscord.ALERT_CHANNEL_ID + "/messages";
        discord.rateLimitNext("POST", channelMessages, 1);

        bot.alerts()
                .post(new ChangeAlert(
                        "SoundCloud",
                        "Terms of Service",
                        LocalDate.of(2024, 2, 7),
                        LocalDate.of(2025, 5, 27),
                        List.of("Changed: Grant of License (ai-training)"),
                        List.of("https://soundcloud.com/terms-of-use"),
                        null));

        assertThat(callsTo("POST", channelMessages)).extracting(Request::status).containsExactly(429, 200);
    }

    // ---- permissions --------------------------------------------------------------------------------------------

    @Test
    void every_moderator_only_command_is_registered_for_manage_server_only() throws Exception {
        Request put = discord.await(
                "PUT", "/applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands", WAIT);
        List<String> moderatorOnly = moderatorOnlyCommands();

        assertThat(moderatorOnly).contains(ReindexCommand.NAME);
        put.body().forEach(command -> {
            JsonNode permissions = command.path("default_member_permissions");
            if (moderatorOnly.contains(command.path("name").asText())) {
                assertThat(permissions.asText())
                        .as(command.path("name").asText())
                        .isEqualTo(Long.toString(FakeDiscord.MANAGE_SERVER));
            } else {
                assertThat(permissions.isNull())
                        .as(command.path("name").asText())
                        .isTrue();
            }
        });
    }

    @Test
    void every_moderator_only_command_refuses_members_without_manage_server_or_a_moderator_role_and_runs_nothing()
            throws Exception {
        int reindexesBefore = ports.reindexed.size();
        // a plain member, and staff whose role can manage channels, messages and kick, but not the server
        List<Member> notModerators = List.of(member(), member(FakeDiscord.STAFF_ROLE_ID));

        for (String command : moderatorOnlyCommands()) {
            for (Member member : notModerators) {
                Interaction use = discord.slashCommand(command, Map.of(ReindexCommand.PLATFORM, "SoundCloud"), member);
                Request reply = discord.await("POST", use.callbackPath(), WAIT);

                assertThat(reply.body().path("type").asInt())
                        .as("/%s by %s: a reply, not a defer", command, member)
                        .isEqualTo(4);
                assertThat(reply.ephemeral()).isTrue();
                assertThat(reply.data().path("content").asText()).startsWith("Only moderators");
                assertNoPings(reply);
            }
        }
        assertThat(ports.reindexed).hasSize(reindexesBefore);
        assertThat(discord.requests())
                .noneMatch(r -> r.path().endsWith("/messages/@original")
                        && r.body().path("content").asText("").startsWith("Reindexing"));
    }

    // ---- URLs in input ------------------------------------------------------------------------------------------

    @Test
    void urls_in_questions_lookups_and_selected_messages_are_never_fetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bait.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        bait.start();
        try {
            String base = "http://127.0.0.1:" + bait.getAddress().getPort();
            Interaction ask = discord.slashCommand(
                    AskCommand.NAME,
                    Map.of(
                            AskCommand.QUESTION,
                            "What do the terms at " + base + "/terms say? Compare " + base + "/privacy?x=1"),
                    member());
            Interaction lookup = discord.slashCommand(
                    LookupCommand.NAME,
                    Map.of(LookupCommand.PLATFORM, "soundcloud", LookupCommand.QUERY, base + "/terms#ai"),
                    member());
            Interaction menu = discord.messageCommand(
                    AskMessageCommand.NAME, "read this: <" + base + "/policy.pdf>", member(), member());

            discord.await("PATCH", ask.originalPath(), WAIT);
            discord.await("PATCH", lookup.originalPath(), WAIT);
            discord.await("PATCH", menu.originalPath(), WAIT);

            assertThat(fetched).as("requests to the loopback server").hasValue(0);
        } finally {
            bait.stop(0);
        }
    }

    // ---- mentions -----------------------------------------------------------------------------------------------

    @Test
    void replies_to_a_question_full_of_mentions_never_ping_anyone() throws Exception {
        Member asker = member();
        String question = "@everyone @here <@&" + FakeDiscord.HELPER_ROLE_ID + "> <@" + asker.id()
                + "> can SoundCloud train AI on my tracks?";
        ports.answers.set(q -> echoing(q.text()));
        Interaction ask;
        Request edit;
        try {
            ask = discord.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, question), asker);
            edit = discord.await("PATCH", ask.originalPath(), WAIT);
        } finally {
            ports.answers.set(q -> Fixtures.soundCloudAnswer());
        }
        Interaction press = discord.pressButton(ask, "clause:" + ask.id() + ":1", member());
        Request clause = discord.await("POST", press.callbackPath(), WAIT);
        Interaction lookup = discord.slashCommand(
                LookupCommand.NAME,
                Map.of(LookupCommand.PLATFORM, "soundcloud", LookupCommand.QUERY, question),
                member());
        Request lookupEdit = discord.await("PATCH", lookup.originalPath(), WAIT);
        Interaction badDate = discord.slashCommand(
                AskCommand.NAME, Map.of(AskCommand.QUESTION, question, AskCommand.AS_OF, "@everyone"), member());
        Request refusal = discord.await("POST", badDate.callbackPath(), WAIT);

        assertThat(edit.body().toString())
                .as("the question is echoed, so the test means something")
                .contains("@everyone");
        for (Request reply : List.of(edit, clause, lookupEdit, refusal)) {
            assertNoPings(reply);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The allowed mentions of a message are present and allow nothing (an absent field would allow pings). */
    static void assertNoPings(Request reply) {
        JsonNode message = reply.body().has("data") ? reply.data() : reply.body();
        JsonNode allowed = message.path("allowed_mentions");
        assertThat(allowed.isObject())
                .as("allowed_mentions in %s %s: %s", reply.method(), reply.path(), message)
                .isTrue();
        assertThat(allowed.path("parse").isArray()).isTrue();
        assertThat(allowed.path("parse")).isEmpty();
        assertThat(allowed.path("users")).isEmpty();
        assertThat(allowed.path("roles")).isEmpty();
        assertThat(allowed.path("replied_user").asBoolean(false)).isFalse();
    }

    private static Answer echoing(String question) {
        Answer fixed = Fixtures.soundCloudAnswer();
        return new Answer(
                "You asked: " + question + " — " + fixed.text(),
                fixed.citations(),
                fixed.abstained(),
                fixed.mode(),
                fixed.platforms(),
                fixed.searched(),
                fixed.note(),
                fixed.relevance());
    }

    private static List<String> moderatorOnlyCommands() {
        return DiscordBot.commands(ports.ports(), new RecentResults(10), Clock.systemUTC()).stream()
                .filter(DiscordCommand::moderatorOnly)
                .map(DiscordCommand::name)
                .toList();
    }

    private static List<Request> callsTo(String method, String path) {
        return discord.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }
}
