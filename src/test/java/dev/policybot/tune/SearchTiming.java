package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.domain.Clause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.VersionHistory;
import dev.policybot.domain.port.Embedder;
import dev.policybot.embedding.RecentQueries;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: search latency on an index the bench kept (e.g. {@code -Dpolicybot.index=/tmp/policybot-bench/index-x100}),
 * with questions made the way the bench makes them and embedded beforehand, so a profiler sees retrieval alone and the
 * slowest questions are printed. Tagged {@code tuning}.
 */
@Tag("tuning")
class SearchTiming {
    @Test
    void latencies() {
        Path indexDir = Path.of(System.getProperty("policybot.index", "/tmp/policybot-bench/index-x100"));
        Path corpus = Path.of(System.getProperty("archive", "../shared/corpus"));
        assumeTrue(Files.isRegularFile(indexDir.resolve("CURRENT")) && Files.isDirectory(corpus), "needs a kept index");
        List<Clause> clauses = VersionHistory.splitAll(ArchiveImport.read(corpus), new MarkdownClauseSplitter());
        List<String> questions = questions(clauses, Integer.getInteger("queries", 200));
        int rounds = Integer.getInteger("rounds", 3);
        try (InProcessEmbedder raw = new InProcessEmbedder();
                LuceneClauseIndex index = new LuceneClauseIndex(indexDir, raw, null)) {
            Embedder model = new RecentQueries(raw, questions.size() + 10);
            questions.forEach(model::embedQuery);
            for (String system :
                    System.getProperty("systems", "hybrid,bm25,dense").split(",")) {
                HybridClauseSearch search = new HybridClauseSearch(index, model, mode(system), Tuning.DEFAULT);
                long[] nanos = new long[questions.size()];
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < questions.size(); i++) {
                        long t = System.nanoTime();
                        search.search(new SearchRequest(questions.get(i), Set.of(), null, null, 10));
                        nanos[i] = System.nanoTime() - t;
                    }
                }
                if (System.getProperty("dump") != null) {
                    dump(search, questions, Path.of(System.getProperty("dump") + "." + system));
                }
                long[] sorted = nanos.clone();
                Arrays.sort(sorted);
                System.out.printf(
                        Locale.ROOT,
                        "%-7s p50 %6.2f  p95 %6.2f  p99 %6.2f  max %6.2f ms%n",
                        system,
                        sorted[sorted.length / 2] / 1e6,
                        sorted[sorted.length * 95 / 100] / 1e6,
                        sorted[sorted.length * 99 / 100] / 1e6,
                        sorted[sorted.length - 1] / 1e6);
                for (int i = 0; i < questions.size(); i++) {
                    if (nanos[i] >= sorted[sorted.length * 97 / 100]) {
                        System.out.printf(Locale.ROOT, "   slow %6.2f ms  %s%n", nanos[i] / 1e6, questions.get(i));
                    }
                }
            }
        }
    }

    /** Each question's top 10 (clause id and score), to compare two versions of the code. */
    private static void dump(HybridClauseSearch search, List<String> questions, Path file) {
        StringBuilder out = new StringBuilder();
        for (String question : questions) {
            out.append(question).append('\n');
            search.search(new SearchRequest(question, Set.of(), null, null, 10))
                    .hits()
                    .forEach(hit -> out.append("  ")
                            .append(hit.clause().versionKey())
                            .append(' ')
                            .append(hit.score())
                            .append('\n'));
        }
        try {
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        new SearchTiming().latencies();
    }

    private static RetrievalMode mode(String system) {
        return switch (system) {
            case "bm25" -> RetrievalMode.BM25;
            case "dense" -> RetrievalMode.DENSE;
            default -> RetrievalMode.HYBRID;
        };
    }

    /** As the bench makes them: a few consecutive words of a current clause, half naming its platform. */
    private static List<String> questions(List<Clause> corpus, int n) {
        List<Clause> current = corpus.stream().filter(Clause::isCurrent).toList();
        Random random = new Random(20260807L);
        Set<String> questions = new LinkedHashSet<>();
        while (questions.size() < n) {
            Clause clause = current.get(random.nextInt(current.size()));
            String[] all = clause.text()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}]+", " ")
                    .strip()
                    .split(" ");
            if (all.length >= 6) {
                int length = Math.min(all.length, 4 + random.nextInt(5));
                int start = random.nextInt(all.length - length + 1);
                String words = String.join(" ", Arrays.asList(all).subList(start, start + length));
                questions.add(
                        random.nextBoolean()
                                ? "what does " + clause.platform() + " say about " + words + "?"
                                : words + "?");
            }
        }
        return new ArrayList<>(questions);
    }
}
