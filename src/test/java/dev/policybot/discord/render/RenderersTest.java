package dev.policybot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.discord.Fixtures;
import dev.policybot.discord.ReplyLanguage;
import dev.policybot.domain.Citation;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.change.ChangeAlert;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.history.ChangeFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

/** The renderers other than the answer's: every message they build stays within Discord's limits. */
class RenderersTest {

    @Test
    void lookup_shows_clauses_verbatim_best_first_within_one_message() {
        List<Citation> found = new ArrayList<>(Fixtures.hugeAnswer().citations().subList(0, 5));
        found.add(0, new Citation(1, Fixtures.soundCloudClause(), ""));

        MessageEditData message = new LookupRenderer().render(found, "k");

        List<MessageEmbed> embeds = message.getEmbeds();
        assertThat(embeds.get(0).getDescription()).isEqualTo(Fixtures.SOUNDCLOUD_TEXT);
        assertThat(embeds.get(0).getTitle()).isEqualTo("[1] SoundCloud · Terms of Service · Grant of License");
        assertThat(embeds.stream().mapToInt(MessageEmbed::getLength).sum())
                .isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
        assertThat(embeds.get(1).getDescription()).endsWith("…");
    }

    @Test
    void sources_lists_every_document_with_version_and_last_error() {
        List<SourceStatus> sources = List.of(
                new SourceStatus(
                        "soundcloud",
                        "SoundCloud",
                        "terms-of-service",
                        "Terms of Service",
                        LocalDate.of(2025, 9, 10),
                        4,
                        Instant.parse("2025-10-01T00:00:00Z"),
                        null,
                        "https://soundcloud.com/terms-of-use"),
                new SourceStatus(
                        "zoom",
                        "Zoom",
                        "terms-of-service",
                        "Terms of Service",
                        null,
                        0,
                        null,
                        "HTTP 503 from zoom.us",
                        null));

        String description =
                new SourcesRenderer().render(sources, false).getEmbeds().get(0).getDescription();

        assertThat(description)
                .contains(
                        "**SoundCloud**",
                        "version 2025-09-10 (4 versions)",
                        "<t:1759276800:R>",
                        "**Zoom**",
                        "not archived yet",
                        "last error: HTTP 503 from zoom.us");
    }

    private static List<SourceStatus> sourcesWithInternals() {
        return List.of(
                new SourceStatus(
                        "tunes",
                        "Tunes",
                        "terms",
                        "Terms",
                        LocalDate.of(2025, 9, 10),
                        2,
                        null,
                        "'https://bot:hunter2@tunes.example/tos?key=SECRET123' is refused: tunes.example is a private"
                                + " address (10.0.0.5); only public addresses are fetched",
                        "https://bot:hunter2@tunes.example/tos?key=SECRET123#top"),
                new SourceStatus(
                        "local",
                        "Local",
                        "privacy",
                        "Privacy",
                        null,
                        0,
                        null,
                        "/home/policybot/private/policies/privacy.md: the file is larger than the 1000-byte limit",
                        null),
                new SourceStatus(
                        "six",
                        "Six",
                        "terms",
                        "Terms",
                        null,
                        0,
                        null,
                        "'https://six.example/' is refused: six.example is a loopback address ([::1]); only public"
                                + " addresses are fetched",
                        "https://six.example/"));
    }

    @Test
    void public_sources_show_a_short_reason_without_local_paths_addresses_or_url_secrets() {
        String description = new SourcesRenderer()
                .render(sourcesWithInternals(), false)
                .getEmbeds()
                .get(0)
                .getDescription();

        assertThat(description)
                .doesNotContain(
                        "hunter2", "SECRET123", "key=", "10.0.0.5", "[::1]", "/home/policybot", "private/policies");
        assertThat(description)
                .contains(
                        "https://tunes.example/tos",
                        "privacy.md: the file is larger",
                        "tunes.example is a private address");
    }

    @Test
    void moderators_see_the_whole_reason_with_credentials_masked() {
        String description = new SourcesRenderer()
                .renderForModerators(sourcesWithInternals(), false)
                .getEmbeds()
                .get(0)
                .getDescription();

        assertThat(description)
                .contains("10.0.0.5", "/home/policybot/private/policies/privacy.md", "[::1]")
                .doesNotContain("hunter2", "SECRET123");
    }

    @Test
    void a_huge_catalog_is_cut_with_a_hint_to_narrow_it() {
        List<SourceStatus> sources = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sources.add(new SourceStatus(
                    "p" + i,
                    "Platform " + i,
                    "terms",
                    "Terms of Service",
                    LocalDate.of(2025, 1, 1),
                    1,
                    null,
                    null,
                    null));
        }

