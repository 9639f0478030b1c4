package dev.policybot.answer;

import static dev.policybot.fakes.FixtureClauses.AI;
import static dev.policybot.fakes.FixtureClauses.AI_SENTENCE;
import static dev.policybot.fakes.FixtureClauses.LICENSE;
import static dev.policybot.fakes.FixtureClauses.PRIVACY;
import static dev.policybot.fakes.FixtureClauses.TERMINATION;
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

class CitationVerifierTest {
    private static final Question QUESTION = Question.of("Can Tunebox train AI on my tracks?");
    private static final SearchResult EVIDENCE = new SearchResult(
            List.of(new ScoredClause(AI, 3), new ScoredClause(LICENSE, 2), new ScoredClause(TERMINATION, 1)),
            List.of("tunebox"),
            List.of("Tunebox · Terms of Service (version 2026-08-17)"));
    private static final Answer EXTRACTIVE = new Answer(
            "Tunebox's Terms of Service say: \u201cquote\u201d [1]",
            List.of(new Citation(1, AI, AI_SENTENCE)),
            false,
            "extractive",
            List.of("Tunebox"),
            List.of(),
            null);

    private final CitationVerifier verifier = new CitationVerifier((question, evidence) -> EXTRACTIVE);

    private static Answer llm(String text, Citation... citations) {
        return new Answer(text, List.of(citations), false, "llm:test", List.of("Tunebox"), List.of(), null);
    }

    @Test
    void keeps_an_answer_whose_citations_all_check_out() {
        Answer draft = llm(
                "No \u2014 Tunebox will not train generative AI on your music unless you opt in [1]. "
                        + "Its licence covers hosting and streaming [2].",
                new Citation(1, AI, AI_SENTENCE),
                new Citation(2, LICENSE, LICENSE.text().substring(0, 60)));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.text()).isEqualTo(draft.text());
        assertThat(verified.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(verified.note()).isNull();
        assertThat(verified.mode()).isEqualTo("llm:test");
    }

