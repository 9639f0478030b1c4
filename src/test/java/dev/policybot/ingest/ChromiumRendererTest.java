package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.config.Selector;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceDocument;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ChromiumRenderer} with a real headless Chromium against a page on 127.0.0.1 whose policy text only client
 * scripts write. Skipped, saying why, where no Chromium is installed ({@code -Dpolicybot.chromium=PATH} names one
 * outside the PATH).
 */
class ChromiumRendererTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-20T09:00:00Z"), ZoneOffset.UTC);
    /** The served HTML holds no policy text: a script writes it after the page has loaded. */
    private static final String SCRIPTED_PAGE = """
            <!doctype html><html><head><title>TuneWave</title></head><body>
            <nav>Menu · Pricing · Log in</nav>
            <main id="terms"><p>Loading…</p></main>
            <script>
              window.addEventListener('load', function () {
                setTimeout(function () {
                  document.getElementById('terms').innerHTML =
                    '<h1>Terms of Service</h1>'
                    + '<p>We never train ' + 'AI models on your uploads without your opt-in consent.</p>'
                    + '<div class="cookie-banner">We use cookies.</div>'
                    + '<p>You may delete your account at any time.</p>';
                }, 100);
              });
            </script>
            </body></html>""";

    private LocalServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPageWrittenByClientScriptsIsReadWithTheDeclaredSelector() {
        String chromium = installedChromium().orElse(null);
        Assumptions.assumeTrue(
                chromium != null,
                "No Chromium found (chromium, chromium-browser or google-chrome on "
                        + "the PATH, or -Dpolicybot.chromium=PATH): the real-Chromium test is skipped. Install it with "
                        + "'apt-get install chromium' (see the README, \"Chromium\").");
        // given a page whose text only its script writes, declared with a selector and an element to remove
        server.on("/terms", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", SCRIPTED_PAGE));
        WebSource web = new WebSource(
                new HttpFetcher(Duration.ofSeconds(20), 1_000_000, "PolicyBot/test", OutboundPolicy.LOOPBACK_FOR_TESTS),
                new ChromiumRenderer(chromium, Duration.ofSeconds(30), 1_000_000, OutboundPolicy.LOOPBACK_FOR_TESTS),
                CLOCK);
        Page page = new Page(
                server.url("/terms"), List.of(Selector.of("#terms")), List.of(Selector.of(".cookie-banner")), true);

        // when it is read as an executeClientScripts source
        SourceDocument document = web.source("TuneWave", List.of(), "Terms of Service", List.of(page))
                .reader()
                .read((p, d) -> SourceDocument.Validators.NONE)
                .get(0);

        // then the version holds the scripted text inside the selector, and nothing outside it or removed
        PolicyVersion version = document.versions().get(0);
        assertThat(SCRIPTED_PAGE).doesNotContain("We never train AI models");
        assertThat(version.text())
                .contains("Terms of Service")
                .contains("We never train AI models on your uploads without your opt-in consent.")
                .contains("You may delete your account at any time.")
                .doesNotContain("Loading", "Menu", "We use cookies");
        assertThat(server.requests)
                .extracting(LocalServer.HttpExchangeRecord::path)
                .contains("/terms");
    }

    /** The Chromium named by {@code -Dpolicybot.chromium}, or the first of the usual names on the PATH. */
    static Optional<String> installedChromium() {
        String configured = System.getProperty("policybot.chromium");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
