package dev.policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policybot.config.YamlFiles;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.reindex.ReindexHealth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ReindexAndSourcesCommandTest {
    @TempDir
    Path tmp;

    /** Hand-written stand-in for the composition root. */
    @Command(
            name = "policybot",
            subcommands = {ReindexCommand.class, SourcesCommand.class})
    static final class FakeRoot implements CliContext {
        ReindexReport report = new ReindexReport(List.of(), 0, Duration.ZERO);
        RuntimeException failure;
        List<SourceStatus> statuses = List.of();
        java.util.Set<String> clientRendered = java.util.Set.of();
        ReindexHealth health;
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<ReindexHealth> reindexHealth() {
            return Optional.ofNullable(health);
        }

        @Override
        public Path configDir() {
            return Path.of("config");
        }

        @Override
        public Path indexDir() {
            return Path.of("index");
        }

        @Override
        public AutoCloseable startDiscordBot(String token) {
            throw new IllegalStateException("not in this test");
        }

        @Override
        public Reindexer reindexer(List<Path> archives) {
            return (only, progress) -> {
                calls.add("archives=" + archives + " only=" + only);
                if (failure != null) {
                    throw failure;
                }
                for (int i = 0; i < report.sources().size(); i++) {
                    progress.progress(
                            i + 1,
                            report.sources().size(),
                            report.sources().get(i).source());
                }
                return report;
            };
        }

        @Override
        public SourceCatalog sourceCatalog() {
            return () -> statuses;
        }

        @Override
        public java.util.Set<String> clientRenderedDocuments() {
            return clientRendered;
        }
    }

    private final FakeRoot root = new FakeRoot();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        return commandLine.execute(args);
    }

    private static ReindexReport.SourceOutcome outcome(String name, ReindexReport.Outcome outcome, String reason) {
        return new ReindexReport.SourceOutcome(
                name,
                outcome,
                reason == null ? 3 : 0,
                outcome == ReindexReport.Outcome.CHANGED ? LocalDate.of(2026, 8, 17) : null,
                reason);
    }

    @Test
    void reindexPrintsOneLinePerSourceAndTheTotals() {
        root.report = new ReindexReport(
                List.of(
                        outcome("SoundCloud · Terms of Service", ReindexReport.Outcome.CHANGED, null),
                        outcome("Spotify · Privacy Policy", ReindexReport.Outcome.UNCHANGED, null)),
                1234,
                Duration.ofMillis(2500));

        int exit = run("reindex", "--only", "soundcloud");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "changed   SoundCloud · Terms of Service — 3 versions, new 2026-08-17",
                        "unchanged Spotify · Privacy Policy — 3 versions",
                        "2 sources: 1 changed, 1 unchanged, 0 failed; 1234 clauses indexed in 2.5 s");
        assertThat(err.toString()).contains("[1/2] SoundCloud · Terms of Service", "[2/2] Spotify · Privacy Policy");
        assertThat(root.calls).containsExactly("archives=[] only=soundcloud");
    }

    @Test
    void aFailedSourceIsReportedWithItsReasonAndExitCode1() {
        root.report = new ReindexReport(
                List.of(outcome(
                        "Twitch · Terms of Service",
                        ReindexReport.Outcome.FAILED,
                        "https://twitch.tv/terms: HTTP 500")),
                0,
                Duration.ZERO);

        assertThat(run("reindex")).isEqualTo(1);
        assertThat(out.toString()).contains("failed    Twitch · Terms of Service — https://twitch.tv/terms: HTTP 500");
    }

    @Test
    void aMissingArchiveFolderIsBadInputWithExitCode2() {
        int exit = run("reindex", "--archive", tmp.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("archive folder " + tmp.resolve("nowhere") + " does not exist");
        assertThat(root.calls).isEmpty();
    }

    @Test
    void archivesGivenOnTheCommandLineReachTheReindexer() {
        run("reindex", "--archive", tmp.toString(), "--archive", tmp.toString());

        assertThat(root.calls).containsExactly("archives=[" + tmp + ", " + tmp + "] only=null");
    }

    @Test
    void aBrokenConfigIsExitCode2WithItsMessage() {
        root.failure =
                UserFacingException.badInput("config/sources.yaml, line 3, key platforms[0].ulr: unknown key 'ulr'");

        assertThat(run("reindex")).isEqualTo(2);
        assertThat(err.toString())
                .contains("policybot: config/sources.yaml, line 3, key platforms[0].ulr: unknown key 'ulr'");
    }

    @Test
    void sourcesJsonGroupsDocumentsByPlatform() throws Exception {
        root.statuses = List.of(
                new SourceStatus(
                        "soundcloud",
                        "SoundCloud",
                        "terms-of-service",
                        "Terms of Service",
                        LocalDate.of(2026, 8, 17),
                        19,
                        Instant.parse("2026-08-20T09:00:00Z"),
                        null,
                        "https://soundcloud.com/terms-of-use"),
                new SourceStatus(
                        "soundcloud",
                        "SoundCloud",
                        "privacy-policy",
                        "Privacy Policy",
                        null,
                        0,
                        Instant.parse("2026-08-20T09:00:00Z"),
                        "unknown host 'soundcloud.com'",
                        null));

        assertThat(run("sources", "--json")).isZero();

        JsonNode json = YamlFiles.json().readTree(out.toString());
        assertThat(json.get("platforms")).hasSize(1);
        JsonNode terms = json.get("platforms").get(0).get("documents").get(0);
        assertThat(terms.get("name").asText()).isEqualTo("Terms of Service");
        assertThat(terms.get("versions").asInt()).isEqualTo(19);
        assertThat(terms.get("currentVersion").asText()).isEqualTo("2026-08-17");
        assertThat(json.get("platforms")
                        .get(0)
                        .get("documents")
                        .get(1)
                        .get("lastError")
                        .asText())
                .isEqualTo("unknown host 'soundcloud.com'");
    }

    @Test
    void sourcesPrintsATableOrSaysNothingIsArchived() {
        assertThat(run("sources")).isZero();
        assertThat(out.toString()).contains("Nothing archived yet: run 'reindex' first.");

        root.statuses = List.of(new SourceStatus(
                "zoom", "Zoom", "terms-of-service", "Terms of Service", LocalDate.of(2026, 8, 6), 5, null, null, null));
        run("sources");
        assertThat(out.toString()).contains("Zoom", "Terms of Service", "2026-08-06", "1 platforms, 1 documents");
    }

    private static ReindexHealth health() {
        return new ReindexHealth(
                Instant.parse("2026-08-21T09:00:07Z"),
                "completed",
                1,
                0,
                1,
                42,
                List.of(
                        new ReindexHealth.Source(
                                "Tunebox · Terms of Service", Instant.parse("2026-08-21T09:00:05Z"), null, null),
                        new ReindexHealth.Source(
                                "Slowpoke · Terms of Service",
                                Instant.parse("2026-08-20T09:00:03Z"),
                                Instant.parse("2026-08-21T09:00:06Z"),
                                "https://slowpoke.example/terms: no complete answer within 20 s (timeout)")));
    }

    @Test
    void sourcesShowsTheReindexHealthFailingSourcesFirst() {
        root.health = health();

        assertThat(run("sources")).isZero();

        List<String> lines = out.toString().lines().toList();
        int block = lines.indexOf("Health: last reindex 2026-08-21 09:00:07, completed (1 changed, 0 unchanged, "
                + "1 failed; 42 clauses indexed)");
        assertThat(block).as(out.toString()).isPositive();
        assertThat(lines.get(block + 1))
                .startsWith("  FAILING Slowpoke · Terms of Service")
                .contains("last success 2026-08-20 09:00:03")
                .contains("last failure 2026-08-21 09:00:06")
                .endsWith("https://slowpoke.example/terms: no complete answer within 20 s (timeout)");
        assertThat(lines.get(block + 2))
                .startsWith("  ok      Tunebox · Terms of Service")
                .contains("last success 2026-08-21 09:00:05")
                .contains("last failure -");
    }

    @Test
    void sourcesSaysWhenNoReindexWasRecordedAndJsonCarriesTheHealth() throws Exception {
        assertThat(run("sources")).isZero();
        assertThat(out.toString()).contains("Health: no reindex recorded yet.");

        root.health = health();
        out.getBuffer().setLength(0);
        assertThat(run("sources", "--json")).isZero();

        JsonNode health = YamlFiles.json().readTree(out.toString()).get("health");
        assertThat(health.get("lastRun").asText()).isEqualTo("2026-08-21T09:00:07Z");
        assertThat(health.get("failed").asInt()).isEqualTo(1);
        JsonNode slowpoke = health.get("sources").get(1);
        assertThat(slowpoke.get("state").asText()).isEqualTo("failing");
        assertThat(slowpoke.get("lastFailureReason").asText()).endsWith("(timeout)");
        assertThat(health.get("sources").get(0).get("state").asText()).isEqualTo("ok");
    }

    @Test
    void sourcesSaysWhenEachDocumentWasLastFetchedLiveOrThatItOnlyShippedAndWhichNeedChromium() throws Exception {
        root.statuses = List.of(
                new SourceStatus(
                        "soundcloud",
                        "SoundCloud",
                        "terms-of-service",
                        "Terms of Service",
                        LocalDate.of(2026, 8, 17),
                        19,
                        null,
                        null,
                        "https://soundcloud.com/terms-of-use",
                        null,
                        LocalDate.of(2026, 8, 22)),
                new SourceStatus(
                        "zoom",
                        "Zoom",
                        "terms-of-service",
                        "Terms of Service",
                        LocalDate.of(2026, 12, 1),
                        6,
                        Instant.parse("2026-12-01T08:00:00Z"),
                        null,
                        "https://zoom.example/terms",
                        Instant.parse("2026-12-01T08:00:00Z"),
                        LocalDate.of(2026, 8, 22)));
        root.clientRendered = java.util.Set.of("soundcloud/terms-of-service");

        run("sources");
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).contains("LAST LIVE FETCH", "CHROMIUM");
        assertThat(lines.get(1))
                .contains("SoundCloud", "2026-08-17", "never: shipped snapshot of 2026-08-22", "needed");
        assertThat(lines.get(2))
                .contains("Zoom", "2026-12-01", "2026-12-01 08:00:00")
                .doesNotContain("needed", "never");
        assertThat(lines.get(3))
                .isEqualTo("2 platforms, 2 documents; 1 need Chromium to be fetched live "
                        + "(see the README, \"Chromium\")");

        out.getBuffer().setLength(0);
        run("sources", "--json");
        JsonNode terms = YamlFiles.json()
                .readTree(out.toString())
                .get("platforms")
                .get(0)
                .get("documents")
                .get(0);
        assertThat(terms.get("lastLiveFetch").isNull()).isTrue();
        assertThat(terms.get("shippedSnapshot").asText()).isEqualTo("2026-08-22");
        assertThat(terms.get("needsChromium").asBoolean()).isTrue();
    }
}
