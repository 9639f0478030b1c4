package dev.policybot.tune;

import java.util.Comparator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.embedding.CachingEmbedder;
import dev.policybot.domain.Clause;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.text.Languages;
import dev.policybot.domain.Question;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.answer.SentenceRanker;
import dev.policybot.domain.Topic;
import dev.policybot.topic.TopicClassifier;
import dev.policybot.domain.UnderstoodQuery;
import dev.policybot.text.Words;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Not a test: prints, per corpus-dev question, the signals an abstain decision could use. Tagged {@code tuning}. */
@Tag("tuning")
class AbstainFeatures {
    private static final Path QUESTIONS = Path.of("../shared/eval/corpus-dev/questions.jsonl");

    @Test
    void dump() {
        Path indexDir = Path.of(System.getProperty("policybot.index", "index"));
        assumeTrue(Files.isRegularFile(QUESTIONS) && Files.isRegularFile(indexDir.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        List<EvalQuestion> questions = QuestionSetReader.read(QUESTIONS);
        TopicClassifier rules = new TopicClassifier();
        try (InProcessEmbedder model = new InProcessEmbedder();
             LuceneClauseIndex index = new LuceneClauseIndex(indexDir.resolve("lucene"), model, null)) {
            CachingEmbedder sentences = new CachingEmbedder(model, null);
            PolicyQueryUnderstanding understanding = new PolicyQueryUnderstanding(model,
                    PolicyQueryUnderstanding.Settings.DEFAULT);
            HybridClauseSearch search = new HybridClauseSearch(index, model, RetrievalMode.HYBRID, Tuning.DEFAULT,
                    understanding);
            ExtractiveAnswerWriter writer = new ExtractiveAnswerWriter(sentences,
                    ExtractiveAnswerWriter.Settings.of(0.0, 3), understanding);
            for (EvalQuestion q : questions) {
                SearchResult evidence = search.search(new SearchRequest(q.question(), Set.of(), null, q.asOf(), 10));
                UnderstoodQuery u = understanding.understand(q.question(), Set.of());
                String query = Languages.ENGLISH.equals(u.language()) ? q.question() : u.english();
                List<SentenceRanker.Quote> quotes = writer.rank(query, evidence);
                SentenceRanker.Quote best = quotes.stream()
                        .max(Comparator.comparingDouble(SentenceRanker.Quote::score)).orElse(null);
                Set<Topic> evidenceTopics = EnumSet.noneOf(Topic.class);
                for (ScoredClause hit : evidence.hits().stream().limit(5).toList()) {
                    Clause c = hit.clause();
                    evidenceTopics.addAll(rules.topicsOf(String.join(" > ", c.headingPath()) + "\n" + c.text()));
                }
                Set<String> qTerms = new HashSet<>(Words.contentTerms(query));
                Set<String> covered = new HashSet<>();
                for (ScoredClause hit : evidence.hits().stream().limit(3).toList()) {
                    Set<String> t = Words.contentTerms(hit.clause().text());
                    qTerms.stream().filter(t::contains).forEach(covered::add);
                }
                Set<String> missing = new HashSet<>(qTerms);
                missing.removeAll(covered);
                boolean topicMatch = u.topics().isEmpty() ? false : u.topics().stream().anyMatch(evidenceTopics::contains);
                System.out.printf(Locale.ROOT, "%s %-14s gold=%d rel=%.3f sim=%.3f ov=%.2f topQ=%s topicHit=%s "
                                + "lang=%s missing=%s%n", q.id(), q.category(), q.gold().size(),
                        best == null ? 0 : best.score(), best == null ? 0 : best.similarity(),
                        best == null ? 0 : best.overlap(), u.topics(), topicMatch,
                        evidence.hits().isEmpty() ? "-" : Languages.detect(evidence.hits().get(0).clause().text()),
                        missing);
                System.out.println("    english=" + u.english() + " | exp=" + u.expansions());
            }
        }
    }
}
