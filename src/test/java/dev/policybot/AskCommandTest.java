package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.app.AnswerWiring;
import dev.policybot.cli.AskCommand;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.ExitCodes;
import dev.policybot.config.AppConfig;
import dev.policybot.domain.Answer;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FakeClauseSearch;
import dev.policybot.fakes.FixtureClauses;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ask} end to end through picocli and the root's answering wiring, over fixture clauses with a fake search,
 * optionally with an OpenAI-compatible server on loopback configured through the environment.
 */
class AskCommandTest {
    private static final String QUESTION = "Can Tunebox train AI on my tracks?";

    private final FakeClauseSearch search = new FakeClauseSearch(FixtureClauses.all()).limitedTo(3);
    private final Map<String, String> env = new HashMap<>();
    private MockWebServer server;

    /**
     * The root the subcommand sees: answering wired as in {@link PolicyBot}, over the fake search. A proxy rather than
     * a class, so the test keeps compiling as other commands add accessors to {@link CliContext}.
     */
    private CliContext context() {
        return (CliContext) Proxy.newProxyInstance(
                CliContext.class.getClassLoader(),
                new Class<?>[] {CliContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "asker" -> AnswerWiring.asker(AppConfig.defaults(), env, search, new BagOfWordsEmbedder());
                    case "ensureIndex" -> null;
                    case "configDir" -> Path.of("config");
                    case "indexDir" -> Path.of("index");
                    case "toString" -> "test context";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(CommandLine.Model.CommandSpec.wrapWithoutInspection(context()));
        commandLine.addSubcommand("ask", new AskCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void useLoopbackModel() {
        env.put("POLICYBOT_LLM_PROVIDER", "openai");
        env.put("POLICYBOT_LLM_BASE_URL", "http://127.0.0.1:" + server.getPort() + "/v1");
        env.put("POLICYBOT_LLM_MODEL", "local-model");
    }

    private static MockResponse openAiReply(String text) {
        String body = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"local-model\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":" + new ObjectMapper().valueToTree(text) + "}}]}";
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void prints_the_extractive_answer_numbered_citations_with_quotes_and_the_reminder() {
        Run run = run("ask", QUESTION);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Tunebox's Terms of Service (version 2026-08-17) say: \u201c")
                .contains(
                        "\n[1] Tunebox \u00b7 Terms of Service \u00b7 Artificial intelligence \u00b7 version 2026-08-17 "
                                + "\u00b7 https://tunebox.example/terms#:~:text=artificial-intelligence\n    \u201c")
                .contains(FixtureClauses.AI_SENTENCE)
                .endsWith("\n" + Answer.DISCLAIMER + "\n")
                .doesNotContain("Note:");
    }

    @Test
    void json_output_has_the_documented_fields() throws IOException {
        Run run = run("ask", QUESTION, AskCommand.JSON, AskCommand.PLATFORM, "Tunebox");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("answer").asText()).startsWith("Tunebox's Terms of Service (version 2026-08-17) say:");
        JsonNode first = json.get("citations").get(0);
        assertThat(first.get("n").asInt()).isEqualTo(1);
        assertThat(first.get("clauseId").asText()).isEqualTo(FixtureClauses.AI.id());
        assertThat(first.get("platform").asText()).isEqualTo("Tunebox");
        assertThat(first.get("document").asText()).isEqualTo("Terms of Service");
        assertThat(first.get("section").asText()).isEqualTo("Artificial intelligence");
        assertThat(first.get("version").asText()).isEqualTo("2026-08-17");
        assertThat(first.get("url").asText()).isEqualTo(FixtureClauses.AI.deepLink());
        assertThat(first.get("quote").asText()).contains(FixtureClauses.AI_SENTENCE);
        assertThat(json.get("abstained").asBoolean()).isFalse();
        assertThat(json.get("outcome").asText()).isEqualTo("answered");
        assertThat(json.get("language").asText()).isEqualTo("en");
        assertThat(json.get("mode").asText()).isEqualTo("extractive");
        assertThat(json.get("platforms")).hasSize(1);
        assertThat(json.get("searched").get(0).asText()).startsWith("Tunebox \u00b7 ");
        assertThat(json.get("relevance").asDouble()).isPositive();
        assertThat(search.lastRequest().platformIds()).containsExactly("tunebox");
    }

    @Test
    void an_unaddressed_question_says_so_and_names_what_was_searched() {
        Run run = run("ask", "how much does tunebox pay artists per stream?");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Tunebox's indexed documents don't address this. Searched: ")
                .doesNotContain("[1]");
    }

    @Test
    void a_model_reply_citing_a_clause_that_was_not_given_shows_no_such_citation() {
        useLoopbackModel();
        server.enqueue(openAiReply("No \u2014 Tunebox will not train generative AI on your music without your "
                + "opt-in [1]. It sells your tracks to AI labs [4]."));

        Run run = run("ask", QUESTION);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(
                        "No \u2014 Tunebox will not train generative AI on your music without your " + "opt-in [1].\n")
                .doesNotContain("[4]")
                .doesNotContain("sells your tracks")
                .doesNotContain("[2]")
                .contains("\n[1] Tunebox \u00b7 Terms of Service \u00b7 Artificial intelligence")
                .contains("Note: 1 citation that did not match the retrieved passages was removed.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_failing_model_server_still_answers_extractively_with_a_one_line_note() {
        useLoopbackModel();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .code(500)
                        .body("{\"error\":\"down\"}")
                        .build();
            }
        });

        Run run = run("ask", QUESTION);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Tunebox's Terms of Service (version 2026-08-17) say:")
                .contains("\nNote: The language model server failed (HTTP 500), so this answer quotes the documents "
                        + "directly.\n")
                .endsWith(Answer.DISCLAIMER + "\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_malformed_date_is_bad_input() {
        Run run = run("ask", QUESTION, AskCommand.AS_OF, "last year");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of takes a date as YYYY-MM-DD, not 'last year'");
    }

    @Test
    void the_day_asked_reaches_the_search() {
        Run run =
                run("ask", "can tunebox train machine learning models on my content?", AskCommand.AS_OF, "2025-01-01");

        assertThat(run.exitCode()).isZero();
        assertThat(search.lastRequest().asOf()).hasToString("2025-01-01");
        assertThat(run.out()).startsWith("Tunebox's Terms of Service (version 2024-01-10) say:");
    }
}
