package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.app.AnswerWiring;
import dev.policybot.app.SearchWiring;
import dev.policybot.archive.DatedArchive;
import dev.policybot.compare.CompareService;
import dev.policybot.compare.CrossPlatformAsker;
import dev.policybot.compare.CrossPlatformQuestions;
import dev.policybot.compare.PlatformScope;
import dev.policybot.config.AppConfig;
import dev.policybot.config.SourcesConfig;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Comparison;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Question;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.Topic;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.eval.QuoteMatcher;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.HistoryService;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.question.DocumentResolver;
import dev.policybot.topic.TopicClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the numbers of issue #19 over the product index ({@code -Dpolicybot.index=DIR}, default {@code index}):
 * the cross-platform questions of corpus-dev and questions-2 (R@3 per gold platform, before and after per-platform
 * answering, and the share of gold platforms whose gold clause {@code compare} quotes), the agreement with the
 * hand-labelled table {@code src/test/resources/eval/compare-labels.jsonl}, and the warm time of one topic across every
 * platform. Tagged {@code tuning}; run with {@code mvn -o test -Dtest=CompareQuality -Dgroups=tuning}.
 */
@Tag("tuning")
class CompareQuality {
    private static final Path SETS = Path.of("../shared/eval/corpus-dev");
    private static final Path LABELS = Path.of("src/test/resources/eval/compare-labels.jsonl");

