package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.app.SearchWiring;
import dev.policybot.cli.RetrievalSystems;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.EvalReport;
import dev.policybot.eval.EvalRun;
import dev.policybot.eval.Evaluation;
import dev.policybot.eval.QuestionSetReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The German quality ratchet beside {@link RetrievalFixtureTest}: 30 questions written in German (as typed, with
 * compounds, umlauts, colloquial wording; two as-of and cross-platform) over the same hand-written fixture documents,
 * searched as the product searches (glossary, lay wording, intents; the platform detected from the German text) with
 * the real in-process model. The product's first hit is pinned for every question in {@code expected-top-de.json};
 * a change that moves one must update the pin knowingly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GermanRetrievalFixtureTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/retrieval");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private final Map<String, Map<String, EvalRun>> runsBySystem = new LinkedHashMap<>();

    @BeforeAll
    void runEval() {
        List<EvalQuestion> questions = QuestionSetReader.read(FIXTURE.resolve("questions-de.jsonl"));
        SearchWiring wiring = new SearchWiring(tmp.resolve("index"));
        EvalReport report = new EvalReport();
        try (RetrievalSystems.Opened opened =
                wiring.open(List.of(FIXTURE.resolve("archive")), List.of("hybrid", "bm25", "dense"))) {
            opened.systems().forEach((name, system) -> {
                List<EvalRun> runs = new Evaluation(Evaluation.Scope.DETECT, 10).run(name, system, questions, r -> {});
                Map<String, EvalRun> byId = new LinkedHashMap<>();
                runs.forEach(run -> byId.put(run.question().id(), run));
                runsBySystem.put(name, byId);
                report.add(name, Evaluation.score(runs), 0);
            });
        }
        System.out.println(report.table());
    }

    private static String top(EvalRun run) {
        return run.results().isEmpty() ? "" : run.results().get(0).clause().versionKey();
    }

    @Test
    void the_product_ranks_the_pinned_clause_first_for_every_german_question() throws Exception {
        JsonNode expected =
                JSON.readTree(FIXTURE.resolve("expected-top-de.json").toFile());
        Map<String, EvalRun> hybrid = runsBySystem.get("hybrid");
        Map<String, String> actual = new LinkedHashMap<>();
        hybrid.forEach((id, run) -> actual.put(id, top(run)));
        System.out.println(
                "hybrid first hits: " + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        assertThat(expected.size()).isEqualTo(30);
        expected.fields()
                .forEachRemaining(e -> assertThat(actual.get(e.getKey()))
                        .as(e.getKey())
                        .isEqualTo(e.getValue().asText()));
    }

    @Test
    void every_german_question_finds_its_answer_in_the_top_three_of_the_product() {
        runsBySystem
                .get("hybrid")
                .forEach((id, run) -> assertThat(run.firstHitRank()).as(id).isBetween(1, 3));
    }

    @Test
    void keyword_and_vector_search_alone_also_find_most_german_answers_in_the_top_three() {
        for (String system : List.of("bm25", "dense")) {
            long found = runsBySystem.get(system).values().stream()
                    .filter(run -> run.firstHitRank() >= 1 && run.firstHitRank() <= 3)
                    .count();
            assertThat(found).as(system).isGreaterThanOrEqualTo(24);
        }
    }
}
