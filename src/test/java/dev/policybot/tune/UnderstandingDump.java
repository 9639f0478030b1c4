package dev.policybot.tune;

import dev.policybot.core.UnderstoodQuery;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.query.PolicyQueryUnderstanding;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Not a test: prints how one question is understood, in a stable order. Tagged {@code tuning}. */
@Tag("tuning")
class UnderstandingDump {
    @Test
    void dump() {
        String question = System.getProperty("policybot.question",
                "Kann ich einen Kauf im iTunes Store innerhalb von 14 Tagen widerrufen?");
        try (InProcessEmbedder model = new InProcessEmbedder()) {
            UnderstoodQuery u = new PolicyQueryUnderstanding(model, PolicyQueryUnderstanding.Settings.DEFAULT)
                    .understand(question, Set.of());
            System.out.println("english=" + u.english());
            System.out.println("dense=" + u.dense());
            System.out.println("expansions=" + new TreeMap<>(u.expansions()));
            System.out.println("topics=" + new java.util.TreeSet<>(u.topics()));
        }
    }
}
