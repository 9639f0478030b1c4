package dev.policybot.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusReplicatorTest {

    @Test
    void copiesAreNewPlatformsWhoseClauseTextsAreNeverDuplicates() {
        // given five clauses, four of them current
        List<Clause> base = BenchFixtures.corpus();

        // when copied four times
        List<Clause> copies = CorpusReplicator.replicate(base, 4);

        // then copy 0 is the corpus itself and the three others its four current clauses each: no text and no version
        // key twice
        assertThat(copies).hasSize(5 + 3 * 4);
        assertThat(copies.stream().map(Clause::text).distinct()).hasSize(17);
        assertThat(copies.stream().map(Clause::versionKey).distinct()).hasSize(17);
        assertThat(copies.subList(0, 5)).containsExactlyElementsOf(base);
        assertThat(copies.subList(5, 17)).allMatch(Clause::isCurrent);
        Clause copy = copies.get(5 + 4 * 2 + 1);
        assertThat(copy.platformId()).isEqualTo("tunebox-r3");
        assertThat(copy.platform()).isEqualTo("Tunebox R3");
        assertThat(copy.id()).isEqualTo("tunebox-r3/terms#section-2");
        assertThat(copy.text()).isEqualTo("[r3] " + base.get(1).text());
        assertThat(copy.validFrom()).isEqualTo(base.get(1).validFrom());
        assertThat(copy.validTo()).isEqualTo(base.get(1).validTo());
    }

    @Test
    void copyingIsDeterministic() {
        List<Clause> base = BenchFixtures.corpus();

        assertThat(CorpusReplicator.replicate(base, 3)).containsExactlyElementsOf(CorpusReplicator.replicate(base, 3));
    }

    @Test
    void aCopysTextLeadsBackToItsOriginalAlsoAfterHeadings() {
        String original = "Section 2\nWe will not train generative models on your tracks without consent.";
        String copy = "Section 2\n[r12] We will not train generative models on your tracks without consent.";

        assertThat(CorpusReplicator.copyOf(copy)).isEqualTo(12);
        assertThat(CorpusReplicator.copyOf(original)).isZero();
        assertThat(CorpusReplicator.original(copy)).isEqualTo(original);
        assertThat(CorpusReplicator.original(original)).isEqualTo(original);
    }
}
