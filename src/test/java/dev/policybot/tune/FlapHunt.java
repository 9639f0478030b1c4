package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.core.RecentQueries;
import dev.policybot.core.ScoredClause;
import dev.policybot.core.SearchRequest;
import dev.policybot.core.SearchResult;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.query.PolicyQueryUnderstanding;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import dev.policybot.search.RetrievalMode;
import dev.policybot.search.Tuning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Not a test: does one question get the same ranking every time in one process? Tagged {@code tuning}. */
@Tag("tuning")
class FlapHunt {
    private static final Path QUESTIONS = Path.of("../shared/eval/corpus-dev/questions.jsonl");

    @Test
    void passes() {
        Path indexDir = Path.of(System.getProperty("policybot.index", "index"));
        assumeTrue(Files.isRegularFile(QUESTIONS) && Files.isRegularFile(indexDir.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        List<EvalQuestion> questions = QuestionSetReader.read(QUESTIONS);
        try (InProcessEmbedder raw = new InProcessEmbedder();
             LuceneClauseIndex index = new LuceneClauseIndex(indexDir.resolve("lucene"), raw, null)) {
            RecentQueries model = new RecentQueries(raw, 256);
            PolicyQueryUnderstanding understanding = new PolicyQueryUnderstanding(model,
                    PolicyQueryUnderstanding.Settings.DEFAULT);
            HybridClauseSearch search = new HybridClauseSearch(index, model, RetrievalMode.HYBRID, Tuning.DEFAULT,
                    understanding);
            for (int pass = 0; pass < 4; pass++) {
                for (EvalQuestion q : questions) {
                    SearchResult r = search.search(new SearchRequest(q.question(), Set.of(), null, q.asOf(), 10));
                    if (q.id().equals("d-029")) {
                        StringBuilder line = new StringBuilder("pass " + pass + ":");
                        for (ScoredClause hit : r.hits().subList(0, 5)) {
                            String id = hit.clause().id();
                            line.append(String.format(" %s=%.6f", id.substring(id.length() - 8), hit.score()));
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }
}
