package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.domain.Clause;
import dev.policybot.domain.VersionHistory;
import dev.policybot.domain.port.Embedder;
import dev.policybot.embedding.RecentQueries;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.Evaluation;
import dev.policybot.eval.Metrics;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.question.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a sweep of {@link Tuning} settings over a question set with its service given (PolicyQA dev by default),
 * building the index once and embedding each query once for the whole sweep, so a setting costs only its searches
 * (about a minute on PolicyQA dev, where a full {@code eval} takes several). Tagged {@code tuning}, so only an explicit
 * run executes it, e.g. {@code mvn -o test -Dtest=RetrievalTuning -DexcludedTestGroups=none
 * -Dtunings='b=0.3;b=0.5' -Dcache=$PWD/index/eval-cache/documents-6d8d1c83}. System properties: {@code tunings}
 * ({@link Tuning#parse} specs separated by ';'), {@code systems} (hybrid, bm25, dense), {@code questions}, {@code half}
 * ({@code tune}, {@code check} or {@code all}, see {@code eval.Halves}),
 * {@code archive}, {@code scope} ({@code given} or {@code detect}, for corpus-dev), and {@code cache} (an eval embedding
 * cache folder, so no clause is embedded twice). Prints the metrics over the answerable questions and the time per
 * question (searches only, after the first setting, which also embeds the queries).
 */
@Tag("tuning")
class RetrievalTuning {
    @Test
    void sweep() throws IOException {
        Path questionsFile = Path.of(System.getProperty("questions", "../shared/eval/policyqa/questions-dev.jsonl"));
        Path archive = Path.of(System.getProperty("archive", "../shared/eval/policyqa/documents"));
        assumeTrue(Files.isRegularFile(questionsFile) && Files.isDirectory(archive), "needs ../shared");
        Path cache = System.getProperty("cache") == null ? null : Path.of(System.getProperty("cache"));
        List<EvalQuestion> questions = dev.policybot.eval.Halves.select(
                        QuestionSetReader.read(questionsFile),
                        dev.policybot.eval.Halves.Half.parse(System.getProperty("half", "all")))
                .stream()
                .filter(q -> !q.gold().isEmpty())
                .toList();
        Evaluation.Scope scope =
                Evaluation.Scope.valueOf(System.getProperty("scope", "given").toUpperCase(Locale.ROOT));
        List<Clause> clauses = VersionHistory.splitAll(ArchiveImport.read(archive), new MarkdownClauseSplitter());
        Path dir = Files.createTempDirectory("retrieval-tuning-");
        try (InProcessEmbedder model = new InProcessEmbedder();
                LuceneClauseIndex index = new LuceneClauseIndex(dir.resolve("lucene"), model, cache)) {
            // every query embedded once for the whole sweep
            Embedder queries = new RecentQueries(model, Integer.MAX_VALUE);
            PolicyQueryUnderstanding understanding =
                    new PolicyQueryUnderstanding(queries, PolicyQueryUnderstanding.Settings.DEFAULT);
            index.rebuild(clauses);
            for (String spec : System.getProperty("tunings", "").split(";")) {
                Tuning tuning = Tuning.parse(spec, Tuning.DEFAULT);
                for (String system : System.getProperty("systems", "hybrid").split(",")) {
                    HybridClauseSearch search =
                            new HybridClauseSearch(index, queries, mode(system), tuning, understanding);
                    long start = System.nanoTime();
                    Metrics m = Evaluation.score(new Evaluation(scope, 10).run(system, search, questions, run -> {}))
                            .get(Evaluation.ALL);
                    double msPerQuestion = (System.nanoTime() - start) / 1e6 / questions.size();
                    System.out.printf(
                            Locale.ROOT,
                            "tuning %-24s %-6s R@1 %.3f R@3 %.3f R@5 %.3f R@10 %.3f MRR %.3f (%.1f ms/question)%n",
                            spec.isBlank() ? "default" : spec,
                            system,
                            m.r1(),
                            m.r3(),
                            m.r5(),
                            m.r10(),
                            m.mrr10(),
                            msPerQuestion);
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    public static void main(String[] args) throws IOException {
        new RetrievalTuning().sweep();
    }

    private static RetrievalMode mode(String system) {
        return switch (system) {
            case "bm25" -> RetrievalMode.BM25;
            case "dense" -> RetrievalMode.DENSE;
            default -> RetrievalMode.HYBRID;
        };
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
