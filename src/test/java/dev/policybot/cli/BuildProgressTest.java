package dev.policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How a first build shows its progress: a bar with counts and time left on a terminal, a line per tenth in a log. */
class BuildProgressTest {
    private final StringWriter out = new StringWriter();
    /** A clock the test moves by hand: one second per report. */
    private final AtomicLong nanos = new AtomicLong();

    private BuildProgress progress(boolean terminal) {
        return new BuildProgress(new PrintWriter(out), terminal, () -> nanos.getAndAdd(1_000_000_000L));
    }

    @Test
    void outsideATerminalOneLineAboutEveryTenPercent() {
        BuildProgress progress = progress(false);

        for (int done = 64; done < 1000; done += 64) {
            progress.progress(done, 1000, "clauses embedded");
        }
        progress.progress(1000, 1000, "clauses embedded");

        assertThat(out.toString().lines())
                .containsExactly(
                        "  0%  64/1,000 clauses embedded, time left unknown",
                        " 10%  128/1,000 clauses embedded, 14 s left",
                        " 20%  256/1,000 clauses embedded, 12 s left",
                        " 30%  320/1,000 clauses embedded, 11 s left",
                        " 40%  448/1,000 clauses embedded, 9 s left",
                        " 50%  512/1,000 clauses embedded, 8 s left",
                        " 60%  640/1,000 clauses embedded, 6 s left",
                        " 70%  704/1,000 clauses embedded, 5 s left",
                        " 80%  832/1,000 clauses embedded, 3 s left",
                        " 90%  960/1,000 clauses embedded, 1 s left",
                        "100%  1,000/1,000 clauses embedded, done");
    }

    @Test
    void onATerminalABarRedrawnInPlaceWithCountsAndTimeLeft() {
        BuildProgress progress = progress(true);

        progress.progress(3000, 9000, "clauses embedded");
        progress.progress(4500, 9000, "clauses embedded");
        progress.progress(9000, 9000, "clauses embedded");

        String[] frames = out.toString().split("\r");
        assertThat(frames[1])
                .startsWith("[##########                    ] 3,000/9,000 clauses embedded, time left unknown");
        assertThat(frames[2]).startsWith("[###############               ] 4,500/9,000 clauses embedded, 3 s left");
        assertThat(frames[3])
                .startsWith("[##############################] 9,000/9,000 clauses embedded, done")
                .endsWith(System.lineSeparator());
    }
}
