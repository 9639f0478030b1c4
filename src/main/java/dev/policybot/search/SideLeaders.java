package dev.policybot.search;

import dev.policybot.core.ScoredClause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;

/**
 * Fusion can bury a clause that BM25 or the vectors alone ranked first (the other side never saw it); each side's
 * first clause is given a place among the first {@code slots} results.
 */
final class SideLeaders {
    private SideLeaders() {
    }

    static List<ScoredClause> promote(IndexSearcher searcher, List<ScoredClause> ranked, List<Integer> leaders,
                                      int slots) throws IOException {
        List<ScoredClause> result = new ArrayList<>(ranked);
        for (int doc : leaders) {
            String key = searcher.storedFields().document(doc).get(IndexFields.KEY);
            int at = -1;
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).clause().versionKey().equals(key)) {
                    at = i;
                    break;
                }
            }
            int target = Math.min(slots - 1, result.size() - 1);
            if (at > target) {
                ScoredClause leader = result.remove(at);
                int free = target;
                while (free > 1 && isLeader(searcher, result.get(free), leaders)) {
                    free--;
                }
                result.add(free, new ScoredClause(leader.clause(), result.get(free).score()));
            }
        }
        return result;
    }

    private static boolean isLeader(IndexSearcher searcher, ScoredClause hit, List<Integer> leaders) throws IOException {
        for (int doc : leaders) {
            if (searcher.storedFields().document(doc).get(IndexFields.KEY).equals(hit.clause().versionKey())) {
                return true;
            }
        }
        return false;
    }
}
