package dev.policybot.answer;

import static dev.policybot.fakes.FixtureClauses.AI;
import static dev.policybot.fakes.FixtureClauses.AI_SENTENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.Question;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.port.Embedder;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FakeClauseSearch;
import dev.policybot.fakes.FixtureClauses;
import dev.policybot.text.Words;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerWriterTest {
    private final FakeClauseSearch search = new FakeClauseSearch(FixtureClauses.all());
    private final ExtractiveAnswerWriter writer =
            new ExtractiveAnswerWriter(new BagOfWordsEmbedder(), ExtractiveAnswerWriter.Settings.of(0.35, 3));

    private Answer answer(String text) {
        Question question = Question.of(text);
        return writer.write(question, search.search(SearchRequest.of(text, 10)));
    }

    @Test
    void quotes_the_sentence_that_answers_under_a_lead_naming_document_and_version() {
        Answer answer = answer("Can Tunebox train AI on my tracks?");

        assertThat(answer.abstained()).isFalse();
        assertThat(answer.mode()).isEqualTo("extractive");
        assertThat(answer.text()).startsWith("Tunebox's Terms of Service (version 2026-08-17) say: \u201c");
        assertThat(answer.citations().get(0).clause()).isEqualTo(AI);
        assertThat(answer.citations().get(0).quote()).contains(AI_SENTENCE);
        assertThat(answer.text()).contains(AI_SENTENCE + "\u201d [1]");
    }

    @Test
    void quotes_are_verbatim_from_their_clause_and_numbered_from_one() {
        Answer answer = answer("does tunebox license my uploaded content and when does the license end?");

        assertThat(answer.citations())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.clause().text()).contains(c.quote()));
        assertThat(answer.citations())
                .extracting(Citation::n)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, answer.citations().size())
                                .boxed()
                                .toList());
    }

    @Test
    void abstains_below_the_threshold_naming_the_documents_searched() {
        Answer answer = answer("how much does tunebox pay artists per stream?");

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.text())
                .startsWith("Tunebox's indexed documents don't address this. Searched: ")
                .contains("Tunebox · Terms of Service (version 2026-08-17)")
                .contains("Tunebox · Privacy Policy (version 2025-05-01)");
        assertThat(answer.platforms()).containsExactly("Tunebox");
    }

    @Test
    void abstains_when_nothing_was_retrieved() {
        SearchResult nothing = new SearchResult(
                List.of(), List.of("tunebox"), List.of("Tunebox · Terms of Service (version 2026-08-17)"));

        Answer answer = writer.write(Question.of("anything"), nothing);

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.text()).contains("Tunebox · Terms of Service (version 2026-08-17)");
        assertThat(answer.relevance()).isZero();
    }

    @Test
    void exposes_the_relevance_score_its_decision_used() {
        Question question = Question.of("Can Tunebox train AI on my tracks?");
        SearchResult evidence = search.search(SearchRequest.of(question.text(), 10));

        Answer answer = writer.write(question, evidence);

        assertThat(answer.relevance())
                .isEqualTo(writer.relevance(question, evidence))
                .isGreaterThan(0.35);
    }

    @Test
    void the_threshold_decides_between_answer_and_abstention() {
        Question question = Question.of("Can Tunebox train AI on my tracks?");
        SearchResult evidence = search.search(SearchRequest.of(question.text(), 10));
        double relevance = writer.relevance(question, evidence);

        Answer strict = new ExtractiveAnswerWriter(
                        new BagOfWordsEmbedder(), ExtractiveAnswerWriter.Settings.of(relevance + 0.01, 3))
                .write(question, evidence);
        Answer lenient = new ExtractiveAnswerWriter(
                        new BagOfWordsEmbedder(), ExtractiveAnswerWriter.Settings.of(relevance, 3))
                .write(question, evidence);

        assertThat(strict.abstained()).isTrue();
        assertThat(lenient.abstained()).isFalse();
    }

    @Test
    void cites_at_most_the_configured_number_of_clauses() {
        ExtractiveAnswerWriter one = new ExtractiveAnswerWriter(
                new BagOfWordsEmbedder(),
                new ExtractiveAnswerWriter.Settings(0.1, 1, 8, 0.6, 0.1, 0.0, 120, Integer.MAX_VALUE));

        Answer answer = one.write(
                Question.of("tunebox content license account"),
                search.search(SearchRequest.of("tunebox content license account", 10)));

        assertThat(answer.citations()).hasSize(1);
    }

    @Test
    void never_quotes_a_bare_heading() {
        Answer answer = answer("what about your content on tunebox");

        assertThat(answer.citations()).noneMatch(c -> c.clause().equals(FixtureClauses.HEADING));
    }

    @Test
    void answers_from_the_version_in_force_on_the_day_asked() {
        Question question = new Question(
                "can tunebox train machine learning models on my content?", null, LocalDate.parse("2025-01-01"));
        SearchResult evidence = search.search(new SearchRequest(question.text(), Set.of(), null, question.asOf(), 10));

        Answer answer = writer.write(question, evidence);

        assertThat(answer.text()).startsWith("Tunebox's Terms of Service (version 2024-01-10) say:");
        assertThat(answer.citations().get(0).clause()).isEqualTo(FixtureClauses.OLD_AI);
    }

    @Test
    void keeps_the_text_near_the_word_budget_while_citations_keep_whole_quotes() {
        String longSentence = "You grant the platform " + "a broad and lasting licence to everything ".repeat(30)
                + "that you upload to your account.";
        Clause longClause = FixtureClauses.withText(FixtureClauses.LICENSE, longSentence);
        SearchResult evidence =
                new SearchResult(List.of(new ScoredClause(longClause, 1)), List.of("tunebox"), List.of());

        Answer answer = writer.write(Question.of("what licence do I grant for what I upload?"), evidence);

        assertThat(Words.count(answer.text())).isLessThanOrEqualTo(130);
        assertThat(answer.text()).contains("\u2026\u201d [1]");
        assertThat(answer.citations().get(0).quote()).isEqualTo(longSentence);
    }

    @Test
    void ranks_by_term_overlap_alone_when_the_embedder_fails() {
        Embedder broken = new Embedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                throw new IllegalStateException("model missing");
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public String modelId() {
                return "broken";
            }
        };
        ExtractiveAnswerWriter overlapOnly =
                new ExtractiveAnswerWriter(broken, ExtractiveAnswerWriter.Settings.of(0.2, 3));
        String question = "Can Tunebox train generative AI models on my music?";

        Answer answer = overlapOnly.write(Question.of(question), search.search(SearchRequest.of(question, 10)));

        assertThat(answer.citations().get(0).clause()).isEqualTo(AI);
    }

    @Test
    void the_lead_agrees_with_the_document_name() {
        assertThat(ExtractiveAnswerWriter.lead(FixtureClauses.PRIVACY))
                .isEqualTo("Tunebox's Privacy Policy (version 2025-05-01) says:");
        assertThat(ExtractiveAnswerWriter.lead(AI)).isEqualTo("Tunebox's Terms of Service (version 2026-08-17) say:");
    }

    @Test
    void when_not_sure_it_says_so_in_one_line_then_quotes_and_cites_the_closest_passages() {
        ExtractiveAnswerWriter unsure = new ExtractiveAnswerWriter(
                new BagOfWordsEmbedder(),
                ExtractiveAnswerWriter.Settings.of(0.35, 3).withDecision(signals -> Outcome.CLOSEST_PASSAGES));
        Question question = Question.of("Can Tunebox train AI on my tracks?");

        Answer answer = unsure.write(question, search.search(SearchRequest.of(question.text(), 10)));

        assertThat(answer.outcome()).isEqualTo(Outcome.CLOSEST_PASSAGES);
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.text().lines().findFirst().orElseThrow())
                .isEqualTo("PolicyBot is not sure these passages answer the question; they are the closest it found.");
        assertThat(answer.text()).contains("Tunebox's Terms of Service (version 2026-08-17) say: \u201c");
        assertThat(answer.citations())
                .isNotEmpty()
                .anySatisfy(c -> assertThat(c.clause()).isEqualTo(AI));
        assertThat(answer.language()).isEqualTo("en");
    }

    @Test
    void a_decline_says_not_addressed_as_its_outcome() {
        Answer answer = answer("how much does tunebox pay artists per stream?");

        assertThat(answer.outcome()).isEqualTo(Outcome.NOT_ADDRESSED);
    }

    @Test
    void the_same_sentence_in_two_versions_is_quoted_once() {
        Clause older = new Clause(
                "tunebox/terms-of-service#artificial-intelligence-0",
                "tunebox",
                "Tunebox",
                "terms-of-service",
                "Terms of Service",
                List.of("Artificial intelligence"),
                "Tunebox uses machine learning to recommend tracks. " + AI_SENTENCE.replace("unless", "except if"),
                FixtureClauses.OLD,
                FixtureClauses.CURRENT,
                FixtureClauses.TOS_URL,
                null);
        SearchResult evidence = new SearchResult(
                List.of(new ScoredClause(AI, 1.0), new ScoredClause(older, 0.95)), List.of("tunebox"), List.of());

        Answer answer = writer.write(Question.of("Can Tunebox train generative AI models on my music?"), evidence);

        assertThat(answer.citations()).hasSize(1);
        assertThat(answer.citations().get(0).clause()).isEqualTo(AI);
    }

    @Test
    void signals_measure_how_much_of_the_question_the_quotes_cover() {
        Question question = Question.of("Can Tunebox train AI on my tracks?");
        SearchResult evidence = search.search(SearchRequest.of(question.text(), 10));

        AnswerSignals signals = writer.signals(question, evidence);

        assertThat(signals.relevance()).isEqualTo(writer.relevance(question, evidence));
        assertThat(signals.coverage()).isBetween(0.5, 1.0);
        assertThat(signals.english()).isTrue();
    }

    @Test
    void a_figure_only_in_the_extra_closest_passages_does_not_count_as_quoted() {
        List<ScoredClause> hits = new java.util.ArrayList<>();
        String[] texts = {
            "Artists are paid for each stream of their tracks on the platform under the payout rules.",
            "Tunebox pays artists for streams according to the revenue share agreed in the artist agreement.",
            "Payments to artists for streams are made monthly once the payout threshold is reached.",
            "Artists are paid for streams of their tracks in 12 countries where the platform operates.",
            "Artists get paid for each stream once 2 payout thresholds in their account are met."
        };
        for (int i = 0; i < texts.length; i++) {
            hits.add(new ScoredClause(FixtureClauses.withText(FixtureClauses.LICENSE, texts[i]), 1.0 - i * 0.1));
        }
        SearchResult evidence = new SearchResult(hits, List.of("tunebox"), List.of());

        AnswerSignals signals = writer.signals(Question.of("how much does tunebox pay artists per stream?"), evidence);

        assertThat(signals.amountAsked()).isTrue();
        assertThat(signals.amountQuoted()).isFalse();
    }
}
