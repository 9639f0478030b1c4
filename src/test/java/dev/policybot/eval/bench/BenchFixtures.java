package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import dev.policybot.domain.port.Embedder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hand-written clauses of made-up platforms and a tiny deterministic embedder, for the harness's tests. */
final class BenchFixtures {
    static final LocalDate OLD = LocalDate.parse("2024-02-01");
    static final LocalDate NOW = LocalDate.parse("2026-03-01");

    private BenchFixtures() {}

    static Clause clause(String platform, String document, int n, String text, LocalDate from, LocalDate to) {
        String platformId = platform.toLowerCase(Locale.ROOT);
        return new Clause(
                platformId + "/" + document + "#section-" + n,
                platformId,
                platform,
                document,
                document,
                List.of("Section " + n),
                text,
                from,
                to,
                null,
                null);
    }

    static List<Clause> corpus() {
        return List.of(
                clause("Tunebox", "terms", 1, "You keep the rights to the tracks you upload to Tunebox.", NOW, null),
                clause(
                        "Tunebox",
                        "terms",
                        2,
                        "We will not train generative models on your tracks without consent.",
                        NOW,
                        null),
                clause("Tunebox", "terms", 2, "We may use uploaded tracks to improve our services.", OLD, NOW),
                clause(
                        "Streamly",
                        "privacy",
                        1,
                        "We keep your listening history for two years, then delete it.",
                        NOW,
                        null),
                clause("Streamly", "privacy", 2, "Advertisers never receive your email address from us.", NOW, null));
    }

    /** Letter counts, unit length: similar texts get similar vectors, and it never needs a model. */
    static final class LetterEmbedder implements Embedder {
        int passages;

        @Override
        public List<float[]> embedAll(List<String> texts) {
            passages += texts.size();
            List<float[]> out = new ArrayList<>();
            for (String text : texts) {
                out.add(embed(text));
            }
            return out;
        }

        static float[] embed(String text) {
            float[] v = new float[26];
            for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
                if (c >= 'a' && c <= 'z') {
                    v[c - 'a']++;
                }
            }
            double norm = 0;
            for (float f : v) {
                norm += f * f;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / Math.sqrt(norm));
            }
            return v;
        }

        @Override
        public int dimension() {
            return 26;
        }

        @Override
        public String modelId() {
            return "letters";
        }
    }
}
