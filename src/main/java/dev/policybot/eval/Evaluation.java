package dev.policybot.eval;

import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.port.ClauseSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a question set through retrieval systems and scores every run with {@link QuoteMatcher}.
 * Scope {@link Scope#GIVEN} restricts each question to its {@code service}; {@link Scope#DETECT} gives the system only
 * the text (it must find the platform itself). Questions with an {@code asOf} day search the versions in force then.
 */
public final class Evaluation {
    /** The row label of all answerable questions together. */
    public static final String ALL = "all";

    public enum Scope {
        GIVEN,
        DETECT
    }

    private final Scope scope;
    private final int k;

    public Evaluation(Scope scope, int k) {
        this.scope = scope;
        this.k = k;
    }

    public Scope scope() {
        return scope;
    }

    /** Runs every question through {@code system}, handing each run to {@code sink} (e.g. a run-out file). */
    public List<EvalRun> run(
            String systemName, ClauseSearch system, List<EvalQuestion> questions, Consumer<EvalRun> sink) {
        List<EvalRun> runs = new ArrayList<>(questions.size());
        for (EvalQuestion question : questions) {
            List<ScoredClause> results = system.search(request(question)).hits();
            EvalRun run = new EvalRun(question, systemName, results, firstHitRank(question, results));
            runs.add(run);
            sink.accept(run);
        }
        return runs;
    }

    SearchRequest request(EvalQuestion question) {
        Set<String> platforms =
                scope == Scope.GIVEN && !question.anyService() ? Set.of(Slugs.of(question.service())) : Set.of();
        return new SearchRequest(question.question(), platforms, null, question.asOf(), k);
    }

    static int firstHitRank(EvalQuestion question, List<ScoredClause> results) {
        for (int i = 0; i < results.size(); i++) {
            ScoredClause hit = results.get(i);
            if (question.gold().stream().anyMatch(g -> QuoteMatcher.hits(hit.clause(), g))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Metrics per category of the answerable questions, plus {@link #ALL}. */
    public static Map<String, Metrics> score(List<EvalRun> runs) {
        Map<String, List<Integer>> ranks = new TreeMap<>();
        List<Integer> all = new ArrayList<>();
        for (EvalRun run : runs) {
            if (!run.question().answerable()) {
                continue;
            }
            all.add(run.firstHitRank());
            if (run.question().category() != null) {
                ranks.computeIfAbsent(run.question().category(), c -> new ArrayList<>())
                        .add(run.firstHitRank());
            }
        }
        Map<String, Metrics> metrics = new LinkedHashMap<>();
        metrics.put(ALL, Metrics.of(all));
        ranks.forEach((category, r) -> metrics.put(category, Metrics.of(r)));
        return metrics;
    }
}
