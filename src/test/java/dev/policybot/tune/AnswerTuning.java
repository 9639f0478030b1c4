package dev.policybot.tune;

import java.util.Arrays;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.answer.AskService;
import dev.policybot.embedding.CachingEmbedder;
import dev.policybot.answer.CitationVerifier;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.eval.AnswerEvaluation;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.Evaluation;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.question.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a sweep of the extractive writer's settings over corpus-dev on the product's index, printing abstain
 * accuracy and citation recall for each (searches and sentence vectors are computed once). Tagged {@code tuning}, so
 * only an explicit run executes it:
 * {@code mvn -o test -Dtest=AnswerTuning -DexcludedTestGroups=none -Dpolicybot.index=$PWD/index}; the table is in
 * target/surefire-reports/dev.policybot.tune.AnswerTuning-output.txt.
 */
@Tag("tuning")
class AnswerTuning {
    private static final Path QUESTIONS = Path.of("../shared/eval/corpus-dev/questions.jsonl");

    /** {@code -Dpolicybot.thresholds=0.3,0.35} to sweep other abstain thresholds. */
    private static double[] thresholds() {
        String given = System.getProperty("policybot.thresholds", "0.30,0.33,0.36,0.39,0.42,0.45,0.48");
        return Arrays.stream(given.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** {@code -Dpolicybot.embedded=8,4} to sweep how many sentences an answer embeds. */
    private static int[] embeddedCounts() {
        String given = System.getProperty("policybot.embedded", "2147483647");
        return Arrays.stream(given.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void sweep() {
        Path indexDir = Path.of(System.getProperty("policybot.index", "index"));
        assumeTrue(Files.isRegularFile(QUESTIONS) && Files.isRegularFile(indexDir.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        List<EvalQuestion> questions = QuestionSetReader.read(QUESTIONS);
        try (InProcessEmbedder model = new InProcessEmbedder();
             LuceneClauseIndex index = new LuceneClauseIndex(indexDir.resolve("lucene"), model, null)) {
            CachingEmbedder sentences = new CachingEmbedder(model, null);
            PolicyQueryUnderstanding understanding = new PolicyQueryUnderstanding(model,
                    PolicyQueryUnderstanding.Settings.DEFAULT);
            HybridClauseSearch search = new HybridClauseSearch(index, model, RetrievalMode.HYBRID, Tuning.DEFAULT,
                    understanding);
            Map<SearchRequest, SearchResult> evidence = new HashMap<>();
            ClauseSearch once = request -> evidence.computeIfAbsent(request, search::search);
            for (double threshold : thresholds()) {
                for (double retrievalWeight : new double[] {1.0}) {
                    for (double keepRatio : new double[] {0.8}) {
                        for (int embedded : embeddedCounts()) {
                            int candidates = 8;
                            ExtractiveAnswerWriter.Settings settings = new ExtractiveAnswerWriter.Settings(threshold, 3,
                                    candidates, 0.6, retrievalWeight, keepRatio, 120, embedded);
                            ExtractiveAnswerWriter writer = new ExtractiveAnswerWriter(sentences, settings, understanding);
                            AskService asker = new AskService(once, writer, new CitationVerifier(writer),
                                    QueryTranslator.NONE, 10);
                            AnswerEvaluation.AnswerMetrics m = new AnswerEvaluation(Evaluation.Scope.DETECT)
                                    .run(asker, questions);
                            System.out.printf(Locale.ROOT, "threshold %.2f retrieval %.1f keep %.1f embedded %d: "
                                            + "abstain %.3f citation recall %.3f wrongly abstained %d%n", threshold,
                                    retrievalWeight, keepRatio, embedded, m.abstainAccuracy(), m.citationRecall(),
                                    m.abstainedWrongly());
                        }
                    }
                }
            }
        }
    }
}
