package dev.policybot.discord;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts 👍 / 👎 on answers and logs each vote at INFO, without the question's text. */
public final class FeedbackCounter {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackCounter.class);

    private final AtomicLong helpful = new AtomicLong();
    private final AtomicLong unhelpful = new AtomicLong();

    /** Totals so far. */
    public record Totals(long helpful, long unhelpful) {}

    public Totals record(boolean wasHelpful, RecentResults.Shown answer) {
        if (wasHelpful) {
            helpful.incrementAndGet();
        } else {
            unhelpful.incrementAndGet();
        }
        Totals totals = totals();
        LOG.info(
                "Feedback {} on an answer (mode {}, {} citations, abstained {}); totals {} helpful, {} not",
                wasHelpful ? "helpful" : "not helpful",
                answer.mode(),
                answer.citations().size(),
                answer.abstained(),
                totals.helpful(),
                totals.unhelpful());
        return totals;
    }

    public Totals totals() {
        return new Totals(helpful.get(), unhelpful.get());
    }
}
