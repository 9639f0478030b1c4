package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on 127.0.0.1 only. */
class HttpFetcherTest {
    private LocalServer server;
    private final HttpFetcher fetcher =
            new HttpFetcher(Duration.ofMillis(800), 2_000, "PolicyBot/test", OutboundPolicy.LOOPBACK_FOR_TESTS);

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPageComesBackWithItsTypeAndValidatorsAndOurUserAgent() {
        server.on("/terms", ex -> {
            ex.getResponseHeaders().set("ETag", "\"v7\"");
            ex.getResponseHeaders().set("Last-Modified", "Wed, 01 Jul 2026 10:00:00 GMT");
            LocalServer.send(ex, 200, "text/html; charset=utf-8", "<p>Terms</p>");
        });

        HttpFetcher.Response response = fetcher.fetch(server.url("/terms"), SourceDocument.Validators.NONE);

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<p>Terms</p>");
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.validators())
                .isEqualTo(new SourceDocument.Validators("\"v7\"", "Wed, 01 Jul 2026 10:00:00 GMT"));
        assertThat(server.requests.get(0).userAgent()).contains("PolicyBot");
    }

    @Test
    void anUnchangedPageAnswers304ToTheETagWeSent() {
        server.on("/terms", ex -> {
            if ("\"v7\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalServer.send(ex, 304, null, new byte[0]);
            } else {
                LocalServer.send(ex, 200, "text/html", "<p>Terms</p>");
            }
        });

        HttpFetcher.Response response =
                fetcher.fetch(server.url("/terms"), new SourceDocument.Validators("\"v7\"", null));

        assertThat(response.notModified()).isTrue();
        assertThat(response.validators().etag()).isEqualTo("\"v7\"");
    }

    @Test
    void redirectsAreFollowed() {
        server.on("/old", ex -> {
                    ex.getResponseHeaders().set("Location", "/new");
                    LocalServer.send(ex, 301, null, new byte[0]);
                })
                .on("/new", ex -> LocalServer.send(ex, 200, "text/plain", "moved here"));

        HttpFetcher.Response response = fetcher.fetch(server.url("/old"), null);

        assertThat(response.uri().getPath()).isEqualTo("/new");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("moved here");
    }

    @Test
    void aRedirectLoopStopsAfterFiveHops() {
        server.on("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            LocalServer.send(ex, 302, null, new byte[0]);
        });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/loop"), null))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(server.url("/loop") + ": more than 5 redirects (a redirect loop?)");
        assertThat(server.requests).hasSize(6);
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        server.on("/away", ex -> {
            ex.getResponseHeaders().set("Location", "ftp://files.example/terms");
            LocalServer.send(ex, 302, null, new byte[0]);
        });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/away"), null))
                .hasMessage(server.url("/away") + ": redirect refused: only https URLs are fetched, not "
                        + "'ftp://files.example/terms'");
    }

    @Test
    void redirectsIntoPrivateOrLinkLocalNetworksAreRefusedEvenInTestMode() {
        server.on("/metadata", ex -> {
                    ex.getResponseHeaders().set("Location", "https://169.254.169.254/latest/meta-data/");
                    LocalServer.send(ex, 302, null, new byte[0]);
                })
                .on("/intranet", ex -> {
                    ex.getResponseHeaders().set("Location", "https://10.1.2.3/admin");
                    LocalServer.send(ex, 301, null, new byte[0]);
                })
                .on("/plain", ex -> {
                    ex.getResponseHeaders().set("Location", "http://tunewave.example/terms");
                    LocalServer.send(ex, 301, null, new byte[0]);
                });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/metadata"), null))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(server.url("/metadata") + ": redirect refused: 'https://169.254.169.254/latest/meta-data/' "
                        + "is refused: 169.254.169.254 is a link-local address (169.254.169.254); only public "
                        + "addresses are fetched");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/intranet"), null))
                .hasMessageStartingWith(server.url("/intranet") + ": redirect refused: ")
                .hasMessageContaining("10.1.2.3 is a private address");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/plain"), null))
                .hasMessage(server.url("/plain") + ": redirect refused: only https URLs are fetched, not "
                        + "'http://tunewave.example/terms'");
    }

    @Test
    void outsideTestModeThisMachineIsNotFetchedAtAll() {
        server.on("/terms", ex -> LocalServer.send(ex, 200, "text/plain", "terms"));
        HttpFetcher production =
                new HttpFetcher(Duration.ofMillis(800), 2_000, "PolicyBot/test", OutboundPolicy.PUBLIC_HTTPS_ONLY);

        assertThatThrownBy(() -> production.fetch(server.url("/terms"), null))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("only https URLs are fetched, not '" + server.url("/terms") + "'");
        assertThatThrownBy(() -> production.fetch("https://127.0.0.1:" + server.port() + "/terms", null))
                .hasMessageContaining("127.0.0.1 is a loopback address");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aBodyThatTricklesIsCutOffAtTheDeadline() {
        server.on("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                for (int i = 0; i < 200; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException ignored) {
                // the client hung up at its deadline
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/trickle"), null))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(server.url("/trickle") + ": no complete answer within 800 ms (timeout)");
    }

    @Test
    void theDeadlineCoversEveryRedirectHopTogether() {
        server.on("/first", ex -> {
                    pause(500);
                    ex.getResponseHeaders().set("Location", "/second");
                    LocalServer.send(ex, 302, null, new byte[0]);
                })
                .on("/second", ex -> {
                    pause(500);
                    LocalServer.send(ex, 200, "text/plain", "finally");
                });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/first"), null))
                .hasMessageStartingWith(server.url("/first") + ": no ")
                .hasMessageEndingWith("(timeout)");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void notFoundAndServerErrorsNameTheStatus() {
        server.on("/gone", ex -> LocalServer.send(ex, 404, "text/plain", "nope"))
                .on("/broken", ex -> LocalServer.send(ex, 500, "text/plain", "oops"));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/gone"), null))
                .hasMessage(server.url("/gone") + ": the server answered HTTP 404 (not found)");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/broken"), null))
                .hasMessage(server.url("/broken") + ": the server answered HTTP 500 (server error)");
    }

    @Test
    void aSlowServerTimesOut() {
        server.on("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalServer.send(ex, 200, "text/plain", "late");
        });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/slow"), null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(server.url("/slow"))
                .hasMessageContaining("(timeout)");
    }

    @Test
    void aBodyOverTheCapIsRefusedWhetherOrNotItsLengthIsDeclared() {
        server.on("/big", ex -> LocalServer.send(ex, 200, "text/plain", "x".repeat(5_000)))
                .on("/chunked", ex -> {
                    ex.getResponseHeaders().set("Content-Type", "text/plain");
                    ex.sendResponseHeaders(200, 0);
                    try (var out = ex.getResponseBody()) {
                        for (int i = 0; i < 10; i++) {
                            out.write("y".repeat(1_000).getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (IOException ignored) {
                        // the client hung up once the cap was reached
                    }
                });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/big"), null))
                .hasMessage(server.url("/big") + ": the page is larger than the 2000-byte limit");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/chunked"), null))
                .hasMessageContaining("larger than the 2000-byte limit");
    }

    @Test
    void onlyHttpsLeavesThisMachine() {
        assertThatThrownBy(() -> fetcher.fetch("http://tunewave.example/terms", null))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("only https URLs are fetched, not 'http://tunewave.example/terms'");
        assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd", null))
                .hasMessage("only https URLs are fetched, not 'file:///etc/passwd'");
    }

    @Test
    void anUnknownHostIsNamed() {
        assertThatThrownBy(() -> fetcher.fetch("https://no-such-host.invalid/terms", null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("https://no-such-host.invalid/terms: ")
                .hasMessageContaining("unknown host 'no-such-host.invalid'");
    }
}
