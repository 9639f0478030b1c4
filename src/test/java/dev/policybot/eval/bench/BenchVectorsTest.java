package dev.policybot.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchVectorsTest {
    private final BenchFixtures.LetterEmbedder model = new BenchFixtures.LetterEmbedder();
    private final BenchVectors vectors = new BenchVectors(model);

    @Test
    void originalsGetTheModelsVectorAndCopiesADerivedOneCloseToIt() {
        // given an original text embedded by the model
        String original = "Section 1\nYou keep the rights to the tracks you upload.";
        float[] modelVector = vectors.embedAll(List.of(original)).get(0);

        // when two copies of it are embedded
        List<float[]> copies = vectors.embedAll(List.of(
                "Section 1\n[r1] You keep the rights to the tracks you upload.",
                "Section 1\n[r2] You keep the rights to the tracks you upload."));

        // then the model saw only the original, and each copy is a unit vector near it but not equal to it
        assertThat(model.passages).isEqualTo(1);
        assertThat(modelVector).containsExactly(BenchFixtures.LetterEmbedder.embed(original));
        for (float[] copy : copies) {
            assertThat(dot(copy, copy)).isCloseTo(1.0, within(1e-5));
            assertThat(dot(copy, modelVector)).isBetween(0.95, 0.9999);
        }
        assertThat(copies.get(0)).isNotEqualTo(copies.get(1));
        assertThat(vectors.derivedCount()).isEqualTo(2);
        assertThat(vectors.missingOriginals()).isZero();
    }

    @Test
    void theSameCopyTextAlwaysGetsTheSameVector() {
        vectors.embedAll(List.of("We keep your history for two years."));

        float[] first = vectors.embedAll(List.of("[r5] We keep your history for two years."))
                .get(0);
        float[] again = vectors.embedAll(List.of("[r5] We keep your history for two years."))
                .get(0);

        assertThat(again).containsExactly(first);
    }

    @Test
    void aCopyCutShortForEmbeddingStillFindsItsOriginal() {
        String original = "x".repeat(995);
        vectors.embedAll(List.of(original));
        String cutCopy = ("[r7] " + original).substring(0, 995);

        vectors.embedAll(List.of(cutCopy));

        assertThat(vectors.missingOriginals()).isZero();
    }

    @Test
    void aCopyWhoseOriginalWasNeverEmbeddedIsCounted() {
        vectors.embedAll(List.of("[r3] A text nobody embedded."));

        assertThat(vectors.missingOriginals()).isEqualTo(1);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