    @Test
    void measure() {
        Path indexDir = Path.of(System.getProperty("policybot.index", "index"));
        assumeTrue(
                Files.isDirectory(SETS) && Files.isRegularFile(indexDir.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        try (SearchWiring search = new SearchWiring(indexDir)) {
            AppConfig config = AppConfig.load(Path.of("config"));
            ClauseSearch product = search.clauseSearch();
            Asker extractive = AnswerWiring.extractiveAsker(config, product, search.embedder(), search.understanding());
            List<PlatformGroup> groups =
                    SourcesConfig.load(Path.of("config")).groups(search.index().platforms());
            PlatformScope scope = new PlatformScope(search.index(), () -> groups);
            DatedArchive archive = new DatedArchive(indexDir.resolve("archive"));
            HistoryService history = new HistoryService(
                    new DocumentResolver(archive, null),
                    archive,
                    new ClauseDiffer(new MarkdownClauseSplitter(), new TopicClassifier()));
            CompareService compare =
                    new CompareService(extractive, scope, history, new TopicClassifier(), Clock.systemUTC());
            CrossPlatformQuestions questions = new CrossPlatformQuestions(scope);
            crossPlatform(product, compare, questions, extractive);
            labels(compare);
            timing(compare);
        }
    }

    private static void crossPlatform(
            ClauseSearch search, CompareService compare, CrossPlatformQuestions detector, Asker single) {
        CrossPlatformAsker asker = new CrossPlatformAsker(single, detector, compare);
        int gold = 0;
        int before = 0;
        int after = 0;
        int quoted = 0;
        int cited = 0;
        for (String set : List.of("questions.jsonl", "questions-2.jsonl")) {
            for (EvalQuestion q : QuestionSetReader.read(SETS.resolve(set))) {
                if (!"cross-platform".equals(q.category())) {
                    continue;
                }
                Optional<List<PlatformInfo>> scope = detector.platformsOf(q.question());
                List<ScoredClause> wholeIndex = search.search(new SearchRequest(q.question(), Set.of(), null, null, 10))
                        .hits();
                List<Comparison.Row> rows = scope.map(
                                platforms -> compare.rows(q.question(), platforms, null, null, Set.of()))
                        .orElse(List.of());
                Answer answer = asker.ask(Question.of(q.question()));
                for (Map.Entry<String, List<EvalQuestion.Gold>> platform :
                        byPlatform(q.gold()).entrySet()) {
                    gold++;
                    boolean wasTop3 = hit(top(wholeIndex, 3), platform.getValue());
                    boolean inScope =
                            scope.isPresent() && scope.get().stream().anyMatch(p -> p.id().equals(platform.getKey()));
                    boolean nowTop3 = inScope
                            ? hit(top(perPlatform(search, q.question(), platform.getKey()), 3), platform.getValue())
                            : wasTop3;
                    boolean isQuoted = rows.stream()
                            .filter(r -> r.platformId().equals(platform.getKey()))
                            .anyMatch(r -> quotes(r.citations(), platform.getValue()));
                    boolean isCited = quotes(answer.citations(), platform.getValue());
                    before += wasTop3 ? 1 : 0;
                    after += nowTop3 ? 1 : 0;
                    quoted += isQuoted ? 1 : 0;
                    cited += isCited ? 1 : 0;
                    System.out.printf(
                            Locale.ROOT,
                            "%-6s %-14s scope=%-3s wholeIndexR@3=%d perPlatformR@3=%d compareQuoted=%d askCited=%d  %s%n",
                            q.id(),
                            platform.getKey(),
                            scope.map(s -> Integer.toString(s.size())).orElse("-"),
                            wasTop3 ? 1 : 0,
                            nowTop3 ? 1 : 0,
                            isQuoted ? 1 : 0,
                            isCited ? 1 : 0,
                            q.question());
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "cross-platform: %d gold platforms; R@3 whole index %.3f, per platform %.3f; compare quotes the gold "
                        + "clause %.3f; ask cites it %.3f%n",
                gold,
                before / (double) gold,
                after / (double) gold,
                quoted / (double) gold,
                cited / (double) gold);
    }

    /** Each labelled platform × topic: the expected clause quoted, or "not addressed" said. */
    private static void labels(CompareService compare) {
        if (!Files.isRegularFile(LABELS)) {
            return;
        }
        int agree = 0;
        int total = 0;
        for (EvalQuestion label : QuestionSetReader.read(LABELS)) {
            Topic topic = Topic.fromId(label.question());
            Comparison.Row row = compare.compare(
                            new Comparison.Request(topic, null, List.of(label.service()), null, null, null))
                    .rows()
                    .get(0);
            boolean agrees = label.answerable()
                    ? row.outcome() != Outcome.NOT_ADDRESSED && quotes(row.citations(), label.gold())
                    : row.outcome() == Outcome.NOT_ADDRESSED;
            total++;
            agree += agrees ? 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "label %-14s %-19s expected %-14s got %-16s %s%n",
                    label.service(),
                    topic.id(),
                    label.answerable() ? "clause" : "not-addressed",
                    row.outcome().label(),
                    agrees ? "agree" : "DISAGREE");
        }
        System.out.printf(Locale.ROOT, "label table: %d/%d agree = %.3f%n", agree, total, agree / (double) total);
    }

    /** One topic across every platform, warm: p50 / p95 / max over rounds (after two warm-up rounds). */
    private static void timing(CompareService compare) {
        int rounds = Integer.getInteger("rounds", 12);
        List<Topic> topics = List.of(Topic.AI_TRAINING, Topic.CONTENT_LICENCE, Topic.DELETION_RETENTION);
        for (int warm = 0; warm < 2; warm++) {
            topics.forEach(t -> compare.compare(new Comparison.Request(t, null, List.of(), null, null, null)));
        }
        long[] nanos = new long[rounds];
        int platforms = 0;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            platforms = compare.compare(
                            new Comparison.Request(topics.get(i % topics.size()), null, List.of(), null, null, null))
                    .rows()
                    .size();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "one topic across all %d platforms, warm, %d rounds: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                platforms,
                rounds,
                nanos[rounds / 2] / 1e6,
                nanos[(int) Math.ceil(rounds * 0.95) - 1] / 1e6,
                nanos[rounds - 1] / 1e6);
    }

    private static List<ScoredClause> perPlatform(ClauseSearch search, String question, String platformId) {
        return search.search(new SearchRequest(question, Set.of(platformId), null, null, AnswerWiring.SEARCH_LIMIT))
                .hits();
    }

    private static Map<String, List<EvalQuestion.Gold>> byPlatform(List<EvalQuestion.Gold> gold) {
        Map<String, List<EvalQuestion.Gold>> by = new LinkedHashMap<>();
        for (EvalQuestion.Gold g : gold) {
            by.computeIfAbsent(g.document().substring(0, g.document().indexOf('/')), k -> new ArrayList<>())
                    .add(g);
        }
        return by;
    }

    private static List<ScoredClause> top(List<ScoredClause> hits, int k) {
        return hits.subList(0, Math.min(k, hits.size()));
    }

    private static boolean hit(List<ScoredClause> hits, List<EvalQuestion.Gold> gold) {
        return hits.stream().anyMatch(h -> gold.stream().anyMatch(g -> QuoteMatcher.hits(h.clause(), g)));
    }

    private static boolean quotes(List<Citation> citations, List<EvalQuestion.Gold> gold) {
        return citations.stream().anyMatch(c -> gold.stream().anyMatch(g -> QuoteMatcher.hits(c.clause(), g)));
    }
}
