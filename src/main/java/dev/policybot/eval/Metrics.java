package dev.policybot.eval;

import java.util.List;

/**
 * Retrieval quality of one system on one group of answerable questions.
 *
 * @param n     answerable questions in the group
 * @param r1    share with a hit at rank 1
 * @param r3    share with a hit in the top 3
 * @param r5    share with a hit in the top 5
 * @param r10   share with a hit in the top 10
 * @param mrr10 mean reciprocal rank of the first hit, 0 beyond rank 10
 */
public record Metrics(int n, double r1, double r3, double r5, double r10, double mrr10) {

    /** @param firstHitRanks the 1-based rank of each question's first hit, or 0 when none was retrieved */
    public static Metrics of(List<Integer> firstHitRanks) {
        int n = firstHitRanks.size();
        if (n == 0) {
            return new Metrics(0, 0, 0, 0, 0, 0);
        }
        double mrr = firstHitRanks.stream()
                        .mapToDouble(r -> r > 0 && r <= 10 ? 1.0 / r : 0)
                        .sum()
                / n;
        return new Metrics(
                n,
                recall(firstHitRanks, 1),
                recall(firstHitRanks, 3),
                recall(firstHitRanks, 5),
                recall(firstHitRanks, 10),
                mrr);
    }

    private static double recall(List<Integer> ranks, int k) {
        return ranks.stream().filter(r -> r > 0 && r <= k).count() / (double) ranks.size();
    }
}
