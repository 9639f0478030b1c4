package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.config.Selector;
import dev.policybot.config.SourcesConfig;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Source;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-20T09:00:00Z"), ZoneOffset.UTC);
    private static final String TERMS_HTML = "<html><body><nav>Menu</nav><main><h1>Terms</h1>"
            + "<p>You keep every right in the music you upload to TuneWave, and you may delete it at any time.</p>"
            + "</main></body></html>";

    @TempDir
    Path tmp;

    private LocalServer server;
    private WebSource web;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        web = new WebSource(
                new HttpFetcher(Duration.ofSeconds(2), 100_000, "PolicyBot/test", OutboundPolicy.LOOPBACK_FOR_TESTS),
                new ChromiumRenderer(
                        "no-such-chromium-for-policybot-tests",
                        Duration.ofSeconds(2),
                        100_000,
                        OutboundPolicy.LOOPBACK_FOR_TESTS),
                CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SourceDocument readOne(Source source) {
        return source.reader().read((p, d) -> SourceDocument.Validators.NONE).get(0);
    }

    @Test
    void aWebPageBecomesTodaysVersionCutOutBySelectors() {
        server.on("/terms", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", TERMS_HTML));

        SourceDocument doc = readOne(web.source(
                "TuneWave",
                List.of("TW"),
                "Terms of Service",
                List.of(new Page(server.url("/terms"), List.of(Selector.of("main")), List.of(), false))));

        assertThat(doc.documentKey()).isEqualTo("tunewave/terms-of-service");
        PolicyVersion version = doc.versions().get(0);
        assertThat(version.date()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(version.url()).isEqualTo(server.url("/terms"));
        assertThat(version.text())
                .startsWith("# Terms")
                .contains("You keep every right")
                .doesNotContain("Menu");
    }

    @Test
    void theNextFetchSendsTheETagAndAn304MeansNotModified() {
        server.on("/terms", ex -> {
            if ("\"abc\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalServer.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"abc\"");
                LocalServer.send(ex, 200, "text/html", TERMS_HTML);
            }
        });
        Source source = web.source(
                "TuneWave",
                List.of(),
                "Terms of Service",
                List.of(new Page(server.url("/terms"), List.of(), List.of(), false)));

        SourceDocument first =
                source.reader().read((p, d) -> SourceDocument.Validators.NONE).get(0);
        SourceDocument second =
                source.reader().read((p, d) -> first.validators()).get(0);

        assertThat(first.validators().etag()).isEqualTo("\"abc\"");
        assertThat(second.notModified()).isTrue();
        assertThat(second.versions()).isEmpty();
    }

    @Test
    void aDeclarationCombinesItsPagesInOrderWithPerPageSelectors() throws IOException {
        server.on(
                        "/one",
                        ex -> LocalServer.send(
                                ex,
                                200,
                                "text/html",
                                "<main><p>First page of the community "
                                        + "rules: be kind to other artists and never upload music you do not own.</p></main><aside>x</aside>"))
                .on(
                        "/two",
                        ex -> LocalServer.send(
                                ex,
                                200,
                                "text/html",
                                "<article><p>Second page of the rules: "
                                        + "repeat infringers lose their accounts after three valid copyright notices.</p></article>"));
        Path declaration = tmp.resolve("TuneWave.json");
        Files.writeString(declaration, """
                {"name": "TuneWave", "terms": {"Community Guidelines": {"select": "main", "combine": [
                  {"fetch": "%s"}, {"fetch": "%s", "select": "article"}]}}}
                """.formatted(server.url("/one"), server.url("/two")));

        List<Source> sources = new Declarations(web).sources(tmp);

        assertThat(sources).singleElement().extracting(Source::name).isEqualTo("TuneWave · Community Guidelines");
        String text = readOne(sources.get(0)).versions().get(0).text();
        assertThat(text.indexOf("First page"))
                .isLessThan(text.indexOf("Second page"))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void aMalformedDeclarationFailsAloneNamingFileAndLine() throws IOException {
        Files.writeString(tmp.resolve("Broken.json"), "{\"name\": \"Broken\",\n \"terms\": {");
        Files.writeString(
                tmp.resolve("Fine.json"),
                "{\"name\": \"Fine\", \"terms\": {\"Terms of Service\": "
                        + "{\"fetch\": \"https://fine.example/terms\", \"select\": \"main\"}}}");
        Files.writeString(tmp.resolve("Fine.history.json"), "{}");

        List<Source> sources = new Declarations(web).sources(tmp);

        assertThat(sources)
                .extracting(Source::name)
                .containsExactly("declaration Broken.json", "Fine · Terms of Service");
        assertThatThrownBy(() -> readOne(sources.get(0)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Broken.json, line 2: not valid JSON");
    }

    @Test
    void aPageNeedingClientScriptsFailsClearlyWithoutChromium() {
        Source source = web.source(
                "TuneWave",
                List.of(),
                "Terms of Service",
                List.of(new Page("https://127.0.0.1:9/terms", List.of(), List.of(), true)));

        assertThatThrownBy(() -> readOne(source))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("https://127.0.0.1:9/terms: this page needs client scripts (executeClientScripts), "
                        + "but Chromium ('no-such-chromium-for-policybot-tests') is not available; install it or set "
                        + "fetch.chromium in sources.yaml");
    }

    @Test
    void localFilesOfEveryKindAreRead() throws IOException {
        Files.write(
                tmp.resolve("privacy.pdf"), ExtractionTest.pdf("We never sell your personal data to anyone, ever."));
        Files.writeString(tmp.resolve("rules.txt"), "Be kind to other artists and credit every sample you use.");
        FileSource files = new FileSource(CLOCK, 1_000_000);

        SourceDocument pdf = readOne(files.source("TuneWave", List.of(), "Privacy Policy", tmp.resolve("privacy.pdf")));
        SourceDocument txt =
                readOne(files.source("TuneWave", List.of(), "Community Guidelines", tmp.resolve("rules.txt")));

        assertThat(pdf.versions().get(0).text()).contains("We never sell your personal data");
        assertThat(txt.versions().get(0).text()).contains("credit every sample");
        assertThatThrownBy(() -> readOne(files.source("TuneWave", List.of(), "Terms", tmp.resolve("missing.md"))))
                .hasMessage(tmp.resolve("missing.md") + ": no such file");
    }

    @Test
    void aConfiguredEntryWithAProblemFailsWithItsMessageAndTheOthersStillRead() throws IOException {
        server.on("/terms", ex -> LocalServer.send(ex, 200, "text/html", TERMS_HTML));
        Files.writeString(tmp.resolve("sources.yaml"), """
                platforms:
                  - name: TuneWave
                    aliases: [TW]
                    documents:
                      - type: Terms of Service
                        url: %s
                      - type: Privacy Policy
                """.formatted(server.url("/terms")));

        List<Source> sources = new ConfiguredSources(web, new FileSource(CLOCK, 1000)).sources(SourcesConfig.load(tmp));

        assertThat(sources)
                .extracting(Source::name)
                .containsExactly("TuneWave · Terms of Service", "TuneWave · Privacy Policy");
        assertThat(readOne(sources.get(0)).versions()).hasSize(1);
        assertThat(sources.get(0).mayHold("tw")).isTrue();
        assertThatThrownBy(() -> readOne(sources.get(1)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageEndingWith("key platforms[0].documents[1]: neither url nor path is set");
    }
}
