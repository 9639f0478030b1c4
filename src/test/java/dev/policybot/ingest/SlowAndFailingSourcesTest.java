package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.sun.net.httpserver.HttpExchange;
import dev.policybot.archive.VersionArchive;
import dev.policybot.config.SourcesConfig;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.ReindexReport.Outcome;
import dev.policybot.domain.SourceStatus;
import dev.policybot.fakes.CapturedLogs;
import dev.policybot.reindex.ReindexService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reindex over six web sources on a loopback server, five of which turn hostile on the second day: one hangs,
 * one trickles a byte at a time, one sends 10 MB of junk, one redirects in a loop, one redirects to the cloud
 * metadata address. Each is cut off by its limit (from {@code sources.yaml}: a 600 ms deadline, a 1 MB cap) and
 * reported with its URL; the healthy source is indexed and nothing archived before is lost.
 */
class SlowAndFailingSourcesTest {
    private static final String[] PLATFORMS = {"Tunebox", "Slowpoke", "Dripfeed", "Junkyard", "Loopy", "Sneaky"};

    @TempDir
    Path tmp;

    private LocalServer server;
    private volatile boolean hostile;
    private final ReindexWithArchiveTest.RecordingIndex index = new ReindexWithArchiveTest.RecordingIndex();

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        server.on(
                        "/tunebox",
                        ex -> LocalServer.send(
                                ex,
                                200,
                                "text/html",
                                page(
                                        "Tunebox",
                                        hostile
                                                ? "Tunebox now licenses your uploads worldwide."
                                                : "Tunebox hosts your uploads.")))
                .on("/slowpoke", ex -> behave(ex, "Slowpoke", SlowAndFailingSourcesTest::hang))
                .on("/dripfeed", ex -> behave(ex, "Dripfeed", SlowAndFailingSourcesTest::trickle))
                .on("/junkyard", ex -> behave(ex, "Junkyard", SlowAndFailingSourcesTest::junk))
                .on("/loopy", ex -> behave(ex, "Loopy", e -> redirect(e, "/loopy")))
                .on(
                        "/sneaky",
                        ex -> behave(ex, "Sneaky", e -> redirect(e, "https://169.254.169.254/latest/meta-data/")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlyTheConfiguredUrlsAreFetchedNeverTheLinksOnTheirPages() throws IOException {
        reindex("2026-08-20");

        assertThat(server.requests)
                .extracting(LocalServer.HttpExchangeRecord::path)
                .containsExactlyInAnyOrder(
                        Arrays.stream(PLATFORMS).map(p -> "/" + p.toLowerCase()).toArray(String[]::new));
    }

    @Test
    void hostileSourcesAreCutOffByTheirLimitsAndTheRestOfTheReindexFinishes() throws IOException {
        reindex("2026-08-20");
        hostile = true;

        ReindexReport report;
        try (CapturedLogs logs = CapturedLogs.attach()) {
            report = reindex("2026-08-21");

            assertThat(logs.lines(Level.INFO))
                    .anySatisfy(line -> assertThat(line)
                            .contains("reindex: 6 sources (1 changed, 0 unchanged, 5 failed), 7 versions"));
            assertThat(logs.atLeast(Level.WARN))
                    .hasSize(5)
                    .allSatisfy(event -> assertThat(event.getThrowableProxy())
                            .as("no stack trace")
                            .isNull());
            assertThat(logs.lines(Level.WARN))
                    .anySatisfy(line -> assertThat(line)
                            .endsWith("Junkyard · Terms of Service failed: " + server.url("/junkyard")
                                    + ": the page is larger than the 1000000-byte limit"));
        }

        Map<String, String> failures = report.sources().stream()
                .filter(s -> s.outcome() == Outcome.FAILED)
                .collect(Collectors.toMap(ReindexReport.SourceOutcome::source, ReindexReport.SourceOutcome::reason));
        assertThat(failures)
                .containsOnlyKeys(
                        "Slowpoke · Terms of Service",
                        "Dripfeed · Terms of Service",
                        "Junkyard · Terms of Service",
                        "Loopy · Terms of Service",
                        "Sneaky · Terms of Service");
        assertThat(failures.get("Slowpoke · Terms of Service"))
                .isEqualTo(server.url("/slowpoke") + ": no complete answer within 600 ms (timeout)");
        assertThat(failures.get("Dripfeed · Terms of Service"))
                .isEqualTo(server.url("/dripfeed") + ": no complete answer within 600 ms (timeout)");
        assertThat(failures.get("Junkyard · Terms of Service"))
                .isEqualTo(server.url("/junkyard") + ": the page is larger than the 1000000-byte limit");
        assertThat(failures.get("Loopy · Terms of Service"))
                .isEqualTo(server.url("/loopy") + ": more than 5 redirects (a redirect loop?)");
        assertThat(failures.get("Sneaky · Terms of Service"))
                .startsWith(server.url("/sneaky") + ": redirect refused: ")
                .contains("169.254.169.254 is a link-local address");
        assertThat(report.elapsed())
                .as("each failure cut off at its limit, not the server's pace")
                .isLessThan(Duration.ofSeconds(15));

        String indexed = index.rebuilds.get(1).stream().map(Clause::text).collect(Collectors.joining("\n"));
        assertThat(indexed).contains("Tunebox now licenses your uploads worldwide.");
        for (String platform : Arrays.copyOfRange(PLATFORMS, 1, PLATFORMS.length)) {
            assertThat(indexed)
                    .as("yesterday's %s version is still indexed", platform)
                    .contains(platform + " keeps your data safe.");
        }
        VersionArchive archive = new VersionArchive(tmp.resolve("index/archive"));
        assertThat(archive.versions()).extracting(PolicyVersion::platform).hasSize(7);
        assertThat(archive.sources())
                .filteredOn(s -> !s.platform().equals("Tunebox"))
                .extracting(SourceStatus::lastError)
                .allSatisfy(error -> assertThat(error).startsWith(server.url("/")));
    }

    private ReindexReport reindex(String day) throws IOException {
        Path config = tmp.resolve("config");
        Files.createDirectories(config);
        StringBuilder yaml = new StringBuilder("fetch:\n  timeout: PT0.6S\n  maxBytes: 1000000\nplatforms:\n");
        for (String platform : PLATFORMS) {
            yaml.append("  - name: ")
                    .append(platform)
                    .append("\n    documents:\n      - type: Terms of Service\n")
                    .append("        url: ")
                    .append(server.url("/" + platform.toLowerCase()))
                    .append('\n');
        }
        Files.writeString(config.resolve(SourcesConfig.FILE_NAME), yaml);
        SourcesConfig.Loaded loaded = SourcesConfig.load(config);
        Clock clock = Clock.fixed(Instant.parse(day + "T09:00:00Z"), ZoneOffset.UTC);
        ConfiguredSources sources =
                ConfiguredSources.create(loaded.config().fetch(), clock, OutboundPolicy.LOOPBACK_FOR_TESTS);
        return new ReindexService(
                        () -> sources.sources(loaded),
                        new VersionArchive(tmp.resolve("index/archive")),
                        new MarkdownClauseSplitter(),
                        index,
                        clock)
                .reindex(null, (done, total, what) -> {});
    }

    private void behave(HttpExchange exchange, String platform, LocalServer.Handler whenHostile) throws IOException {
        if (hostile) {
            whenHostile.handle(exchange);
        } else {
            LocalServer.send(exchange, 200, "text/html", page(platform, platform + " keeps your data safe."));
        }
    }

    private static String page(String platform, String sentence) {
        return "<html><body><main><h1>" + platform + " Terms</h1><p>" + sentence
                + " These terms apply to everyone who uses the service. See also <a href=\"/admin\">the admin page</a>"
                + " and <a href=\"http://127.0.0.1:9/elsewhere\">elsewhere</a>.</p></main></body></html>";
    }

    private static void hang(HttpExchange exchange) {
        sleep(30_000);
    }

    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 600; i++) {
                out.write('<');
                out.flush();
                sleep(50);
            }
        } catch (IOException hungUp) {
            // the fetcher gave up at its deadline
        }
    }

    private static void junk(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        Random random = new Random(7);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int written = 0; written < 10_000_000; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        } catch (IOException hungUp) {
            // the fetcher gave up at its cap
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        LocalServer.send(exchange, 302, null, new byte[0]);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
