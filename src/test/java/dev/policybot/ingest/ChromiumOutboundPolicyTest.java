package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real headless Chromium reaches only what the {@link OutboundPolicy} allows (hardening #20, item 3): the page is
 * served from 127.0.0.1, which test mode allows, and a second server on 127.0.0.2, which test mode refuses like any
 * other non-public address, stands for cloud metadata or a service in the bot's own network. Skipped, saying why,
 * where no Chromium is installed.
 */
class ChromiumOutboundPolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-20T09:00:00Z"), ZoneOffset.UTC);

    private LocalServer page;
    private LocalServer forbidden;

    @BeforeEach
    void start() throws IOException {
        page = new LocalServer();
        forbidden = new LocalServer(InetAddress.getByName("127.0.0.2"));
        forbidden.on("/", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", FORBIDDEN_PAGE));
    }

    @AfterEach
    void stop() {
        page.close();
        forbidden.close();
    }

    @Test
    void subresourcesFromARefusedAddressAreNeverRequestedWhileSameOriginOnesLoad() {
        String chromium = chromiumOrSkip();
        // given a page whose text a same-origin script writes, and which loads a script, an image and a fetch from
        // an address the outbound policy refuses
        String elsewhere = forbidden.url("");
        page.on(
                "/terms",
                ex -> LocalServer.send(
                        ex,
                        200,
                        "text/html; charset=utf-8",
                        !"key=k-1".equals(ex.getRequestURI().getQuery())
                                ? "<p>The query was lost.</p>"
                                : """
                <!doctype html><html><head><title>TuneWave</title>
                <script src="%1$s/tracker.js"></script></head><body>
                <main id="terms"><p>Loading…</p></main>
                <img src="%1$s/pixel.png">
                <script>fetch('%1$s/beacon').catch(function () {});</script>
                <script src="/terms.js"></script>
                </body></html>""".formatted(elsewhere)));
        page.on("/terms.js", ex -> LocalServer.send(ex, 200, "text/javascript", """
                document.getElementById('terms').innerHTML =
                  '<h1>Terms of Service</h1><p>We never sell ' + 'your playlists to advertisers.</p>';"""));

        // when it is rendered (the page's own URL reaches the page through the proxy's start redirect)
        PolicyVersion version = render(chromium, page.url("/terms?key=k-1"));

        // then the same-origin script ran, and the refused address saw no request at all
        assertThat(version.text()).contains("We never sell your playlists to advertisers.");
        assertThat(page.requests)
                .extracting(LocalServer.HttpExchangeRecord::path)
                .contains("/terms", "/terms.js");
        assertThat(forbidden.requests).isEmpty();
    }

    @Test
    void aRedirectToARefusedAddressFailsTheSourceAndIsNeverFollowed() {
        String chromium = chromiumOrSkip();
        // given a page on an allowed address that redirects to a refused one
        page.on("/terms", ex -> {
            ex.getResponseHeaders().set("Location", forbidden.url("/latest/meta-data/"));
            LocalServer.send(ex, 302, null, new byte[0]);
        });

        // when it is rendered, then the source fails saying the redirect was refused, and nothing reached it
        assertThatThrownBy(() -> render(chromium, page.url("/terms")))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(page.url("/terms") + ": ")
                .hasMessageContaining("127.0.0.2 is a loopback address");
        assertThat(forbidden.requests).isEmpty();
    }

    @Test
    void thePageUrlAndItsSecretsNeverShowOnChromiumsCommandLine(@TempDir Path dir) throws IOException {
        // given a stand-in for Chromium that writes down its arguments, and a page URL with a secret query value
        Path arguments = dir.resolve("arguments.txt");
        Path fakeChromium = dir.resolve("fake-chromium");
        Files.writeString(fakeChromium, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + arguments + "'\nexit 3\n");
        assertThat(fakeChromium.toFile().setExecutable(true)).isTrue();
        String url = page.url("/terms?key=SECRET-api-key-123");

        // when it is rendered, then the failure names the page without the secret
        assertThatThrownBy(() -> render(fakeChromium.toString(), url))
                .hasMessageContaining("exit code 3")
                .hasMessageNotContaining("SECRET-api-key-123");
        // and the command line held the proxy and a start URL of the proxy's, never the page's URL
        assertThat(Files.readString(arguments))
                .contains("--proxy-server=http://127.0.0.1:", "--proxy-bypass-list=<-loopback>")
                .contains("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")
                .doesNotContain("SECRET-api-key-123")
                .doesNotContain("/terms");
    }

    @Test
    void onTimeoutChromiumAndEveryProcessItStartedAreKilled(@TempDir Path dir) throws IOException {
        // given a stand-in for Chromium that starts a child of its own and never finishes
        Path pids = dir.resolve("pids.txt");
        Path fakeChromium = dir.resolve("fake-chromium");
        Files.writeString(fakeChromium, "#!/bin/sh\nsleep 600 &\necho $$ $! > '" + pids + "'\nwait\n");
        assertThat(fakeChromium.toFile().setExecutable(true)).isTrue();
        ChromiumRenderer renderer = new ChromiumRenderer(
                fakeChromium.toString(),
                Duration.ofSeconds(2),
                1_000,
                OutboundPolicy.LOOPBACK_FOR_TESTS,
                Duration.ZERO);

        // when the render times out
        assertThatThrownBy(() -> renderer.render(page.url("/terms")))
                .hasMessage(page.url("/terms") + ": Chromium did not finish within 2 s (timeout)");

        // then neither the stand-in nor its child is left running
        List<ProcessHandle> started = Stream.of(Files.readString(pids).trim().split(" "))
                .map(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .flatMap(Optional::stream)
                .toList();
        started.forEach(ChromiumOutboundPolicyTest::awaitExit);
        assertThat(started).noneMatch(ProcessHandle::isAlive);
    }

    /** Killing takes a moment; a process still alive after 10 s was not killed. */
    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // asserted by the caller
        }
    }

    private static final String FORBIDDEN_PAGE =
            "<!doctype html><html><body><p>Instance metadata: secret-role-credentials"
                    + " and more words so that a leaked page would be long enough to index.</p></body></html>";

    private static PolicyVersion render(String chromium, String url) {
        WebSource web = new WebSource(
                new HttpFetcher(Duration.ofSeconds(20), 1_000_000, "PolicyBot/test", OutboundPolicy.LOOPBACK_FOR_TESTS),
                new ChromiumRenderer(chromium, Duration.ofSeconds(30), 1_000_000, OutboundPolicy.LOOPBACK_FOR_TESTS),
                CLOCK);
        SourceDocument document = web.source(
                        "TuneWave", List.of(), "Terms of Service", List.of(new Page(url, List.of(), List.of(), true)))
                .reader()
                .read((p, d) -> SourceDocument.Validators.NONE)
                .get(0);
        return document.versions().get(0);
    }

    private static String chromiumOrSkip() {
        String chromium = ChromiumRendererTest.installedChromium().orElse(null);
        Assumptions.assumeTrue(
                chromium != null,
                "No Chromium found (chromium, chromium-browser or google-chrome on the PATH, or"
                        + " -Dpolicybot.chromium=PATH): the real-Chromium outbound test is skipped. Install it with"
                        + " 'apt-get install chromium' (see the README, \"Chromium\").");
        return chromium;
    }
}
