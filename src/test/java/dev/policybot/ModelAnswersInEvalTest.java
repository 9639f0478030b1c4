package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.archive.ArchiveImport;
import dev.policybot.domain.VersionHistory;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.llm.ProviderWire;
import dev.policybot.search.LuceneClauseIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eval --answers} with a language model configured scores the model's answers beside the extractive ones on the
 * same questions: LangChain4j's real OpenAI client against a loopback server that answers each question its own way
 * (a quote of the first excerpt, a forged quote, an unreadable body, "not addressed").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelAnswersInEvalTest {
    private static final Path ARCHIVE = Path.of("src/test/resources/fixtures/retrieval/archive");
    private static final Pattern QUESTION = Pattern.compile("<question>\\n(.*?)\\n</question>", Pattern.DOTALL);
    private static final Pattern FIRST_EXCERPT =
            Pattern.compile("<excerpt n=\"1\"[^>]*>\\n(.*?)\\n</excerpt>", Pattern.DOTALL);
    private static final String SET = String.join(
            "\n",
            "{\"id\": \"m-1\", \"question\": \"can tunecloud train ai on my tracks?\", \"service\": \"tunecloud\", "
                    + "\"category\": \"direct\", \"gold\": [{\"document\": \"tunecloud/terms-of-service\", \"quote\": "
                    + "\"We will not use your content to train generative AI models without your explicit consent.\"}]}",
            "{\"id\": \"m-2\", \"question\": \"uninstalled tunecloud, is my account closed?\", \"service\": "
                    + "\"tunecloud\", \"category\": \"paraphrase\", \"gold\": [{\"document\": "
                    + "\"tunecloud/terms-of-service\", \"quote\": \"Deleting the app from your phone does not close "
                    + "your account.\"}]}",
            "{\"id\": \"m-3\", \"question\": \"does tunecloud give my info to ad companies?\", \"service\": "
                    + "\"tunecloud\", \"category\": \"paraphrase\", \"gold\": [{\"document\": "
                    + "\"tunecloud/privacy-policy\", \"quote\": \"We share a pseudonymous identifier with advertising "
                    + "partners to show you personalised ads.\"}]}",
            "{\"id\": \"m-4\", \"question\": \"what is the boiling point of water on mount everest?\", \"service\": "
                    + "\"tunecloud\", \"category\": \"abstain\", \"gold\": []}",
            "");

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private MockWebServer server;
    private Path questions;

    @BeforeAll
    void buildIndexAndStartTheModel() throws IOException {
        try (InProcessEmbedder embedder = new InProcessEmbedder();
                LuceneClauseIndex lucene = new LuceneClauseIndex(dir.resolve("index/lucene"), embedder)) {
            lucene.rebuild(VersionHistory.splitAll(ArchiveImport.read(ARCHIVE), new MarkdownClauseSplitter()));
        }
        questions = Files.writeString(dir.resolve("questions.jsonl"), SET);
        server = new MockWebServer();
        server.setDispatcher(new ScriptedModel());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        Files.createDirectories(dir.resolve("with-llm"));
        Files.writeString(
                dir.resolve("with-llm/policybot.yaml"),
                "llm:\n  provider: openai\n  baseUrl: http://127.0.0.1:" + server.getPort() + "/v1\n"
                        + "  model: test-model\n  timeout: PT5S\n  maxRetries: 0\n");
        Files.createDirectories(dir.resolve("without-llm"));
    }

    @AfterAll
    void stopTheModel() {
        server.close();
    }

    /** Answers by the question: the four kinds of reply a model may give. */
    private static final class ScriptedModel extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String sent = ProviderWire.textOf(request.getBody().utf8());
            String question = group(QUESTION, sent);
            if (question.contains("train ai")) {
                String first =
                        group(FIRST_EXCERPT, sent).split("(?<=[.!?])\\s+")[0].replaceAll("[.!?]$", "");
                return ProviderWire.OPENAI.answering("Its terms say \"" + first + "\" [1].");
            }
            if (question.contains("uninstalled")) {
                return ProviderWire.OPENAI.answering(
                        "Yes: the terms say \"uninstalling the app closes your account for good\" [1].");
            }
            if (question.contains("ad companies")) {
                return ProviderWire.json(200, "<html>this is not json{");
            }
            return ProviderWire.OPENAI.answering("NOT_ADDRESSED");
        }

        private static String group(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.group(1) : "";
        }
    }

    private int eval(String config, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = PolicyBot.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of(
                "--index",
                dir.resolve("index").toString(),
                "--config",
                dir.resolve(config).toString(),
                "eval",
                "--questions",
                questions.toString(),
                "--systems",
                "hybrid"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void model_and_extractive_answers_are_scored_side_by_side_and_only_verified_citations_count() throws Exception {
        Path answersOut = dir.resolve("answers.jsonl");

        assertThat(eval("with-llm", "--answers", "--json", "--answers-out", answersOut.toString()))
                .isZero();

        JsonNode answerers = json.readTree(out.toString()).path("answerers");
        assertThat(answerers.has("extractive")).isTrue();
        JsonNode model = answerers.path("llm:openai");
        assertThat(model.path("counts").path("answerable").asInt()).isEqualTo(3);
        assertThat(model.path("counts").path("unanswerable").asInt()).isEqualTo(1);
        JsonNode audit = model.path("model");
        assertThat(audit.path("answers").asInt()).isEqualTo(4);
        assertThat(audit.path("modelCitations").asInt())
                .as("the good and the forged reply cite one clause each")
                .isEqualTo(2);
        assertThat(audit.path("verifiedCitations").asInt())
                .as("the forged quote's citation is not verified")
                .isEqualTo(1);
        assertThat(audit.path("verifiedCitationRate").asDouble()).isEqualTo(0.5);
        assertThat(audit.path("byModel").asInt()).isEqualTo(2);
        assertThat(audit.path("declinedByModel").asInt()).isEqualTo(1);
        assertThat(audit.path("replaced").asInt()).isEqualTo(1);
        assertThat(audit.path("noUsableReply").asInt()).isEqualTo(1);
        assertThat(model.path("abstainAccuracy").asDouble())
                .as("the model said not addressed")
                .isEqualTo(1.0);
        assertThat(model.path("counts").path("citationHits").asInt())
                .as("the good reply cites the gold clause; the replaced and fallen-back answers are extractive")
                .isGreaterThanOrEqualTo(1);

        List<JsonNode> lines =
                Files.readAllLines(answersOut).stream().map(this::read).toList();
        assertThat(lines).hasSize(8);
        assertThat(lines).extracting(l -> l.path("answerer").asText()).containsOnly("extractive", "llm:openai");
        JsonNode forged = lines.stream()
                .filter(l -> l.path("answerer").asText().equals("llm:openai")
                        && l.path("id").asText().equals("m-2"))
                .findFirst()
                .orElseThrow();
        assertThat(forged.path("mode").asText()).isEqualTo("extractive");
        assertThat(forged.path("verifiedCitations").asInt()).isZero();
    }

    @Test
    void an_unreadable_reply_is_one_clear_line_and_the_run_goes_on() {
        assertThat(eval("with-llm", "--answers", "both")).isZero();

        List<String> faults = err.toString()
                .lines()
                .filter(line -> line.contains("no usable reply"))
                .toList();
        assertThat(faults)
                .containsExactly("llm:openai gave no usable reply to 1 of 4 questions (first: The language model sent "
                        + "a reply that could not be read, so this answer quotes the documents directly.); each is "
                        + "scored as the extractive answer shown instead.");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString())
                .contains("answers side by side, same questions:")
                .contains("llm:openai: verified citations 0.500 (1 of 2 cited)")
                .contains("outcomes of llm:openai answers:")
                .contains("outcomes of extractive answers:");
    }

    @Test
    void extractive_answers_alone_never_call_the_model() throws Exception {
        int before = server.getRequestCount();

        assertThat(eval("with-llm", "--answers", "extractive", "--json")).isZero();

        assertThat(server.getRequestCount()).isEqualTo(before);
        assertThat(json.readTree(out.toString()).path("answerers").has("llm:openai"))
                .isFalse();
    }

    @Test
    void asking_for_model_answers_without_a_model_is_bad_input() {
        assertThat(eval("without-llm", "--answers", "llm")).isEqualTo(2);
        assertThat(err.toString()).contains("needs a language model");
        assertThat(eval("without-llm", "--answers", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).contains("--answers must be one of extractive, llm, both");
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
