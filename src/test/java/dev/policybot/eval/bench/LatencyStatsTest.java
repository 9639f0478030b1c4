package dev.policybot.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesOfAHundredSamplesAreTheNearestRanks() {
        // given latencies of 1..100 ms in shuffled order
        long[] nanos = LongStream.rangeClosed(1, 100)
                .map(i -> ((i * 37) % 100 + 1) * MS)
                .toArray();

        // when
        LatencyStats stats = LatencyStats.of(nanos, 2_000 * MS);

        // then
        assertThat(stats.n()).isEqualTo(100);
        assertThat(stats.p50()).isEqualTo(50.0);
        assertThat(stats.p95()).isEqualTo(95.0);
        assertThat(stats.p99()).isEqualTo(99.0);
        assertThat(stats.max()).isEqualTo(100.0);
        assertThat(stats.mean()).isCloseTo(50.5, within(1e-9));
        assertThat(stats.perSecond()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void withFewSamplesTheHighPercentilesAreTheSlowestObserved() {
        long[] nanos = {3 * MS, 1 * MS, 10 * MS, 2 * MS, 4 * MS, 5 * MS, 6 * MS, 7 * MS, 8 * MS, 9 * MS};

        LatencyStats stats = LatencyStats.of(nanos, 0);

        assertThat(stats.p50()).isEqualTo(5.0);
        assertThat(stats.p95()).isEqualTo(10.0);
        assertThat(stats.p99()).isEqualTo(10.0);
        assertThat(stats.perSecond()).isNaN();
    }

    @Test
    void oneSampleIsEveryPercentileAndTheInputIsLeftAsItWas() {
        long[] nanos = {7 * MS};
        long[] same = {7 * MS};

        LatencyStats stats = LatencyStats.of(nanos, 7 * MS);

        assertThat(stats.p50()).isEqualTo(7.0);
        assertThat(stats.p99()).isEqualTo(7.0);
        assertThat(nanos).containsExactly(same);
    }

    @Test
    void noSamplesMeanNoStatistics() {
        assertThat(LatencyStats.of(new long[0], MS)).isSameAs(LatencyStats.NONE);
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LatencyStats.percentile(new long[] {1, 2, 3}, 100)).isEqualTo(3);
    }
}
