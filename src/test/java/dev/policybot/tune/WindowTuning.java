package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.core.Clause;
import dev.policybot.core.Embedder;
import dev.policybot.core.VersionHistory;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.Evaluation;
import dev.policybot.eval.Metrics;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.ingest.ArchiveImport;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.query.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.SentenceWindows;
import dev.policybot.search.Tuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a sweep of sentence windows (index side) and retrieval tunings (query side) over a question set with a
 * given service, e.g. PolicyQA dev; query vectors are computed once for all settings. Tagged {@code tuning}. Settings
 * come from system properties: {@code windows} ("minWords/sentences/stride" separated by ';', "none" for none),
 * {@code tunings} ({@link Tuning#parse} specs separated by ';'), {@code systems}, {@code questions}, {@code archive}
 * and {@code cache} (an eval embedding cache folder, so nothing is embedded twice).
 */
@Tag("tuning")
class WindowTuning {
    @Test
    void sweep() throws IOException {
        Path questionsFile = Path.of(System.getProperty("questions", "../shared/eval/policyqa/questions-dev.jsonl"));
        Path archive = Path.of(System.getProperty("archive", "../shared/eval/policyqa/documents"));
        assumeTrue(Files.isRegularFile(questionsFile) && Files.isDirectory(archive), "needs ../shared");
        Path cache = System.getProperty("cache") == null ? null : Path.of(System.getProperty("cache"));
        List<EvalQuestion> questions = QuestionSetReader.read(questionsFile);
        List<Clause> clauses = VersionHistory.splitAll(ArchiveImport.read(archive), new MarkdownClauseSplitter());
        try (InProcessEmbedder model = new InProcessEmbedder()) {
            Embedder queries = new QueryMemo(model);
            PolicyQueryUnderstanding understanding = new PolicyQueryUnderstanding(queries,
                    PolicyQueryUnderstanding.Settings.DEFAULT);
            for (String windowSpec : System.getProperty("windows", "none;60/2/1").split(";")) {
                SentenceWindows windows = parseWindows(windowSpec);
                Path dir = Files.createTempDirectory("window-tuning-");
                try (LuceneClauseIndex index = new LuceneClauseIndex(dir.resolve("lucene"), model, cache, windows)) {
                    long start = System.nanoTime();
                    index.rebuild(clauses);
                    long buildMs = (System.nanoTime() - start) / 1_000_000;
                    System.out.printf(Locale.ROOT, "windows %s: built in %d ms, %d bytes%n", windowSpec, buildMs,
                            size(dir));
                    for (String tuningSpec : System.getProperty("tunings", "ww=0;ww=1").split(";")) {
                        String[] parts = tuningSpec.split("@");
                        for (int i = 1; i < parts.length; i++) {
                            String[] kv = parts[i].split("=", 2);
                            System.setProperty(kv[0], kv[1]);
                        }
                        Tuning tuning = Tuning.parse(parts[0], Tuning.DEFAULT);
                        for (String system : System.getProperty("systems", "hybrid").split(",")) {
                            HybridClauseSearch search = new HybridClauseSearch(index, queries, mode(system), tuning,
                                    understanding);
                            Metrics m = Evaluation.score(new Evaluation(Evaluation.Scope.GIVEN, 10)
                                    .run(system, search, questions, run -> { })).get(Evaluation.ALL);
                            System.out.printf(Locale.ROOT,
                                    "windows %-8s tuning %-20s %-6s R@1 %.3f R@3 %.3f R@5 %.3f R@10 %.3f MRR %.3f%n",
                                    windowSpec, tuningSpec, system, m.r1(), m.r3(), m.r5(), m.r10(), m.mrr10());
                        }
                        for (int i = 1; i < parts.length; i++) {
                            System.clearProperty(parts[i].split("=", 2)[0]);
                        }
                    }
                } finally {
                    deleteTree(dir);
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        new WindowTuning().sweep();
    }

    private static SentenceWindows parseWindows(String spec) {
        if (spec.strip().equals("none")) {
            return SentenceWindows.NONE;
        }
        String[] parts = spec.strip().split("/");
        return new SentenceWindows(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    private static RetrievalMode mode(String system) {
        return switch (system) {
            case "bm25" -> RetrievalMode.BM25;
            case "dense" -> RetrievalMode.DENSE;
            default -> RetrievalMode.HYBRID;
        };
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("embeddings"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The model, with every query embedded once for the whole sweep. */
    private record QueryMemo(Embedder model, Map<String, float[]> memo) implements Embedder {
        QueryMemo(Embedder model) {
            this(model, new ConcurrentHashMap<>());
        }

        @Override
        public float[] embedQuery(String query) {
            return memo.computeIfAbsent(query, model::embedQuery);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return model.embedAll(texts);
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public String modelId() {
            return model.modelId();
        }
    }
}
