package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policybot.answer.AnswerSignals;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.answer.SentenceRanker;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.embedding.CachingEmbedder;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.Halves;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.eval.QuoteMatcher;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.question.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: writes, per question of corpus-dev, questions-2 and questions-3 (platform detected, as {@code eval
 * --scope detect}), the signals the extractive writer's outcome decision reads ({@link AnswerSignals}), with the
 * question's half, whether it is answerable, and whether the best quote / the first three quotes hold a gold quote, as
 * JSON Lines to {@code -Dpolicybot.features=FILE} (default target/abstain-features.jsonl), for fitting the decision on
 * the tuning halves. Tagged {@code tuning}: {@code mvn -o test -Dtest=AbstainFeatures -DexcludedTestGroups=none
 * -Dpolicybot.index=$PWD/index}.
 */
@Tag("tuning")
class AbstainFeatures {
    private static final List<String> SETS = List.of("questions", "questions-2", "questions-3");

    @Test
    void dump() throws Exception {
        Path indexDir = Path.of(System.getProperty("policybot.index", "index"));
        Path shared = Path.of("../shared/eval/corpus-dev");
        assumeTrue(
                Files.isDirectory(shared) && Files.isRegularFile(indexDir.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        Path out = Path.of(System.getProperty("policybot.features", "target/abstain-features.jsonl"));
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        try (InProcessEmbedder model = new InProcessEmbedder();
                LuceneClauseIndex index = new LuceneClauseIndex(indexDir.resolve("lucene"), model, null)) {
            CachingEmbedder sentences = new CachingEmbedder(model, null);
            PolicyQueryUnderstanding understanding =
                    new PolicyQueryUnderstanding(model, PolicyQueryUnderstanding.Settings.DEFAULT);
            HybridClauseSearch search =
                    new HybridClauseSearch(index, model, RetrievalMode.HYBRID, Tuning.DEFAULT, understanding);
            ExtractiveAnswerWriter writer =
                    new ExtractiveAnswerWriter(sentences, ExtractiveAnswerWriter.Settings.of(0.0, 3), understanding);
            for (String set : SETS) {
                for (EvalQuestion q : QuestionSetReader.read(shared.resolve(set + ".jsonl"))) {
                    Question question = new Question(q.question(), null, q.asOf());
                    SearchResult evidence =
                            search.search(new SearchRequest(q.question(), Set.of(), null, q.asOf(), 10));
                    AnswerSignals signals = writer.signals(question, evidence);
                    List<SentenceRanker.Quote> quotes = writer.rank(q.question(), evidence);
                    ObjectNode line = json.valueToTree(signals);
                    line.put("id", q.id());
                    line.put("set", set);
                    line.put("category", q.category());
                    line.put(
                            "half",
                            "questions".equals(set)
                                    ? "dev"
                                    : Halves.of(q).name().toLowerCase());
                    line.put("answerable", q.answerable());
                    int firstHit = 0;
                    for (int i = 0; i < evidence.hits().size() && firstHit == 0; i++) {
                        int rank = i;
                        if (q.gold().stream()
                                .anyMatch(g -> QuoteMatcher.hits(
                                        evidence.hits().get(rank).clause(), g))) {
                            firstHit = i + 1;
                        }
                    }
                    line.put("firstHitRank", firstHit);
                    line.put("hits", evidence.hits().size());
                    line.put(
                            "topScore",
                            evidence.hits().isEmpty()
                                    ? 0
                                    : evidence.hits().get(0).score());
                    line.put("quotes", quotes.size());
                    lines.add(json.writeValueAsString(line));
                }
            }
        }
        Files.write(out, lines);
        System.out.println("wrote " + lines.size() + " lines to " + out);
    }
}
