package dev.policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteMatcherTest {

    @Test
    void a_clause_containing_the_quote_after_normalising_hits() {
        assertThat(QuoteMatcher.textHits(
                        "We will **not** use your Content to train generative-AI models.",
                        "we will not use your content to train generative AI models"))
                .isTrue();
    }

    @Test
    void half_of_the_quote_in_runs_of_four_words_is_enough() {
        String quote = "one two three four five six seven eight";
        assertThat(QuoteMatcher.textHits("x one two three four y", quote)).isTrue();
        assertThat(QuoteMatcher.textHits("x one two three y", quote)).isFalse();
    }

    @Test
    void scattered_words_do_not_count_as_runs() {
        assertThat(QuoteMatcher.textHits(
                        "one x two x three x four x five x six x seven x eight",
                        "one two three four five six seven eight"))
                .isFalse();
    }

    @Test
    void a_short_quote_must_occur_whole_as_words() {
        assertThat(QuoteMatcher.textHits("You may opt out at any time.", "opt out"))
                .isTrue();
        assertThat(QuoteMatcher.textHits("You may opt in at any time.", "opt out"))
                .isFalse();
        assertThat(QuoteMatcher.textHits("We use cookies.", "we us")).isFalse();
    }

    @Test
    void the_document_and_the_version_must_match_the_gold() {
        Clause clause = new Clause(
                "soundcloud/terms-of-service#a-1",
                "soundcloud",
                "SoundCloud",
                "terms-of-service",
                "Terms of Service",
                List.of(),
                "We will not use your content to train models.",
                LocalDate.parse("2025-09-10"),
                null,
                null,
                null);
        String quote = "We will not use your content to train models.";
        assertThat(QuoteMatcher.hits(clause, new EvalQuestion.Gold("SoundCloud/Terms of Service", null, quote)))
                .isTrue();
        assertThat(QuoteMatcher.hits(
                        clause,
                        new EvalQuestion.Gold("soundcloud/terms-of-service", LocalDate.parse("2025-09-10"), quote)))
                .isTrue();
        assertThat(QuoteMatcher.hits(
                        clause,
                        new EvalQuestion.Gold("soundcloud/terms-of-service", LocalDate.parse("2024-02-07"), quote)))
                .isFalse();
        assertThat(QuoteMatcher.hits(clause, new EvalQuestion.Gold("soundcloud/privacy-policy", null, quote)))
                .isFalse();
    }
}
