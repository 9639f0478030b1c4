package dev.policybot.tune;

import dev.policybot.llm.InProcessEmbedder;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Not a test: does the model give one text the same vector alone, again, and inside batches? Tagged {@code tuning}. */
@Tag("tuning")
class EmbeddingNoise {
    @Test
    void same_text_same_vector() {
        String text = "can I a purchase in the iTunes store within 14 days withdraw";
        try (InProcessEmbedder model = new InProcessEmbedder()) {
            float[] first = model.embedQuery(text);
            for (int i = 0; i < 5; i++) {
                report("alone", first, model.embedQuery(text));
                report("in a batch", first, model.embedAll(List.of("a much longer text about refunds and "
                        + "subscriptions and the right of withdrawal in the European Union " + i, text)).get(1));
            }
        }
    }

    private static void report(String how, float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        System.out.println(how + ": max difference " + max);
    }
}
