package dev.policybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.policybot.config.DiscordConfig;
import dev.policybot.discord.FakeDiscord.Interaction;
import dev.policybot.discord.FakeDiscord.Member;
import dev.policybot.discord.FakeDiscord.Request;
import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.discord.render.SourcesRenderer;
import dev.policybot.domain.LastReindex;
import dev.policybot.domain.Question;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.history.ChangeFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real JDA against {@link FakeDiscord} on 127.0.0.1, with hand-written fakes of the core ports. One bot
 * connection is shared by the tests; each test uses its own members, so cooldowns do not leak between tests.
 * Any WARN or ERROR line that a test does not expect fails it.
 */
@Timeout(30)
class DiscordEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger MEMBERS = new AtomicInteger();

    private static LogCapture logs;
    private static FakeDiscord discord;
    private static FakePorts ports;
    private static MutableClock clock;
    private static DiscordBot bot;

    @BeforeAll
    static void connect() throws Exception {
        logs = LogCapture.attach();
        discord = FakeDiscord.start();
        ports = new FakePorts();
        clock = new MutableClock(Instant.parse("2025-10-01T12:00:00Z"));
        DiscordConfig config = new DiscordConfig(
                List.of(FakeDiscord.GUILD_ID),
                List.of(FakeDiscord.HELPER_ROLE_ID),
                FakeDiscord.ALERT_CHANNEL_ID,
                Duration.ofSeconds(10));
        bot = DiscordBot.start(FakeDiscord.TOKEN, discord.endpoints(), config, ports.ports(), clock);
    }

    @AfterAll
    static void disconnect() throws Exception {
        try {
            if (bot != null) {
                bot.close();
            }
            if (discord != null) {
                discord.close();
            }
            assertThat(logs.drainUnexpected()).as("WARN/ERROR log lines").isEmpty();
        } finally {
            logs.detach();
        }
    }

    @AfterEach
    void no_warnings_or_errors_were_logged() {
        assertThat(logs.drainUnexpected()).as("WARN/ERROR log lines").isEmpty();
    }

    @Test
    void commands_are_registered_with_their_options_german_names_and_the_moderator_permission() throws Exception {
        Request put = discord.await(
                "PUT", "/applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands", WAIT);

        Map<String, JsonNode> commands = new LinkedHashMap<>();
        put.body().forEach(command -> commands.put(command.path("name").asText(), command));
        assertThat(commands)
                .containsOnlyKeys(
                        AskCommand.NAME,
                        AskMessageCommand.NAME,
                        LookupCommand.NAME,
                        SourcesCommand.NAME,
                        ReindexCommand.NAME,
                        ChangesCommand.NAME,
                        HistoryCommand.NAME,
                        CompareCommand.NAME);
        assertThat(optionNames(commands.get(AskCommand.NAME)))
                .containsExactly(AskCommand.QUESTION, AskCommand.PLATFORM, AskCommand.AS_OF);
        assertThat(option(commands.get(AskCommand.NAME), AskCommand.PLATFORM)
                        .path("autocomplete")
                        .asBoolean())
                .isTrue();
        assertThat(optionNames(commands.get(LookupCommand.NAME)))
                .containsExactly(LookupCommand.PLATFORM, LookupCommand.QUERY, LookupCommand.DOCUMENT);
        assertThat(commands.get(AskMessageCommand.NAME).path("type").asInt()).isEqualTo(3);
        assertThat(commands.get(ReindexCommand.NAME)
                        .path("default_member_permissions")
                        .asText())
                .isEqualTo(Long.toString(FakeDiscord.MANAGE_SERVER));
        assertThat(commands.get(AskCommand.NAME)
                        .path("default_member_permissions")
                        .isNull())
                .isTrue();
        assertThat(commands.get(AskCommand.NAME)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("frage");
        assertThat(option(commands.get(AskCommand.NAME), AskCommand.AS_OF)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("stichtag");
        assertThat(commands.get(AskMessageCommand.NAME)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("PolicyBot fragen");
        assertThat(commands.get(AskCommand.NAME)
                        .path("description_localizations")
                        .path("de")
                        .asText())
                .startsWith("Frag, was die Richtlinien einer Plattform sagen");
        assertThat(option(commands.get(AskCommand.NAME), AskCommand.QUESTION)
                        .path("description_localizations")
                        .path("de")
                        .asText())
                .contains("Darf SoundCloud meine Songs für KI-Training nutzen?");
        assertThat(commands.get(LookupCommand.NAME)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("nachschlagen");
        assertThat(commands.get(SourcesCommand.NAME)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("quellen");
        assertThat(commands.get(ReindexCommand.NAME)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("neu-indexieren");
        assertThat(optionNames(commands.get(ChangesCommand.NAME)))
                .containsExactly(
                        ChangesCommand.PLATFORM,
                        ChangesCommand.DOCUMENT,
                        ChangesCommand.FROM,
                        ChangesCommand.TO,
                        ChangesCommand.TOPIC);
        assertThat(commands.get(ChangesCommand.NAME)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("aenderungen");
        assertThat(option(commands.get(ChangesCommand.NAME), ChangesCommand.TOPIC)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("thema");
        assertThat(commands.get(HistoryCommand.NAME)
                        .path("name_localizations")
                        .path("de")
                        .asText())
                .isEqualTo("verlauf");
    }

    @Test
    void an_answer_with_a_history_line_shows_it_and_the_change_button_shows_both_wordings_in_english_and_german()
            throws Exception {
        ports.answers.set(question -> Fixtures.soundCloudAnswerWithHistory());
        try {
            for (String locale : List.of("en-US", "de")) {
                Interaction ask = discord.slashCommand(
                        AskCommand.NAME,
                        Map.of(AskCommand.QUESTION, "Can SoundCloud train AI on my tracks?"),
                        member(),
                        locale);

                Request edit = discord.await("PATCH", ask.originalPath(), WAIT);

                JsonNode fields = edit.body().path("embeds").get(0).path("fields");
                JsonNode history = fields.get(fields.size() - 1);
                assertThat(history.path("name").asText()).isEqualTo(locale.equals("de") ? "Verlauf" : "History");
                assertThat(history.path("value").asText())
                        .startsWith("Changed on 2025-05-27. Before that (from 2024-02-07) SoundCloud's Terms of "
                                + "Service said: “Your Content may be used to inform, train, develop")
                        .contains("version 2024-02-07](https://soundcloud.com/terms-of-use)");
                assertThat(labels(edit.body())).contains(locale.equals("de") ? "Änderung zeigen" : "Show the change");

                Interaction press = discord.pressButton(ask, "change:" + ask.id(), member(), locale);
                Request change = discord.await("POST", press.callbackPath(), WAIT);
                assertThat(change.ephemeral()).isTrue();
                JsonNode shown = change.data().path("embeds").get(0);
                boolean german = locale.equals("de");
                assertThat(shown.path("title").asText())
                        .isEqualTo("SoundCloud · Terms of Service " + (german ? "geändert am" : "changed on")
                                + " 2025-05-27");
                assertThat(shown.path("description").asText())
                        .startsWith(german ? "**Vorher** (ab 2024-02-07, " : "**Before** (from 2024-02-07, ")
                        .contains("> Your Content may be used to inform, train, develop")
                        .contains(german ? "**Nachher** (seit 2025-05-27, " : "**After** (since 2025-05-27, ")
                        .contains("We will not use your content to train generative AI models")
                        .contains(german ? "**Unterschied**" : "**Difference**")
                        .contains("[-")
                        .contains("{+");
            }
        } finally {
            ports.answers.set(question -> Fixtures.soundCloudAnswer());
        }
    }

    @Test
    void changes_shows_a_long_diff_within_the_limits_and_pages_the_rest_behind_a_button() throws Exception {
        Interaction changes = discord.slashCommand(
                ChangesCommand.NAME,
                Map.of(ChangesCommand.PLATFORM, "SoundCloud", ChangesCommand.TOPIC, "ai-training"),
                member());

        Request edit = discord.await("PATCH", changes.originalPath(), WAIT);

        JsonNode embed = edit.body().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("SoundCloud · Terms of Service — 2024-02-07 → 2025-05-27");
        assertThat(embed.path("description").asText())
                .contains("Did they tell us? ⚑ No: the text changed, but the document still says")
                .contains("[-")
                .contains("{+");
        int total = 0;
        for (JsonNode e : edit.body().path("embeds")) {
            total += embedLength(e);
            assertThat(e.path("description").asText()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION);
        }
        assertThat(total).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
        assertThat(customIds(edit.body())).containsExactly("rest:" + changes.id());

        Interaction rest = discord.pressButton(changes, "rest:" + changes.id(), member());
        Request page = discord.await("POST", rest.callbackPath(), WAIT);
        assertThat(page.ephemeral()).isTrue();
        assertThat(page.data().path("embeds").get(0).path("description").asText())
                .contains("Changed");
    }

    @Test
    void changes_is_worded_in_german_for_a_german_member_and_so_is_its_rest() throws Exception {
        Interaction changes = discord.slashCommand(
                ChangesCommand.NAME,
                Map.of(ChangesCommand.PLATFORM, "SoundCloud", ChangesCommand.TOPIC, "ai-training"),
                member(),
                "de");

        Request edit = discord.await("PATCH", changes.originalPath(), WAIT);

        JsonNode embeds = edit.body().path("embeds");
        assertThat(embeds.get(0).path("description").asText())
                .contains("Darauf hingewiesen? ⚑ Nein: der Text hat sich geändert, aber das Dokument nennt weiter")
                .contains("**✏️ Geändert**")
                .doesNotContain("Did they tell us", "**✏️ Changed**");
        assertThat(embeds.get(embeds.size() - 1).path("footer").path("text").asText())
                .isEqualTo(ReplyLanguage.GERMAN.disclaimer());
        assertThat(labels(edit.body())).containsExactly("Rest zeigen");

        Interaction rest = discord.pressButton(changes, "rest:" + changes.id(), member(), "de");
        Request page = discord.await("POST", rest.callbackPath(), WAIT);
        assertThat(page.data().path("embeds").get(0).path("title").asText()).isEqualTo("Der Rest der Antwort");
        assertThat(page.data().path("embeds").get(0).path("description").asText())
                .contains("Geändert");
    }

    @Test
    void compare_answers_a_topic_per_platform_of_a_group_in_english_and_german() throws Exception {
        Map<String, String> englishWords = Map.of(
                "title", "Compare: AI training",
                "answered", "SoundCloud — answered",
                "silent", "Spotify — not addressed",
                "notAddressed", "Not addressed in spotify · Terms of Use (version 2025-10-03)",
                "change", "Last change on the topic: 2025-05-27 (Terms of Service, ⚑ stated date not updated)");
        Map<String, String> germanWords = Map.of(
                "title", "Vergleich: AI training",
                "answered", "SoundCloud — beantwortet",
                "silent", "Spotify — nicht behandelt",
                "notAddressed", "Nicht behandelt in spotify · Terms of Use (version 2025-10-03)",
                "change", "Letzte Änderung zum Thema: 2025-05-27 (Terms of Service, ⚑ angegebenes Datum nicht");
        for (Map.Entry<String, Map<String, String>> language :
                Map.of("en-US", englishWords, "de", germanWords).entrySet()) {
            Map<String, String> words = language.getValue();
            Interaction compare = discord.slashCommand(
                    CompareCommand.NAME,
                    Map.of(CompareCommand.TOPIC, "ai-training", CompareCommand.GROUP, "music"),
                    member(),
                    language.getKey());

            Request defer = discord.await("POST", compare.callbackPath(), WAIT);
            Request edit = discord.await("PATCH", compare.originalPath(), WAIT);

            assertThat(defer.body().path("type").asInt()).isEqualTo(5);
            JsonNode embed = edit.body().path("embeds").get(0);
            assertThat(embed.path("title").asText()).isEqualTo(words.get("title"));
            JsonNode fields = embed.path("fields");
            assertThat(fields).hasSize(3);
            assertThat(fields.get(0).path("name").asText()).isEqualTo(words.get("answered"));
            assertThat(fields.get(0).path("value").asText())
                    .startsWith("“We will not use your content to train generative AI models")
                    .contains("[Terms of Service · Grant of License · version 2025-09-10]"
                            + "(https://soundcloud.com/terms-of-use#:~:text=")
                    .contains(words.get("change"));
            assertThat(fields.get(1).path("name").asText()).isEqualTo(words.get("silent"));
            assertThat(fields.get(1).path("value").asText()).isEqualTo(words.get("notAddressed"));
            assertThat(fields.get(2).path("name").asText()).startsWith("Bandcamp — ");
            assertThat(embedLength(embed)).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
        }
    }

    @Test
    void compare_autocompletes_topics_groups_and_the_last_of_several_platforms() throws Exception {
        Interaction topics =
                discord.autocomplete(CompareCommand.NAME, CompareCommand.TOPIC, "ai-t", Map.of(), member());
        Interaction groups = discord.autocomplete(CompareCommand.NAME, CompareCommand.GROUP, "mu", Map.of(), member());
        Interaction platforms = discord.autocomplete(
                CompareCommand.NAME, CompareCommand.PLATFORMS, "soundcloud, spo", Map.of(), member());

        assertThat(choiceValues(discord.await("POST", topics.callbackPath(), WAIT)))
                .containsExactly("ai-training");
        assertThat(choiceValues(discord.await("POST", groups.callbackPath(), WAIT)))
                .containsExactly("music");
        assertThat(choiceValues(discord.await("POST", platforms.callbackPath(), WAIT)))
                .containsExactly("soundcloud,spotify");
    }

    @Test
    void compare_refuses_an_unknown_group_ephemerally_naming_the_groups() throws Exception {
        Interaction compare = discord.slashCommand(
                CompareCommand.NAME,
                Map.of(CompareCommand.TOPIC, "ai-training", CompareCommand.GROUP, "jazz"),
                member());

        Request reply = discord.await("POST", compare.callbackPath(), WAIT);

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.data().path("content").asText())
                .contains("I don't know a group called \"jazz\"")
                .contains("Groups: music.");
    }

    @Test
    void history_lists_the_versions_newest_first_in_english_and_german() throws Exception {
        for (String locale : List.of("en-US", "de")) {
            boolean german = locale.equals("de");
            Interaction history = discord.slashCommand(
                    HistoryCommand.NAME, Map.of(HistoryCommand.PLATFORM, "SoundCloud"), member(), locale);

            Request edit = discord.await("PATCH", history.originalPath(), WAIT);

            JsonNode embed = edit.body().path("embeds").get(0);
            assertThat(embed.path("title").asText())
                    .isEqualTo("SoundCloud · Terms of Service — 2 " + (german ? "Fassungen" : "versions"));
            assertThat(embed.path("description").asText())
                    .startsWith("**2025-05-27** ⚑ — " + (german ? "30 geändert" : "30 changed"))
                    .contains("**2024-02-07** — " + (german ? "erste archivierte Fassung" : "first archived version"));
        }
    }

    @Test
    void ask_defers_at_once_then_edits_the_reply_with_an_embed_citing_the_soundcloud_clause() throws Exception {
        Interaction ask = discord.slashCommand(
                AskCommand.NAME,
                Map.of(
                        AskCommand.QUESTION,
                        "Can SoundCloud train AI on my tracks? @everyone",
                        AskCommand.PLATFORM,
                        "SoundCloud",
                        AskCommand.AS_OF,
                        "2025-10-01"),
                member());

        Request defer = discord.await("POST", ask.callbackPath(), WAIT);
        Request edit = discord.await("PATCH", ask.originalPath(), WAIT);

        assertThat(defer.body().path("type").asInt()).isEqualTo(5);
        assertThat(defer.ephemeral()).isFalse();
        JsonNode embed = edit.body().path("embeds").get(0);
        JsonNode citation = embed.path("fields").get(0);
        assertThat(citation.path("name").asText()).isEqualTo("[1] SoundCloud · Terms of Service");
        assertThat(citation.path("value").asText())
                .startsWith("[Grant of License · version 2025-09-10](https://soundcloud.com/terms-of-use#:~:text=")
                .contains("We will not use your content to train generative AI models");
        assertThat(edit.body().path("allowed_mentions").path("parse").isArray())
                .as("allowed_mentions sent")
                .isTrue();
        assertThat(edit.body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(customIds(edit.body()))
                .containsExactly("clause:" + ask.id() + ":1", "vote:" + ask.id() + ":up", "vote:" + ask.id() + ":down");
        assertThat(lastQuestion())
                .isEqualTo(new Question(
                        "Can SoundCloud train AI on my tracks? @everyone",
                        "soundcloud",
                        LocalDate.of(2025, 10, 1),
                        "en"));
    }

    @Test
    void a_user_whose_discord_language_is_german_gets_the_reply_in_german() throws Exception {
        Interaction ask = discord.slashCommand(
                AskCommand.NAME,
                Map.of(AskCommand.QUESTION, "Darf SoundCloud meine Songs für KI-Training nutzen?"),
                member(),
                "de");

        Request edit = discord.await("PATCH", ask.originalPath(), WAIT);

        assertThat(lastQuestion().language()).isEqualTo("de");
        JsonNode embed = edit.body().path("embeds").get(0);
        assertThat(embed.path("footer").path("text").asText())
                .startsWith("Das sind Zitate aus den Texten der Plattformen");
        assertThat(labels(edit.body())).contains("Klausel 1 zeigen");
    }

    @Test
    void show_clause_button_replies_only_to_the_presser_with_the_whole_clause() throws Exception {
        Interaction ask = askAndWait(member(), "Can SoundCloud train AI on my tracks?");

        Interaction press = discord.pressButton(ask, "clause:" + ask.id() + ":1", member());
        Request reply = discord.await("POST", press.callbackPath(), WAIT);

        assertThat(reply.body().path("type").asInt()).isEqualTo(4);
        assertThat(reply.ephemeral()).isTrue();
        JsonNode embed = reply.data().path("embeds").get(0);
        assertThat(embed.path("description").asText()).isEqualTo(Fixtures.SOUNDCLOUD_TEXT);
        assertThat(embed.path("title").asText()).isEqualTo("[1] SoundCloud · Terms of Service");
        assertThat(embed.toString()).contains(Fixtures.SOUNDCLOUD_CLAUSE_ID);
    }

    @Test
    void feedback_buttons_are_counted_once_per_member() throws Exception {
        Interaction ask = askAndWait(member(), "Can SoundCloud train AI on my tracks?");
        long before = bot.feedback().totals().helpful();
        Member voter = member();

        Interaction first = discord.pressButton(ask, "vote:" + ask.id() + ":up", voter);
        Request thanks = discord.await("POST", first.callbackPath(), WAIT);
        Interaction second = discord.pressButton(ask, "vote:" + ask.id() + ":up", voter);
        Request again = discord.await("POST", second.callbackPath(), WAIT);

        assertThat(thanks.ephemeral()).isTrue();
        assertThat(thanks.data().path("content").asText()).startsWith("Thanks");
        assertThat(again.data().path("content").asText()).contains("already");
        assertThat(bot.feedback().totals().helpful()).isEqualTo(before + 1);
    }

    @Test
    void autocomplete_offers_matching_platforms_and_their_documents() throws Exception {
        Interaction platforms = discord.autocomplete(AskCommand.NAME, AskCommand.PLATFORM, "sou", Map.of(), member());
        Interaction documents = discord.autocomplete(
                LookupCommand.NAME, LookupCommand.DOCUMENT, "", Map.of(LookupCommand.PLATFORM, "soundcloud"), member());

        Request platformChoices = discord.await("POST", platforms.callbackPath(), WAIT);
        Request documentChoices = discord.await("POST", documents.callbackPath(), WAIT);

        assertThat(platformChoices.body().path("type").asInt()).isEqualTo(8);
        assertThat(platformChoices.data().path("choices")).singleElement().satisfies(choice -> {
            assertThat(choice.path("name").asText()).isEqualTo("SoundCloud");
            assertThat(choice.path("value").asText()).isEqualTo("soundcloud");
        });
        assertThat(choiceValues(documentChoices)).containsExactly("privacy-policy", "terms-of-service");
    }

    @Test
    void reindex_is_refused_to_a_member_without_manage_server_or_a_moderator_role() throws Exception {
        int before = ports.reindexed.size();

        Interaction reindex = discord.slashCommand(ReindexCommand.NAME, Map.of(), member());
        Request reply = discord.await("POST", reindex.callbackPath(), WAIT);

        assertThat(reply.body().path("type").asInt()).isEqualTo(4);
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.data().path("content").asText()).startsWith("Only moderators");
        assertThat(ports.reindexed).hasSize(before);
    }

    @Test
    void reindex_by_a_moderator_shows_progress_then_the_report_and_a_second_one_is_told_it_is_running()
            throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ports.reindexGate.set(gate);
        try {
            Interaction first = discord.slashCommand(
                    ReindexCommand.NAME,
                    Map.of(ReindexCommand.PLATFORM, "SoundCloud"),
                    member(FakeDiscord.MODERATOR_ROLE_ID));
            Request defer = discord.await("POST", first.callbackPath(), WAIT);
            discord.await(
                    r -> r.path().equals(first.originalPath()) && content(r).startsWith("Reindexing… 1 of 2"), WAIT);

            Interaction second =
                    discord.slashCommand(ReindexCommand.NAME, Map.of(), member(FakeDiscord.HELPER_ROLE_ID));
            Request refused = discord.await(r -> r.path().equals(second.originalPath()), WAIT);
            gate.countDown();
            Request report = discord.await(
                    r -> r.path().equals(first.originalPath())
                            && r.body().has("embeds")
                            && r.body().path("embeds").size() > 0,
                    WAIT);

            assertThat(defer.body().path("type").asInt()).isEqualTo(5);
            assertThat(defer.ephemeral()).isTrue();
            assertThat(content(refused)).contains("already running");
            JsonNode embed = report.body().path("embeds").get(0);
            assertThat(embed.path("title").asText()).isEqualTo("Reindex finished");
            assertThat(embed.path("description").asText())
                    .startsWith("1 changed · 1 unchanged · 0 failed · 321 clauses")
                    .contains("🆕 SoundCloud · Terms of Service — new version 2025-09-10");
            assertThat(ports.reindexed).contains("soundcloud");
        } finally {
            gate.countDown();
            ports.reindexGate.set(null);
        }
    }

    @Test
    void a_member_with_a_configured_moderator_role_may_reindex() throws Exception {
        Interaction reindex = discord.slashCommand(ReindexCommand.NAME, Map.of(), member(FakeDiscord.HELPER_ROLE_ID));

        Request report = discord.await(
                r -> r.path().equals(reindex.originalPath())
                        && r.body().path("embeds").size() > 0,
                WAIT);

        assertThat(report.body().path("embeds").get(0).path("title").asText()).isEqualTo("Reindex finished");
    }

    @Test
    void an_answer_longer_than_every_limit_stays_within_them_and_the_rest_is_one_click_away() throws Exception {
        ports.answers.set(question -> Fixtures.hugeAnswer());
        Interaction ask;
        Request edit;
        try {
            ask = discord.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, "Tell me everything"), member());
            edit = discord.await("PATCH", ask.originalPath(), WAIT);
        } finally {
            ports.answers.set(question -> Fixtures.soundCloudAnswer());
        }

        JsonNode embed = edit.body().path("embeds").get(0);
        assertThat(edit.body().path("content").asText("")).hasSizeLessThanOrEqualTo(DiscordLimits.CONTENT);
        assertThat(embed.path("description").asText())
                .hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION)
                .endsWith("…");
        assertThat(embed.path("fields").size()).isBetween(1, DiscordLimits.FIELDS);
        embed.path("fields").forEach(field -> {
            assertThat(field.path("name").asText()).hasSizeLessThanOrEqualTo(DiscordLimits.FIELD_NAME);
            assertThat(field.path("value").asText()).hasSizeLessThanOrEqualTo(DiscordLimits.FIELD_VALUE);
        });
        assertThat(embedLength(embed)).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
        assertThat(customIds(edit.body())).contains("rest:" + ask.id());

        Interaction rest = discord.pressButton(ask, "rest:" + ask.id(), member());
        Request restReply = discord.await("POST", rest.callbackPath(), WAIT);
        assertThat(restReply.ephemeral()).isTrue();
        assertThat(restReply.data().path("embeds").get(0).path("description").asText())
                .startsWith("Sentence number");
    }

    @Test
    void a_second_question_within_the_cooldown_is_told_the_seconds_left() throws Exception {
        Member eager = member();
        askAndWait(eager, "Can SoundCloud train AI on my tracks?");

        Interaction tooSoon = discord.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, "And Spotify?"), eager);
        Request refused = discord.await("POST", tooSoon.callbackPath(), WAIT);
        clock.advance(Duration.ofSeconds(10));
        Interaction later = discord.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, "And Spotify?"), eager);
        Request accepted = discord.await("POST", later.callbackPath(), WAIT);

        assertThat(refused.body().path("type").asInt()).isEqualTo(4);
        assertThat(refused.ephemeral()).isTrue();
        assertThat(refused.data().path("content").asText()).isEqualTo("Please wait 10 seconds before asking again.");
        assertThat(accepted.body().path("type").asInt()).isEqualTo(5);
    }

    @Test
    void bad_input_is_answered_at_once_only_to_the_user() throws Exception {
        Interaction ask = discord.slashCommand(
                AskCommand.NAME,
                Map.of(AskCommand.QUESTION, "What changed?", AskCommand.AS_OF, "yesterday!"),
                member());

        Request reply = discord.await("POST", ask.callbackPath(), WAIT);

        assertThat(reply.body().path("type").asInt()).isEqualTo(4);
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.data().path("content").asText())
                .isEqualTo("as_of takes a date as YYYY-MM-DD, not 'yesterday!' (e.g. 2024-03-01).");
    }

    @Test
    void an_unexpected_failure_shows_an_incident_id_that_the_log_has_with_the_stack_trace() throws Exception {
        ports.answers.set(question -> {
            throw new IllegalStateException("index exploded");
        });
        Request followUp;
        Interaction ask;
        try {
            ask = discord.slashCommand(
                    AskCommand.NAME, Map.of(AskCommand.QUESTION, "Can SoundCloud train AI?"), member());
            followUp = discord.await("POST", ask.followUpPath(), WAIT);
        } finally {
            ports.answers.set(question -> Fixtures.soundCloudAnswer());
        }

        discord.await("DELETE", ask.originalPath(), WAIT);
        assertThat(followUp.ephemeral()).isTrue();
        String text = followUp.body().path("content").asText();
        assertThat(text).matches("Sorry, something went wrong on my side \\(incident [0-9a-f]{8}\\)\\..*");
        String incident = text.replaceAll(".*incident ([0-9a-f]{8}).*", "$1");
        var logged =
                logs.take(e -> e.getLevel() == Level.ERROR && e.getLoggerName().endsWith("FailureReplies"));
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains(incident);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("index exploded");
        });
    }

    @Test
    void lookup_quotes_matching_clauses_verbatim() throws Exception {
        Interaction lookup = discord.slashCommand(
                LookupCommand.NAME,
                Map.of(
                        LookupCommand.PLATFORM,
                        "soundcloud",
                        LookupCommand.QUERY,
                        "AI training",
                        LookupCommand.DOCUMENT,
                        "Terms of Service"),
                member());

        Request edit = discord.await("PATCH", lookup.originalPath(), WAIT);

        JsonNode embed = edit.body().path("embeds").get(0);
        assertThat(embed.path("description").asText()).isEqualTo(Fixtures.SOUNDCLOUD_TEXT);
        assertThat(embed.path("title").asText()).isEqualTo("[1] SoundCloud · Terms of Service · Grant of License");
        assertThat(ports.searches).last().satisfies(request -> {
            assertThat(request.platformIds()).containsExactly("soundcloud");
            assertThat(request.documentId()).isEqualTo("terms-of-service");
            assertThat(request.query()).isEqualTo("AI training");
        });
    }

    @Test
    void sources_lists_the_indexed_documents() throws Exception {
        Interaction sources = discord.slashCommand(SourcesCommand.NAME, Map.of(), member());

        Request edit = discord.await("PATCH", sources.originalPath(), WAIT);

        assertThat(edit.body().path("embeds").get(0).path("description").asText())
                .contains("**SoundCloud**", "Terms of Service", "version 2025-09-10 (4 versions)");
    }

    @Test
    void sources_shows_how_the_last_scheduled_check_ended() throws Exception {
        // given a last check that failed as a whole, its reason holding an address and a local path
        ports.lastReindex.set(new LastReindex(
                Instant.parse("2025-10-01T06:00:00Z"),
                "failed: could not write /srv/policybot/index/gen-1/_0.cfs: no space left (10.0.0.7)",
                0,
                0,
                0));

        // when a member asks for the sources
        Request edit;
        try {
            Interaction sources = discord.slashCommand(SourcesCommand.NAME, Map.of(), member());
            edit = discord.await("PATCH", sources.originalPath(), WAIT);
        } finally {
            ports.lastReindex.set(null);
        }

        // then the reply says the last check failed, when, and why, without the path or the address
        JsonNode field = edit.body().path("embeds").get(0).path("fields").get(0);
        assertThat(field.path("name").asText()).isEqualTo(SourcesRenderer.LAST_CHECK);
        assertThat(field.path("value").asText())
                .startsWith("⚠ failed <t:1759298400:R>: could not write _0.cfs: no space left")
                .doesNotContain("10.0.0.7", "/srv/");
    }

    @Test
    void the_message_menu_asks_about_the_selected_message() throws Exception {
        Interaction menu = discord.messageCommand(
                AskMessageCommand.NAME, "does soundcloud use my songs for AI??", member(), member());

        discord.await("POST", menu.callbackPath(), WAIT);
        Request edit = discord.await("PATCH", menu.originalPath(), WAIT);

        assertThat(edit.body()
                        .path("embeds")
                        .get(0)
                        .path("fields")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo("[1] SoundCloud · Terms of Service");
        assertThat(lastQuestion()).isEqualTo(new Question("does soundcloud use my songs for AI??", null, null, "en"));
    }

    @Test
    void a_change_alert_is_posted_in_the_alert_channel() throws Exception {
        ChangeResult changed = Fixtures.changeHistory().changes(null).get(0);
        bot.alerts().post(ChangeFixtures.alertFor(changed.change()));

        Request post = discord.await("POST", "/channels/" + FakeDiscord.ALERT_CHANNEL_ID + "/messages", WAIT);

        JsonNode embed = post.body().path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Policy change: SoundCloud · Terms of Service");
        // the same clause lines as /changes: the did-they-tell-us line, then each clause with its word diff
        assertThat(embed.path("description").asText())
                .startsWith("Version 2024-02-07 → 2025-05-27")
                .contains("Did they tell us? ⚑ No", "**✏️ Changed** · [Section 1]", "[-", "{+")
                .contains("more changes");
        assertThat(embedLength(embed)).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
        assertThat(post.body().path("allowed_mentions").path("parse").isArray())
                .as("allowed_mentions sent")
                .isTrue();
        assertThat(post.body().path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void shutdown_refuses_new_commands_finishes_replies_in_flight_then_disconnects() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        FakePorts slowPorts = new FakePorts();
        slowPorts.answers.set(question -> {
            await(gate);
            return Fixtures.soundCloudAnswer();
        });
        try (FakeDiscord own = FakeDiscord.start()) {
            DiscordBot stopping = DiscordBot.start(
                    FakeDiscord.TOKEN, own.endpoints(), DiscordConfig.DEFAULT, slowPorts.ports(), clock);
            Interaction inFlight =
                    own.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, "Slow one?"), member());
            own.await("POST", inFlight.callbackPath(), WAIT);

            Thread closer = new Thread(stopping::close, "test-closer");
            closer.start();
            awaitDraining(closer);
            Interaction late = own.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, "Late one?"), member());
            Request refused = own.await("POST", late.callbackPath(), WAIT);
            gate.countDown();
            closer.join(WAIT.toMillis());

            assertThat(closer.isAlive()).as("close() returned").isFalse();
            assertThat(own.requests())
                    .anyMatch(r -> r.method().equals("PATCH") && r.path().equals(inFlight.originalPath()));
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.data().path("content").asText()).contains("restarting");
            assertThat(own.gatewayConnected()).isFalse();
        } finally {
            gate.countDown();
        }
    }

    @Test
    void a_member_with_a_question_in_flight_is_told_to_wait_for_it_before_any_other_command() throws Exception {
        // given a member whose question is still being answered
        CountDownLatch gate = new CountDownLatch(1);
        FakePorts slowPorts = new FakePorts();
        slowPorts.answers.set(question -> {
            await(gate);
            return Fixtures.soundCloudAnswer();
        });
        try (FakeDiscord own = FakeDiscord.start();
                DiscordBot bot = DiscordBot.start(
                        FakeDiscord.TOKEN, own.endpoints(), DiscordConfig.DEFAULT, slowPorts.ports(), clock)) {
            Member busy = member();
            Interaction first = own.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, "Slow one?"), busy);
            own.await("POST", first.callbackPath(), WAIT);

            // when they ask for the sources meanwhile, and another member does too
            Interaction second = own.slashCommand(SourcesCommand.NAME, Map.of(), busy);
            Request refused = own.await("POST", second.callbackPath(), WAIT);
            Interaction other = own.slashCommand(SourcesCommand.NAME, Map.of(), member());
            Request accepted = own.await("POST", other.callbackPath(), WAIT);
            gate.countDown();
            own.await("PATCH", first.originalPath(), WAIT);

            // then only the busy member is refused, ephemerally, and their question is still answered
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.data().path("content").asText())
                    .isEqualTo("Your last request is still running; please wait for its reply.");
            assertThat(accepted.body().path("type").asInt()).isEqualTo(5);
        } finally {
            gate.countDown();
        }
    }

    @Test
    void a_token_discord_refuses_gives_a_clear_message_without_the_token() throws Exception {
        try (FakeDiscord own = FakeDiscord.start()) {
            assertThatThrownBy(() -> DiscordBot.start(
                            "wrong-secret-token",
                            own.endpoints(),
                            DiscordConfig.DEFAULT,
                            new FakePorts().ports(),
                            clock))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("Discord refused the token in DISCORD_TOKEN")
                    .hasMessageNotContaining("wrong-secret-token");
        }
        assertThat(logs.take(event -> event.getFormattedMessage().contains("wrong-secret-token")))
                .isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Member member(String... roleIds) {
        int n = MEMBERS.incrementAndGet();
        return new Member(Long.toString(1_500_000_000_000_000_000L + n), "member" + n, List.of(roleIds));
    }

    private static Interaction askAndWait(Member member, String question) throws InterruptedException {
        Interaction ask = discord.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, question), member);
        discord.await("PATCH", ask.originalPath(), WAIT);
        return ask;
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** close() first stops accepting, then waits for the workers: wait until the closing thread is waiting. */
    private static void awaitDraining(Thread closer) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (closer.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("close() started draining").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static Question lastQuestion() {
        return ports.questions.get(ports.questions.size() - 1);
    }

    private static String content(Request request) {
        return request.body().path("content").asText("");
    }

    private static List<String> optionNames(JsonNode command) {
        return StreamSupport.stream(command.path("options").spliterator(), false)
                .map(option -> option.path("name").asText())
                .toList();
    }

    private static JsonNode option(JsonNode command, String name) {
        return StreamSupport.stream(command.path("options").spliterator(), false)
                .filter(option -> option.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> labels(JsonNode message) {
        List<String> labels = new ArrayList<>();
        message.path("components")
                .forEach(row -> row.path("components")
                        .forEach(component -> labels.add(component.path("label").asText())));
        return labels;
    }

    private static List<String> customIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        message.path("components")
                .forEach(row -> row.path("components")
                        .forEach(
                                component -> ids.add(component.path("custom_id").asText())));
        return ids;
    }

    private static List<String> choiceValues(Request autocomplete) {
        return StreamSupport.stream(autocomplete.data().path("choices").spliterator(), false)
                .map(choice -> choice.path("value").asText())
                .toList();
    }

    /** The characters Discord counts towards the 6,000 of a message's embeds. */
    private static int embedLength(JsonNode embed) {
        int length = embed.path("title").asText("").length()
                + embed.path("description").asText("").length()
                + embed.path("footer").path("text").asText("").length()
                + embed.path("author").path("name").asText("").length();
        for (JsonNode field : embed.path("fields")) {
            length += field.path("name").asText("").length()
                    + field.path("value").asText("").length();
        }
        return length;
    }
}
