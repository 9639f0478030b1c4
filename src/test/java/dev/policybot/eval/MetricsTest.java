package dev.policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void recall_and_mrr_follow_the_first_hit_ranks() {
        Metrics m = Metrics.of(List.of(1, 2, 4, 11, 0));
        assertThat(m.n()).isEqualTo(5);
        assertThat(m.r1()).isCloseTo(0.2, within(1e-9));
        assertThat(m.r3()).isCloseTo(0.4, within(1e-9));
        assertThat(m.r5()).isCloseTo(0.6, within(1e-9));
        assertThat(m.r10()).isCloseTo(0.6, within(1e-9));
        assertThat(m.mrr10()).isCloseTo((1 + 0.5 + 0.25) / 5, within(1e-9));
    }
}
