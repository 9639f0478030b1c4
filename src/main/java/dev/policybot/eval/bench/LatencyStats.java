package dev.policybot.eval.bench;

import java.util.Arrays;

/**
 * Latencies of one measured phase, in milliseconds. Percentiles use the nearest-rank rule: the p-th percentile of n
 * sorted samples is the sample at rank {@code ceil(p/100 * n)} (1-based), so it is always a latency that was observed.
 * With fewer than 100 samples p99 is simply the largest one; {@link #n()} says how many there were.
 *
 * @param n          samples
 * @param p50        median
 * @param p95        95th percentile
 * @param p99        99th percentile
 * @param max        slowest
 * @param mean       arithmetic mean
 * @param perSecond  completed operations per second of wall time (for concurrent phases: all threads together)
 */
public record LatencyStats(int n, double p50, double p95, double p99, double max, double mean, double perSecond) {

    public static final LatencyStats NONE =
            new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param nanos     one latency per operation, in nanoseconds (not modified)
     * @param wallNanos wall time of the whole phase, for the throughput
     */
    public static LatencyStats of(long[] nanos, long wallNanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        double perSecond = wallNanos <= 0 ? Double.NaN : sorted.length / (wallNanos / 1e9);
        return new LatencyStats(
                sorted.length,
                ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)),
                ms(percentile(sorted, 99)),
                ms(sorted[sorted.length - 1]),
                mean,
                perSecond);
    }

    /** Nearest-rank percentile of ascending samples; {@code p} in (0, 100]. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0 || p <= 0 || p > 100) {
            throw new IllegalArgumentException("need samples and 0 < p <= 100, got n=" + sorted.length + " p=" + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
