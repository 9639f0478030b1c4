package dev.policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.text.Words;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random model answers built from the clause's own words: a quotation that is not in the clause never passes
 * verification, whatever quotation marks or elisions it uses.
 */
class CitationForgeryProperties {
    private static final List<String> WORDS =
            List.of(CitationForgeryTest.EMAIL.text().split("\\s+"));
    private static final List<String[]> MARKS = List.of(
            new String[] {"\"", "\""},
            new String[] {"\u201c", "\u201d"},
            new String[] {"\u201e", "\u201c"},
            new String[] {"\u00ab", "\u00bb"},
            new String[] {"\u2018", "\u2019"},
            new String[] {"'", "'"},
            new String[] {"\n> ", ""});

    private final CitationVerifier verifier =
            new CitationVerifier((question, evidence) -> CitationForgeryTest.EXTRACTIVE);

    @Property(tries = 400)
    void a_quotation_not_in_the_clause_never_passes(
            @ForAll("pieces") List<List<Integer>> pieces, @ForAll("marks") int mark) {
        List<String> texts = new ArrayList<>();
        for (List<Integer> piece : pieces) {
            texts.add(String.join(" ", piece.stream().map(WORDS::get).toList()));
        }
        String quotation = String.join(" \u2026 ", texts);
        String[] pair = MARKS.get(mark);
        String answer = "It says " + pair[0] + quotation + pair[1] + " [1]";

        Answer verified = verifier.verify(
                Question.of("Does Tunebox sell my data?"),
                CitationForgeryTest.EVIDENCE,
                CitationForgeryTest.llm(answer));

        boolean everyPieceIsInTheClause =
                texts.stream().allMatch(t -> Words.containsNormalized(CitationForgeryTest.EMAIL.text(), t));
        if (!everyPieceIsInTheClause) {
            assertThat(verified.note()).as(answer).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
        }
    }

    @Provide
    Arbitrary<List<List<Integer>>> pieces() {
        Arbitrary<List<Integer>> piece = Arbitraries.integers()
                .between(0, WORDS.size() - 1)
                .list()
                .ofMinSize(3)
                .ofMaxSize(8);
        return piece.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Integer> marks() {
        return Arbitraries.integers().between(0, MARKS.size() - 1);
    }
}
