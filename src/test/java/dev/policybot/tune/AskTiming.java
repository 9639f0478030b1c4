package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.answer.AskService;
import dev.policybot.answer.CitationVerifier;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.embedding.RecentQueries;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.question.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Not a test: where an extractive ask's time goes, phase by phase, over the product index. Tagged {@code tuning}. */
@Tag("tuning")
class AskTiming {
    private static final Path QUESTIONS = Path.of("../shared/eval/corpus-dev/questions.jsonl");

    @Test
    void phases() {
        Path indexDir = Path.of(System.getProperty("policybot.index", "index"));
        assumeTrue(
                Files.isRegularFile(QUESTIONS) && Files.isRegularFile(indexDir.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        List<String> questions = QuestionSetReader.read(QUESTIONS).stream()
                .map(EvalQuestion::question)
                .toList();
        try (InProcessEmbedder raw = new InProcessEmbedder();
                LuceneClauseIndex index = new LuceneClauseIndex(indexDir.resolve("lucene"), raw, null)) {
            RecentQueries model = new RecentQueries(raw, 64);
            PolicyQueryUnderstanding understanding =
                    new PolicyQueryUnderstanding(model, PolicyQueryUnderstanding.Settings.DEFAULT);
            HybridClauseSearch plain = new HybridClauseSearch(index, model);
            HybridClauseSearch product =
                    new HybridClauseSearch(index, model, RetrievalMode.HYBRID, Tuning.DEFAULT, understanding);
            ExtractiveAnswerWriter writer =
                    new ExtractiveAnswerWriter(model, ExtractiveAnswerWriter.Settings.of(0.42, 3), understanding);
            AskService asker = new AskService(product, writer, new CitationVerifier(writer), QueryTranslator.NONE, 10);
            time("warm-up ask", questions, q -> asker.ask(Question.of(q)));
            time("embed query (cached)", questions, model::embedQuery);
            time("embed query (model)", questions, q -> raw.embedQuery(q + " "));
            time("understand", questions, q -> understanding.understand(q, Set.of()));
            time("search without understanding", questions, q -> plain.search(SearchRequest.of(q, 10)));
            time("search as the product", questions, q -> product.search(SearchRequest.of(q, 10)));
            time("ask", questions, q -> asker.ask(Question.of(q)));
        }
    }

    private static void time(String what, List<String> questions, Consumer<String> work) {
        long[] nanos = new long[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            long t = System.nanoTime();
            work.accept(questions.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "%-30s p50 %7.1f ms  p90 %7.1f ms  max %7.1f ms%n",
                what,
                nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 9 / 10] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }
}