        MessageEmbed embed =
                new SourcesRenderer().render(sources, false).getEmbeds().get(0);

        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION)
                .contains("more; narrow it with /sources platform");
        assertThat(embed.getLength()).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
    }

    @Test
    void reindex_report_puts_failures_first_with_their_reasons() {
        ReindexReport report = new ReindexReport(
                List.of(
                        new ReindexReport.SourceOutcome(
                                "Zoom · Terms of Service", ReindexReport.Outcome.UNCHANGED, 3, null, null),
                        new ReindexReport.SourceOutcome(
                                "SoundCloud · Terms of Service",
                                ReindexReport.Outcome.CHANGED,
                                5,
                                LocalDate.of(2025, 9, 10),
                                null),
                        new ReindexReport.SourceOutcome(
                                "Spotify · Terms of Use",
                                ReindexReport.Outcome.FAILED,
                                2,
                                null,
                                "HTTP 403 from spotify.com")),
                1234,
                Duration.ofMillis(12_300));

        String description =
                new ReindexRenderer().report(report).getEmbeds().get(0).getDescription();

        assertThat(description).startsWith("1 changed · 1 unchanged · 1 failed · 1,234 clauses indexed · 12.3 s");
        assertThat(description.indexOf("Spotify")).isLessThan(description.indexOf("SoundCloud"));
        assertThat(description).contains("failed: HTTP 403 from spotify.com", "new version 2025-09-10");
    }

    @Test
    void alert_names_the_document_the_dates_and_the_changes() {
        ChangeAlert alert = new ChangeAlert(
                "SoundCloud",
                "Terms of Service",
                LocalDate.of(2024, 2, 7),
                LocalDate.of(2025, 5, 27),
                List.of("Changed: Grant of License (AI training)"),
                List.of("https://soundcloud.com/terms-of-use"),
                "The document's own date did not change.");

        MessageEmbed embed = new ChangesRenderer()
                .alert(alert, ReplyLanguage.ENGLISH)
                .getEmbeds()
                .get(0);

        assertThat(embed.getTitle()).isEqualTo("Policy change: SoundCloud · Terms of Service");
        assertThat(embed.getUrl()).isEqualTo("https://soundcloud.com/terms-of-use");
        assertThat(embed.getDescription()).contains("Version 2024-02-07 → 2025-05-27", "• Changed: Grant of License");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).containsExactly("Note", "Links");
    }

    @Test
    void an_alert_with_thousands_of_changes_stays_within_the_limits() {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            changes.add("Changed: clause " + i + " " + "words ".repeat(80));
        }
        ChangeAlert alert = new ChangeAlert(
                "SoundCloud",
                "Terms of Service",
                null,
                LocalDate.of(2025, 5, 27),
                changes,
                List.of("not a url", "https://soundcloud.com/terms-of-use"),
                null);

        MessageEmbed embed = new ChangesRenderer()
                .alert(alert, ReplyLanguage.ENGLISH)
                .getEmbeds()
                .get(0);

        assertThat(embed.getLength()).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
        assertThat(embed.getDescription())
                .startsWith("New document, version 2025-05-27")
                .contains("more changes");
    }

    @Test
    void an_alert_shows_the_changed_clauses_as_changes_shows_them() {
        List<ChangeResult> results = Fixtures.changeHistory().changes(null);
        ChangeAlert alert = ChangeFixtures.alertFor(results.get(0).change());

        MessageEmbed embed = new ChangesRenderer()
                .alert(alert, ReplyLanguage.ENGLISH)
                .getEmbeds()
                .get(0);
        String changesReply = new ChangesRenderer()
                .changes(results, "k", ReplyLanguage.ENGLISH)
                .message()
                .getEmbeds()
                .get(0)
                .getDescription();

        assertThat(embed.getTitle()).isEqualTo("Policy change: " + alert.platform() + " · " + alert.document());
        assertThat(embed.getDescription())
                .startsWith("Version 2024-02-07 → 2025-05-27")
                .contains("Did they tell us?");
        String firstClause = embed.getDescription()
                .lines()
                .filter(line -> line.startsWith("**✏️ Changed**")
                        || line.startsWith("**➕ Added**")
                        || line.startsWith("**➖ Removed**"))
                .findFirst()
                .orElseThrow();
        assertThat(changesReply).contains(firstClause);
        assertThat(embed.getDescription()).containsAnyOf("[-", "{+", "➕", "➖");
    }

    @Test
    void changes_and_alerts_are_worded_in_german_for_german_readers() {
        List<ChangeResult> results = Fixtures.changeHistory().changes(null);
        ChangeAlert alert = ChangeFixtures.alertFor(results.get(0).change());

        MessageEmbed embed = new ChangesRenderer()
                .alert(alert, ReplyLanguage.GERMAN)
                .getEmbeds()
                .get(0);
        String reply = new ChangesRenderer()
                .changes(results, "k", ReplyLanguage.GERMAN)
                .message()
                .getEmbeds()
                .get(0)
                .getDescription();

        assertThat(embed.getTitle()).startsWith("Richtlinien geändert: ");
        assertThat(embed.getDescription())
                .startsWith("Fassung 2024-02-07 → 2025-05-27")
                .contains("Darauf hingewiesen?");
        assertThat(embed.getFooter().getText()).isEqualTo(ReplyLanguage.GERMAN.disclaimer());
        assertThat(reply).contains("Darauf hingewiesen?").containsPattern("\\d+ (geändert|hinzugefügt|entfernt)");
        assertThat(reply).doesNotContain("Did they tell us", "Changed**", "Added**", "Removed**");
    }
}
