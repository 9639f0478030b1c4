package dev.policybot.search;

import dev.policybot.domain.ScoredClause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For a question that names no platform ("which AI tools say I own what they generate?"), answers from several
 * platforms serve better than three clauses of one: a clause's score is multiplied by {@link #DECAY} for every clause of
 * its platform already chosen, and the best adjusted score is chosen next. Within a platform the order is unchanged.
 */
final class PlatformDiversity {
    /** A second clause of a platform competes at half its score, a third at a quarter. */
    static final double DECAY = 0.5;
    /** Candidates read per result wanted, so that other platforms have a chance to come up. */
    static final int CANDIDATES_PER_RESULT = 3;

    private PlatformDiversity() {}

    /** The first {@code limit} of {@code ranked} (best first), re-ordered for platform diversity. */
    static List<ScoredClause> apply(List<ScoredClause> ranked, int limit) {
        List<ScoredClause> left = new ArrayList<>(ranked);
        List<ScoredClause> chosen = new ArrayList<>(Math.min(limit, ranked.size()));
        Map<String, Integer> perPlatform = new HashMap<>();
        while (chosen.size() < limit && !left.isEmpty()) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < left.size(); i++) {
                ScoredClause hit = left.get(i);
                double adjusted = hit.score()
                        * Math.pow(DECAY, perPlatform.getOrDefault(hit.clause().platformId(), 0));
                if (adjusted > bestScore) { // strictly better: ties keep the retriever's order
                    best = i;
                    bestScore = adjusted;
                }
            }
            ScoredClause next = left.remove(best);
            perPlatform.merge(next.clause().platformId(), 1, Integer::sum);
            chosen.add(next);
        }
        return chosen;
    }
}
