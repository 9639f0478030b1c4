package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.policybot.app.AnswerWiring;
import dev.policybot.config.AppConfig;
import dev.policybot.config.ConfigException;
import dev.policybot.config.SourcesConfig;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Asker;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.CapturedLogs;
import dev.policybot.fakes.FixtureClauses;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord token and API keys never show in logs (DEBUG included), error messages or exception chains, along
 * the real paths that handle them; and a config file that holds a secret is refused while everyone may read it.
 */
class SecretsStayHiddenTest {
    /** Shaped like a Discord bot token (not a real one). */
    private static final String TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

    private static final String API_KEY = "sk-test-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";
    private static final String PASSWORD = "hunter2-very-secret";

    @TempDir
    Path dir;

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aConfigErrorAboutASecretValueNeverQuotesIt() throws IOException {
        write("policybot.yaml", "discord:\n  alertChannelId: \"" + TOKEN + "\"\n", "rw-------");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("policybot.yaml, line 1, key discord: ")
                .hasMessageContaining("'[redacted]' is not a channel id")
                .satisfies(e -> assertNoSecretIn(e));
    }

    @Test
    void aConfigFileHoldingASecretIsRefusedWhileEveryoneMayReadIt() throws IOException {
        assumePosix();
        Path file = write(
                "policybot.yaml",
                "llm:\n  provider: openai\n  baseUrl: https://proxy:" + PASSWORD + "@llm.example/v1\n",
                "rw-r--r--");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ", line 3: this file holds a secret")
                .hasMessageContaining("chmod 600 " + file)
                .satisfies(e -> assertNoSecretIn(e));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(AppConfig.load(dir).llm().baseUrl()).isEqualTo("https://proxy:" + PASSWORD + "@llm.example/v1");
    }

    @Test
    void tokensAndKeysInSourcesOrCommentsCountAsSecretsToo() throws IOException {
        assumePosix();
        write("policybot.yaml", "# token: " + TOKEN + "\nllm:\n  provider: none\n", "rw-rw-r--");
        Path sources = write(
                SourcesConfig.FILE_NAME,
                "platforms:\n  - name: Tunebox\n    documents:\n"
                        + "      - type: Terms\n        url: https://tunebox.example/terms?api_key=" + API_KEY + "\n",
                "rw-r--r--");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .hasMessageContaining("policybot.yaml, line 1: this file holds")
                .satisfies(e -> assertNoSecretIn(e));
        assertThatThrownBy(() -> SourcesConfig.load(dir))
                .hasMessageStartingWith(sources + ", line 5: ")
                .satisfies(e -> assertNoSecretIn(e));
    }

    @Test
    void aWorldReadableFileWithoutSecretsLoads() throws IOException {
        write("policybot.yaml", "llm:\n  provider: none\n  timeout: PT5S\n", "rw-r--r--");

        assertThat(AppConfig.load(dir).llm().provider()).isEqualTo("none");
    }

    @Test
    void aRefusedApiKeyQuotedBackByTheServerStaysOutOfLogsAndAnswers() throws Exception {
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}";
        server.enqueue(json(500, echo));
        server.enqueue(json(401, echo));
        Answer answer;
        String logs;
        try (CapturedLogs captured = CapturedLogs.attach("dev.policybot", "dev.langchain4j")) {
            answer = asker("openai", Map.of("POLICYBOT_LLM_API_KEY", API_KEY))
                    .ask(Question.of("Can Tunebox train AI on my tracks?"));
            logs = captured.everything();
        }

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("Authorization"))
                .as("the key was sent")
                .isEqualTo("Bearer " + API_KEY);
        assertThat(answer.mode()).isEqualTo("extractive");
        assertThat(answer.note())
                .isEqualTo("The language model rejected the API key, so this answer quotes the documents directly.");
        assertThat(logs)
                .contains("HTTP 500")
                .contains("Incorrect API key provided")
                .doesNotContain(API_KEY);
        assertThat(answer.text() + answer.note()).doesNotContain(API_KEY);
    }

    @Test
    void anAnthropicKeyInItsOwnHeaderIsMaskedToo() throws Exception {
        server.enqueue(json(403, "{\"error\":{\"message\":\"key " + PASSWORD + " is disabled\"}}"));
        String logs;
        try (CapturedLogs captured = CapturedLogs.attach("dev.policybot", "dev.langchain4j")) {
            asker("anthropic", Map.of("ANTHROPIC_API_KEY", PASSWORD)).ask(Question.of("Can Tunebox train AI?"));
            logs = captured.everything();
        }

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(PASSWORD);
        assertThat(logs).contains("is disabled").doesNotContain(PASSWORD);
    }

    @Test
    void aMissingKeyIsNamedByItsVariableNeverByAValue() {
        assertThatThrownBy(() -> asker("anthropic", Map.of("OPENAI_API_KEY", API_KEY)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("POLICYBOT_LLM_API_KEY or ANTHROPIC_API_KEY")
                .satisfies(e -> assertNoSecretIn(e));
    }

    private Asker asker(String provider, Map<String, String> env) throws IOException {
        String base = "http://127.0.0.1:" + server.getPort() + (provider.equals("openai") ? "/v1" : "/v1/");
        write(
                "policybot.yaml",
                "llm:\n  provider: " + provider + "\n  baseUrl: " + base
                        + "\n  model: test-model\n  maxRetries: 1\n  timeout: PT5S\n",
                "rw-------");
        SearchResult evidence = new SearchResult(
                List.of(new ScoredClause(FixtureClauses.AI, 2), new ScoredClause(FixtureClauses.LICENSE, 1)),
                List.of("tunebox"),
                List.of("Tunebox · Terms of Service"));
        return AnswerWiring.asker(AppConfig.load(dir), env, request -> evidence, new BagOfWordsEmbedder());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private Path write(String name, String text, String permissions) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
        return file;
    }

    private static void assumePosix() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews())
                .as("POSIX permissions")
                .contains("posix");
    }

    private static void assertNoSecretIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN, API_KEY, PASSWORD);
            assertThat(t.toString()).doesNotContain(TOKEN, API_KEY, PASSWORD);
        }
    }
}
