package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.answer.AskService;
import dev.policybot.answer.CitationVerifier;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.answer.OutcomeDecision;
import dev.policybot.config.AnswerConfig;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.embedding.CachingEmbedder;
import dev.policybot.eval.AnswerEvaluation;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.Evaluation;
import dev.policybot.eval.Halves;
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
 * Not a test: a sweep of the extractive writer's settings over the tuning halves of corpus-dev's question sets
 * ({@code -Dpolicybot.sets=questions,questions-2,questions-3}, {@code -Dpolicybot.half=tune}; corpus-dev's own 40 count
 * as tuning questions) on the product's index, with the product's outcome decision, printing per set gold cited,
 * declined, closest passages and unanswerable questions not answered confidently (searches and sentence vectors are
 * computed once). Tagged {@code tuning}, so only an explicit run executes it:
 * {@code mvn -o test -Dtest=AnswerTuning -DexcludedTestGroups=none -Dpolicybot.index=$PWD/index}; the table is in
 * target/surefire-reports/dev.policybot.tune.AnswerTuning-output.txt.
 */
@Tag("tuning")
class AnswerTuning {
    private static final Path SHARED = Path.of("../shared/eval/corpus-dev");

    private static double[] doubles(String property, String defaults) {
        return java.util.Arrays.stream(System.getProperty(property, defaults).split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    @Test
    void sweep() {
        Path indexDir = Path.of(System.getProperty("policybot.index", "index"));
        assumeTrue(
                Files.isDirectory(SHARED) && Files.isRegularFile(indexDir.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        Halves.Half half = Halves.Half.parse(System.getProperty("policybot.half", "tune"));
        Map<String, List<EvalQuestion>> sets = new java.util.LinkedHashMap<>();
        for (String name : System.getProperty("policybot.sets", "questions,questions-2,questions-3")
                .split(",")) {
            List<EvalQuestion> all = QuestionSetReader.read(SHARED.resolve(name + ".jsonl"));
            sets.put(name, "questions".equals(name) ? all : Halves.select(all, half));
        }
        AnswerConfig config = AnswerConfig.DEFAULT;
        try (InProcessEmbedder model = new InProcessEmbedder();
                LuceneClauseIndex index = new LuceneClauseIndex(indexDir.resolve("lucene"), model, null)) {
            CachingEmbedder sentences = new CachingEmbedder(model, null);
            PolicyQueryUnderstanding understanding =
                    new PolicyQueryUnderstanding(model, PolicyQueryUnderstanding.Settings.DEFAULT);
            HybridClauseSearch search =
                    new HybridClauseSearch(index, model, RetrievalMode.HYBRID, Tuning.DEFAULT, understanding);
            Map<SearchRequest, SearchResult> evidence = new HashMap<>();
            ClauseSearch once = request -> evidence.computeIfAbsent(request, search::search);
            for (double retrievalWeight : doubles("policybot.retrieval", "1.0")) {
                for (double keepRatio : doubles("policybot.keep", "0.8")) {
                    for (double answeredFrom : doubles("policybot.answered", String.valueOf(config.answeredFrom()))) {
                        ExtractiveAnswerWriter.Settings settings = new ExtractiveAnswerWriter.Settings(
                                config.abstainThreshold(),
                                config.maxCitations(),
                                8,
                                0.6,
                                retrievalWeight,
                                keepRatio,
                                120,
                                2,
                                OutcomeDecision.confidence(config.abstainThreshold(), answeredFrom));
                        ExtractiveAnswerWriter writer = new ExtractiveAnswerWriter(sentences, settings, understanding);
                        AskService asker =
                                new AskService(once, writer, new CitationVerifier(writer), QueryTranslator.NONE, 10);
                        StringBuilder line = new StringBuilder(String.format(
                                Locale.ROOT,
                                "retrieval %.2f keep %.2f answeredFrom %.2f:",
                                retrievalWeight,
                                keepRatio,
                                answeredFrom));
                        sets.forEach((name, questions) -> {
                            AnswerEvaluation.AnswerMetrics m =
                                    new AnswerEvaluation(Evaluation.Scope.DETECT).run(asker, questions);
                            line.append(String.format(
                                    Locale.ROOT,
                                    "  %s cited %.3f declined %.3f closest %.3f " + "unanswerable-safe %.3f |",
                                    name,
                                    m.citationRecall(),
                                    m.falseAbstainRate(),
                                    m.answerableClosest() / (double) m.answerable(),
                                    m.notConfidentRate()));
                        });
                        System.out.println(line);
                    }
                }
            }
        }
    }
}
