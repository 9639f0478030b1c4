package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.archive.ArchiveImport;
import dev.policybot.domain.VersionHistory;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.Halves;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.search.LuceneClauseIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAndEvalCommandTest {
    private static final Path ARCHIVE = Path.of("src/test/resources/fixtures/retrieval/archive");

    @TempDir
    static Path index;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    void buildIndex() {
        try (InProcessEmbedder embedder = new InProcessEmbedder();
                LuceneClauseIndex lucene = new LuceneClauseIndex(index.resolve("lucene"), embedder)) {
            lucene.rebuild(VersionHistory.splitAll(ArchiveImport.read(ARCHIVE), new MarkdownClauseSplitter()));
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = PolicyBot.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--index";
        all[1] = index.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.execute(all);
    }

    @Test
    void search_json_lists_the_best_clause_first_with_every_field() throws Exception {
        assertThat(run("search", "can tunecloud train ai on my tracks", "--json", "--limit", "3"))
                .isZero();
        JsonNode hits = new ObjectMapper().readTree(out.toString());
        assertThat(hits).hasSize(3);
        JsonNode first = hits.get(0);
        assertThat(first.path("text").asText()).contains("We will not use your content to train generative AI models");
        assertThat(first.path("platform").asText()).isEqualToIgnoringCase("tunecloud");
        assertThat(first.path("version").asText()).isEqualTo("2025-06-01");
        for (String field :
                new String[] {"clauseId", "platform", "document", "section", "version", "score", "url", "text"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
    }

    @Test
    void search_as_of_a_past_day_finds_the_old_version() {
        assertThat(run("search", "machine learning on my tracks", "--platform", "TuneCloud", "--as-of", "2024-01-01"))
                .isZero();
        assertThat(out.toString()).contains("version 2023-01-10").doesNotContain("version 2025-06-01");
    }

    @Test
    void search_rejects_a_bad_date_as_bad_input() {
        assertThat(run("search", "refunds", "--as-of", "last week")).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of");
    }

    @Test
    void eval_rejects_an_unknown_scope_or_system_as_bad_input() {
        String questions = "src/test/resources/fixtures/retrieval/questions.jsonl";
        assertThat(run("eval", "--questions", questions, "--scope", "everywhere"))
                .isEqualTo(2);
        assertThat(run("eval", "--questions", questions, "--systems", "hybrid,magic"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("magic");
    }

    @Test
    void eval_over_the_configured_index_prints_json_metrics() throws Exception {
        assertThat(run(
                        "eval",
                        "--questions",
                        "src/test/resources/fixtures/retrieval/questions.jsonl",
                        "--systems",
                        "hybrid,bm25",
                        "--json"))
                .isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("hybrid").path("all").path("n").asInt()).isEqualTo(10);
        assertThat(report.path("bm25").path("all").has("mrr10")).isTrue();
    }

    @Test
    void eval_of_a_set_with_unanswerable_questions_also_scores_the_answers() throws Exception {
        Path set = index.resolve("with-abstain.jsonl");
        String unanswerable =
                "{\"id\": \"x-1\", \"question\": \"what is the boiling point of water on mount everest?\", "
                        + "\"service\": \"tunecloud\", \"category\": \"abstain\", \"gold\": []}\n";
        Files.writeString(
                set, Files.readString(Path.of("src/test/resources/fixtures/retrieval/questions.jsonl")) + unanswerable);
        assertThat(run("eval", "--questions", set.toString(), "--systems", "hybrid", "--json"))
                .isZero();
        JsonNode answers = new ObjectMapper().readTree(out.toString()).path("answers");
        assertThat(answers.path("system").asText()).isEqualTo("hybrid");
        assertThat(answers.path("counts").path("unanswerable").asInt()).isEqualTo(1);
        assertThat(answers.path("counts").path("answerable").asInt()).isEqualTo(10);
        assertThat(answers.path("abstainAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(answers.path("citationRecall").asDouble()).isGreaterThanOrEqualTo(0.8);

        assertThat(run("eval", "--questions", set.toString(), "--systems", "hybrid", "--no-answers"))
                .isZero();
        assertThat(out.toString()).doesNotContain("abstain accuracy");
    }

    @Test
    void eval_runs_one_half_writes_outcomes_and_shows_a_baseline_beside_them() throws Exception {
        Path set = Path.of("src/test/resources/fixtures/retrieval/questions.jsonl");
        Path answers = index.resolve("answers.jsonl");
        Path baseline = index.resolve("baseline.jsonl");
        List<String> ids =
                QuestionSetReader.read(set).stream().map(EvalQuestion::id).toList();
        StringBuilder declinedEverything = new StringBuilder();
        ids.forEach(id -> declinedEverything
                .append("{\"id\":\"")
                .append(id)
                .append("\",\"category\":\"direct\","
                        + "\"answerable\":true,\"abstained\":true,\"relevance\":0.1,\"citesGold\":false}\n"));
        Files.writeString(baseline, declinedEverything);

        assertThat(run(
                        "eval",
                        "--questions",
                        set.toString(),
                        "--systems",
                        "hybrid",
                        "--answers",
                        "--half",
                        "check",
                        "--answers-out",
                        answers.toString(),
                        "--baseline",
                        baseline.toString(),
                        "--json"))
                .isZero();

        List<EvalQuestion> check = Halves.select(QuestionSetReader.read(set), Halves.Half.CHECK);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("hybrid").path("all").path("n").asInt()).isEqualTo(check.size());
        assertThat(report.path("answers")
                        .path("baseline")
                        .path("all")
                        .path("abstainedWrongly")
                        .asInt())
                .isEqualTo(check.size());
        List<String> lines = Files.readAllLines(answers);
        assertThat(lines)
                .hasSize(check.size())
                .allSatisfy(line -> assertThat(new ObjectMapper()
                                .readTree(line)
                                .path("outcome")
                                .asText())
                        .isIn("answered", "closest-passages", "not-addressed"));
        assertThat(new ObjectMapper().readTree(lines.get(0)).path("half").asText())
                .isEqualTo("check");
    }

    @Test
    void eval_rejects_an_unknown_half_as_bad_input() {
        assertThat(run(
                        "eval",
                        "--questions",
                        "src/test/resources/fixtures/retrieval/questions.jsonl",
                        "--half",
                        "middle"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--half");
    }
}
