package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The quality ratchet on our own fixture: a hand-written mini question set over hand-written documents, run through
 * {@code eval} with the real in-process model and the platform detected from the text, with the exact top 2 of the
 * product pinned. A change that moves any of them must update {@code expected-top.json} knowingly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalFixtureTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/retrieval");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private final Map<String, Map<String, List<String>>> topBySystem = new LinkedHashMap<>();
    private String table;

    @BeforeAll
    void runEval() throws Exception {
        Path runOut = tmp.resolve("run.jsonl");
        StringWriter out = new StringWriter();
        CommandLine cli = PolicyBot.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(
                "--index",
                tmp.resolve("index").toString(),
                "eval",
                "--questions",
                FIXTURE.resolve("questions.jsonl").toString(),
                "--archive",
                FIXTURE.resolve("archive").toString(),
                "--scope",
                "detect",
                "--run-out",
                runOut.toString());
        assertThat(exit).isZero();
        table = out.toString();
        for (String line : Files.readAllLines(runOut)) {
            JsonNode run = JSON.readTree(line);
            List<String> ids = new ArrayList<>();
            run.path("results")
                    .forEach(r -> ids.add(r.path("clauseId").asText() + "@"
                            + r.path("version").asText()));
            topBySystem
                    .computeIfAbsent(run.path("system").asText(), s -> new LinkedHashMap<>())
                    .put(run.path("id").asText(), ids);
        }
    }

    @Test
    void the_product_ranks_the_pinned_clauses_first_for_every_fixture_question() throws Exception {
        JsonNode expected = JSON.readTree(FIXTURE.resolve("expected-top.json").toFile());
        Map<String, List<String>> hybrid = topBySystem.get("hybrid");
        expected.fields().forEachRemaining(e -> {
            List<String> want = new ArrayList<>();
            e.getValue().forEach(v -> want.add(v.asText()));
            assertThat(hybrid.get(e.getKey())).as(e.getKey()).startsWith(want.toArray(String[]::new));
        });
    }

    @Test
    void eval_prints_every_system_side_by_side_with_every_category() {
        assertThat(table).contains("hybrid", "bm25", "dense", "easyrag", "as-of", "paraphrase", "cross-platform");
        assertThat(topBySystem).containsOnlyKeys("hybrid", "bm25", "dense", "easyrag");
        topBySystem.values().forEach(runs -> assertThat(runs).hasSize(10));
    }

    @Test
    void an_as_of_question_gets_only_the_version_in_force_that_day() {
        topBySystem.values().forEach(runs -> assertThat(runs.get("f-02")).allMatch(id -> id.endsWith("@2023-01-10")));
    }
}
