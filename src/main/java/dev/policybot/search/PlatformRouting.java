package dev.policybot.search;

import dev.policybot.domain.ScoredClause;
import dev.policybot.question.PlatformDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * Which platforms a search covers: the platform detector over the index's current platforms (rebuilt only when they
 * change), and the round-robin that merges one ranking per platform.
 */
final class PlatformRouting {
    private final LuceneClauseIndex index;
    private volatile DetectorCache detector;

    PlatformRouting(LuceneClauseIndex index) {
        this.index = index;
    }

    PlatformDetector detector() {
        DetectorCache cached = detector;
        var platforms = index.platforms();
        if (cached == null || cached.platforms != platforms) {
            cached = new DetectorCache(platforms, new PlatformDetector(platforms));
            detector = cached;
        }
        return cached.detector;
    }

    private record DetectorCache(Object platforms, PlatformDetector detector) {}

    /** Round-robin over the platforms' rankings, so a comparison question gets clauses of each platform. */
    static List<ScoredClause> interleave(List<List<ScoredClause>> rankings, int limit) {
        if (rankings.size() == 1) {
            return rankings.get(0);
        }
        List<ScoredClause> merged = new ArrayList<>();
        for (int rank = 0; merged.size() < limit; rank++) {
            boolean any = false;
            for (List<ScoredClause> ranking : rankings) {
                if (rank < ranking.size() && merged.size() < limit) {
                    merged.add(ranking.get(rank));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return merged;
    }
}
