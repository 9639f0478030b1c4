package dev.policybot.eval;

import dev.policybot.domain.ScoredClause;
import java.util.List;

/**
 * What one system retrieved for one question.
 *
 * @param question    the question
 * @param system      the system's name
 * @param results     retrieved clauses in rank order
 * @param firstHitRank 1-based rank of the first clause that hits a gold quote, 0 when none does
 */
public record EvalRun(EvalQuestion question, String system, List<ScoredClause> results, int firstHitRank) {
    public EvalRun {
        results = List.copyOf(results);
    }
}
