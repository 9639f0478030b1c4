package dev.policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.port.AnswerWriter;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FakeClauseSearch;
import dev.policybot.fakes.FixtureClauses;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AskServiceTest {
    private final FakeClauseSearch search = new FakeClauseSearch(FixtureClauses.all());
    private final ExtractiveAnswerWriter extractive =
            new ExtractiveAnswerWriter(new BagOfWordsEmbedder(), ExtractiveAnswerWriter.Settings.of(0.35, 3));
    private final CitationVerifier verifier = new CitationVerifier(extractive);

    private AskService service(AnswerWriter writer, QueryTranslator translator) {
        return new AskService(search, writer, verifier, translator, 10);
    }

    @Test
    void answers_extractively_from_the_retrieved_clauses() {
        Answer answer =
                service(extractive, QueryTranslator.NONE).ask(Question.of("Can Tunebox train AI on my tracks?"));

        assertThat(answer.abstained()).isFalse();
        assertThat(answer.citations().get(0).clause()).isEqualTo(FixtureClauses.AI);
        assertThat(answer.note()).isNull();
    }

    @Test
    void passes_the_chosen_platform_and_day_to_the_search() {
        service(extractive, QueryTranslator.NONE)
                .ask(new Question("do I keep ownership?", "streamly", LocalDate.parse("2025-12-01")));

        SearchRequest request = search.lastRequest();
        assertThat(request.platformIds()).containsExactly("streamly");
        assertThat(request.asOf()).isEqualTo(LocalDate.parse("2025-12-01"));
        assertThat(request.query()).isEqualTo("do I keep ownership?");
        assertThat(request.limit()).isEqualTo(10);
    }

    @Test
    void verifies_what_the_writer_wrote() {
        AnswerWriter lying = (question, evidence) ->
                new Answer("Yes, anything goes [9].", List.of(), false, "llm:test", List.of(), List.of(), null);

        Answer answer = service(lying, QueryTranslator.NONE).ask(Question.of("Can Tunebox train AI on my tracks?"));

        assertThat(answer.mode()).isEqualTo("extractive");
        assertThat(answer.text()).doesNotContain("anything goes");
        assertThat(answer.note()).isEqualTo(CitationVerifier.UNVERIFIED_NOTE);
    }

    @Test
    void a_german_question_is_also_searched_in_english_when_a_translator_is_configured() {
        List<String> translated = new ArrayList<>();
        QueryTranslator translator = (question, language) -> {
            translated.add(language + ":" + question);
            return "Can Tunebox use my songs for AI training?";
        };

        service(extractive, translator).ask(Question.of("Darf Tunebox meine Songs für KI-Training nutzen?"));

        assertThat(translated).containsExactly("de:Darf Tunebox meine Songs für KI-Training nutzen?");
        assertThat(search.lastRequest().query())
                .isEqualTo(
                        "Can Tunebox use my songs for AI training?\nDarf Tunebox meine Songs für KI-Training nutzen?");
    }

    @Test
    void an_english_question_is_not_translated() {
        QueryTranslator translator = (question, language) -> {
            throw new AssertionError("must not translate English");
        };

        service(extractive, translator).ask(Question.of("Can Tunebox train AI on my tracks?"));

        assertThat(search.lastRequest().query()).isEqualTo("Can Tunebox train AI on my tracks?");
    }

    @Test
    void a_failing_translator_falls_back_to_the_original_words() {
        QueryTranslator broken = (question, language) -> {
            throw new IllegalStateException("model down");
        };

        service(extractive, broken).ask(Question.of("Darf Tunebox meine Songs für KI-Training nutzen?"));

        assertThat(search.lastRequest().query()).isEqualTo("Darf Tunebox meine Songs für KI-Training nutzen?");
    }

    @Test
    void without_a_model_an_answer_to_a_german_question_says_it_quotes_the_english_text() {
        AnswerWriter quoting = (question, evidence) -> extractive.write(Question.of("train AI tracks"), evidence);

        Answer answer = service(quoting, QueryTranslator.NONE)
                .ask(new Question("Darf Tunebox meine Songs für KI-Training nutzen und trainieren?", "tunebox", null));

        assertThat(answer.abstained()).isFalse();
        assertThat(answer.note())
                .isEqualTo("Your question looks German; this answer quotes the documents' original English text.");
    }

    @Test
    void without_a_model_an_abstention_on_a_german_question_says_matching_may_have_missed() {
        Answer answer = service(extractive, QueryTranslator.NONE)
                .ask(new Question("Wie viel zahlt Tunebox pro Stream an Künstler?", "tunebox", null));

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.note()).startsWith("Your question looks German; without a language model");
        assertThat(search.lastRequest().platformIds()).isEqualTo(Set.of("tunebox"));
    }
}