    @Test
    void renumbers_citations_in_reading_order_without_gaps() {
        Answer draft = llm(
                "You can opt in [3]. Tunebox hosts your uploads [1, 3].",
                new Citation(1, LICENSE, LICENSE.text().substring(0, 40)),
                new Citation(3, AI, AI_SENTENCE));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.text()).isEqualTo("You can opt in [1]. Tunebox hosts your uploads [2][1].");
        assertThat(verified.citations()).extracting(c -> c.clause().id()).containsExactly(AI.id(), LICENSE.id());
    }

    @Test
    void removes_a_citation_to_a_clause_that_was_not_given_and_the_claim_resting_on_it() {
        Answer draft = llm(
                "Tunebox will not train AI on your music without consent [1]. "
                        + "It also sells your tracks to AI labs [7]. You can change this in settings [1][7].",
                new Citation(1, AI, AI_SENTENCE));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.text())
                .isEqualTo("Tunebox will not train AI on your music without consent [1]. "
                        + "You can change this in settings [1].");
        assertThat(verified.text()).doesNotContain("[7]").doesNotContain("sells");
        assertThat(verified.citations()).hasSize(1);
        assertThat(verified.note()).isEqualTo("2 citations that did not match the retrieved passages were removed.");
    }

    @Test
    void a_citation_written_after_the_full_stop_still_belongs_to_its_sentence() {
        Answer draft = llm(
                "Tunebox sells your tracks to AI labs. [7] It will not train AI without consent. [1]",
                new Citation(1, AI, AI_SENTENCE));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.text()).isEqualTo("It will not train AI without consent. [1]");
    }

    @Test
    void replaces_an_answer_without_any_valid_citation_by_the_extractive_one_with_a_note() {
        Answer draft = llm("Yes, Tunebox can do whatever it wants with your music [4].");

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.text()).isEqualTo(EXTRACTIVE.text());
        assertThat(verified.mode()).isEqualTo("extractive");
        assertThat(verified.note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void replaces_an_answer_that_cites_nothing() {
        Answer verified = verifier.verify(QUESTION, EVIDENCE, llm("Yes.", new Citation(1, AI, AI_SENTENCE)));

        assertThat(verified.text()).isEqualTo(EXTRACTIVE.text());
        assertThat(verified.note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void replaces_an_answer_with_a_fabricated_quotation() {
        Answer draft = llm(
                "Yes \u2014 the terms say \u201cwe may sell your songs to AI companies\u201d [1].",
                new Citation(1, AI, AI_SENTENCE));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.text()).isEqualTo(EXTRACTIVE.text());
        assertThat(verified.note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void accepts_a_quotation_that_matches_after_normalisation_and_with_an_ellipsis() {
        Answer draft = llm(
                "No: \"we will NOT use your content to train generative AI models\u2026 unless you "
                        + "explicitly opt in\" [1].",
                new Citation(1, AI, AI_SENTENCE));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.text()).isEqualTo(draft.text());
    }

    @Test
    void a_quotation_must_come_from_the_clause_it_cites() {
        Answer draft = llm(
                "Tunebox says \"you grant Tunebox a worldwide, non-exclusive, royalty-free license\" [2].",
                new Citation(1, LICENSE, LICENSE.text().substring(0, 30)),
                new Citation(2, AI, AI_SENTENCE));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void a_german_quotation_mark_pair_is_checked_too() {
        Answer draft = llm(
                "Nein \u2014 dort steht \u201eWe will sell your music to anyone\u201c [1].",
                new Citation(1, AI, AI_SENTENCE));

        assertThat(verifier.verify(QUESTION, EVIDENCE, draft).note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void a_citation_of_a_clause_that_was_not_retrieved_is_invalid() {
        Answer draft = llm(
                "Tunebox does not sell personal data [1].",
                new Citation(1, PRIVACY, "We do not sell your personal data to third parties."));

        Answer verified = verifier.verify(QUESTION, EVIDENCE, draft);

        assertThat(verified.note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void a_citation_whose_quote_is_not_verbatim_is_invalid() {
        Answer draft = llm("Tunebox will not train AI [1].", new Citation(1, AI, "We will never train AI."));

        assertThat(verifier.verify(QUESTION, EVIDENCE, draft).note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void an_abstention_passes_unchanged() {
        Answer abstention = ExtractiveAnswerWriter.abstain(EVIDENCE, 0.1);

        assertThat(verifier.verify(QUESTION, EVIDENCE, abstention)).isEqualTo(abstention);
    }

    @Test
    void an_extractive_answer_passes_when_its_quotes_are_verbatim() {
        Answer extractive = new Answer(
                "Tunebox's Terms of Service (version 2026-08-17) say: \u201c" + AI_SENTENCE + "\u201d [1]",
                List.of(new Citation(1, AI, AI_SENTENCE)),
                false,
                "extractive",
                List.of("Tunebox"),
                List.of(),
                null,
                0.7);

        assertThat(verifier.verify(QUESTION, EVIDENCE, extractive)).isEqualTo(extractive);
    }

    @Test
    void an_extractive_answer_quoting_bracketed_numbers_is_left_as_it_is() {
        String quote = "We will not use your Content [2] to train generative AI models.";
        Clause clause = FixtureClauses.withText(AI, quote);
        Answer extractive = new Answer(
                "Tunebox's Terms of Service (version 2026-08-17) say: \u201c" + quote + "\u201d [1]",
                List.of(new Citation(1, clause, quote)),
                false,
                "extractive",
                List.of("Tunebox"),
                List.of(),
                null,
                0.7);
        SearchResult evidence = new SearchResult(List.of(new ScoredClause(clause, 1)), List.of("tunebox"), List.of());

        assertThat(verifier.verify(QUESTION, evidence, extractive)).isEqualTo(extractive);
    }

    @Test
    void an_extractive_answer_with_a_quote_not_from_its_clause_becomes_an_abstention() {
        Answer broken = new Answer(
                "text [1]",
                List.of(new Citation(1, AI, "Not in the clause at all.")),
                false,
                "extractive",
                List.of("Tunebox"),
                List.of(),
                null,
                0.7);

        Answer verified = verifier.verify(QUESTION, EVIDENCE, broken);

        assertThat(verified.abstained()).isTrue();
        assertThat(verified.citations()).isEmpty();
    }
}
