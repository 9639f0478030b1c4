package dev.policybot.answer;

import static dev.policybot.fakes.FixtureClauses.PRIVACY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Question;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchResult;
import dev.policybot.fakes.FixtureClauses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model answers that try to pass off words the clause does not say as a quotation of it (hardening #20, item 2). */
class CitationForgeryTest {
    static final Clause EMAIL = FixtureClauses.withText(
            PRIVACY,
            "We will not share your email address with advertisers. We may sell your data to our partners when you "
                    + "agree to it.");
    static final SearchResult EVIDENCE =
            new SearchResult(List.of(new ScoredClause(EMAIL, 3)), List.of("tunebox"), List.of());
    static final Answer EXTRACTIVE = new Answer(
            "Tunebox's Privacy Policy says: \u201cWe will not share your email address with advertisers.\u201d [1]",
            List.of(new Citation(1, EMAIL, "We will not share your email address with advertisers.")),
            false,
            "extractive",
            List.of("Tunebox"),
            List.of(),
            null);

    private final CitationVerifier verifier = new CitationVerifier((question, evidence) -> EXTRACTIVE);

    static Answer llm(String text) {
        return new Answer(
                text,
                List.of(new Citation(1, EMAIL, "We will not share your email address with advertisers.")),
                false,
                "llm:test",
                List.of("Tunebox"),
                List.of(),
                null);
    }

    private Answer verified(String text) {
        return verifier.verify(Question.of("Does Tunebox sell my data?"), EVIDENCE, llm(text));
    }

    @Test
    void pieces_of_an_elided_quotation_from_different_sentences_are_a_forgery() {
        assertThat(verified("They promise \"We will not \u2026 sell your data\" [1].")
                        .note())
                .isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void pieces_of_an_elided_quotation_out_of_order_are_a_forgery() {
        assertThat(verified("It says \"with advertisers \u2026 We will not share\" [1].")
                        .note())
                .isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void an_elided_piece_of_fewer_than_three_words_proves_nothing() {
        assertThat(verified("It says \"We will not share your email \u2026 data\" [1].")
                        .note())
                .isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void an_elision_within_one_sentence_in_order_is_a_quotation() {
        Answer answer = verified("It says \"We will not \u2026 your email address with advertisers\" [1].");

        assertThat(answer.note()).isNull();
        assertThat(answer.mode()).isEqualTo("llm:test");
    }

    @Test
    void typographic_and_plain_single_quotes_are_quotations() {
        assertThat(verified("It says \u2018we will sell your email address to advertisers\u2019 [1].")
                        .note())
                .isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
        assertThat(verified("It says 'we will sell your email address to advertisers' [1].")
                        .note())
                .isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void apostrophes_are_not_quotations() {
        Answer answer = verified("Tunebox's policy doesn't let them share your email address with advertisers [1].");

        assertThat(answer.note()).isNull();
    }

    @Test
    void a_blockquote_is_a_quotation() {
        assertThat(verified("The policy:\n> We will sell your email address to advertisers [1]")
                        .note())
                .isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void a_masked_link_in_a_model_answer_is_shown_as_text_not_as_a_link() {
        Answer answer = verified("They will not share your email address with advertisers, see "
                + "[tunebox.com/privacy](https://evil.example/phish) [1].");

        assertThat(answer.text()).doesNotContainPattern("(?<!\\\\)\\[tunebox\\.com/privacy(?<!\\\\)\\]\\(");
        assertThat(answer.text()).contains("tunebox.com/privacy").contains("https://evil.example/phish");
    }

    @Test
    void sentences_without_a_valid_citation_are_dropped_except_a_short_lead_and_the_legal_reminder() {
        Answer answer = verified("Short answer: no. "
                + "They will not share your email address with advertisers [1]. "
                + "Tunebox also guarantees a full refund within 90 days of any purchase. "
                + "This is not legal advice.");

        assertThat(answer.text())
                .startsWith("Short answer: no.")
                .contains("share your email address with advertisers [1]")
                .doesNotContain("refund")
                .endsWith("This is not legal advice.");
    }

    @Test
    void a_claim_that_shares_almost_no_words_with_the_clause_it_cites_is_dropped() {
        Answer answer = verified("They will not share your email address with advertisers [1]. "
                + "Tunebox guarantees full refunds within ninety days for every subscription purchase [1].");

        assertThat(answer.text()).contains("advertisers [1]").doesNotContain("refunds");
    }
}
