package dev.policybot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessEmbedderTest {

    @Test
    void texts_without_a_visible_character_are_recognised() {
        assertThat(InProcessEmbedder.hasVisibleText("")).isFalse();
        assertThat(InProcessEmbedder.hasVisibleText(" \t\n ")).isFalse();
        assertThat(InProcessEmbedder.hasVisibleText("\u00A0\u00A0")).isFalse();
        assertThat(InProcessEmbedder.hasVisibleText("\u200B\uFEFF\u2007")).isFalse();
        assertThat(InProcessEmbedder.hasVisibleText("\u00A0a")).isTrue();
    }

    @Test
    void a_batch_with_blank_texts_is_embedded_in_order_with_zero_vectors_for_the_blanks() {
        try (InProcessEmbedder embedder = new InProcessEmbedder()) {
            List<float[]> vectors =
                    embedder.embedAll(List.of("We sell your data.", "\u00A0 ", "We never sell your data."));
            assertThat(vectors).hasSize(3);
            assertThat(vectors.get(0)).hasSize(384);
            assertThat(vectors.get(1)).containsOnly(0f);
            assertThat(cosine(vectors.get(0), vectors.get(2))).isGreaterThan(0.5);
        }
    }

    @Test
    void texts_the_tokenizer_reads_as_nothing_get_zero_vectors_instead_of_failing_the_batch() {
        // joiners, soft hyphens, bidi marks and lone combining accents pass a whitespace check but leave no token
        List<String> texts = List.of(
                "We sell your data.", "\u200D\u00AD\u200E", "\u0301\u0301", "\uE000", "We never sell your data.");
        try (InProcessEmbedder embedder = new InProcessEmbedder()) {
            List<float[]> vectors = embedder.embedAll(texts);
            assertThat(vectors).hasSize(5);
            assertThat(vectors.get(1)).containsOnly(0f);
            assertThat(vectors.get(2)).containsOnly(0f);
            assertThat(cosine(vectors.get(0), vectors.get(4))).isGreaterThan(0.5);
        }
    }

    @Test
    void bge_small_runs_from_its_jar_and_reads_a_query_with_its_instruction() {
        try (InProcessEmbedder bge = new InProcessEmbedder(InProcessEmbedder.Model.BGE_SMALL)) {
            float[] passage =
                    bge.embedAll(List.of("We never sell your personal data.")).get(0);
            float[] query = bge.embedQuery("do they sell my data?");
            float[] unrelated = bge.embedQuery("what is the minimum age to open an account?");

            assertThat(bge.modelId()).isEqualTo("bge-small-en-v15-q");
            assertThat(query).hasSize(384);
            assertThat(query)
                    .isNotEqualTo(bge.embedAll(List.of("do they sell my data?")).get(0));
            assertThat(cosine(query, passage)).isGreaterThan(cosine(unrelated, passage));
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
