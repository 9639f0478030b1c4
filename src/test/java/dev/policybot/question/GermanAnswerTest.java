package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.answer.AskService;
import dev.policybot.answer.CitationVerifier;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FakeClauseSearch;
import dev.policybot.fakes.FixtureClauses;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A German question without any LLM: glossary for retrieval and ranking, German framing around the English quotes. */
class GermanAnswerTest {
    private final PolicyQueryUnderstanding understanding = PolicyQueryUnderstanding.offline();
    private final FakeClauseSearch fake = new FakeClauseSearch(FixtureClauses.all());
    /** What HybridClauseSearch does with the understanding, for the fake: search the English words. */
    private final ClauseSearch search = request -> fake.search(new SearchRequest(
            understanding.understand(request.query(), Set.of()).english(),
            request.platformIds(),
            request.documentId(),
            request.asOf(),
            request.limit()));

    private final ExtractiveAnswerWriter writer = new ExtractiveAnswerWriter(
            new BagOfWordsEmbedder(), ExtractiveAnswerWriter.Settings.of(0.35, 3), understanding);
    private final AskService service =
            new AskService(search, writer, new CitationVerifier(writer), QueryTranslator.NONE, 10);

    @Test
    void a_german_question_is_answered_offline_with_german_framing_around_the_english_quote() {
        Answer answer = service.ask(Question.of("Darf Tunebox meine Songs für KI-Training nutzen?"));

        assertThat(answer.abstained()).isFalse();
        assertThat(answer.citations().get(0).clause()).isEqualTo(FixtureClauses.AI);
        assertThat(answer.text())
                .startsWith("Die Nutzungsbedingungen von Tunebox (Version 2026-08-17) sagen: \u201c")
                .contains(FixtureClauses.AI_SENTENCE)
                .endsWith(
                        "\nDas Zitat ist der englische Originaltext von Tunebox; PolicyBot übersetzt die Texte nicht.");
        assertThat(answer.note()).isNull();
    }

    @Test
    void a_singular_document_says_sagt() {
        Answer answer = service.ask(Question.of("Verkauft Tunebox meine persönlichen Daten an Dritte?"));

        assertThat(answer.citations()).extracting(c -> c.clause()).contains(FixtureClauses.PRIVACY);
        assertThat(answer.text()).contains("Die Datenschutzerklärung von Tunebox (Version 2025-05-01) sagt: \u201c");
    }

    @Test
    void an_english_question_from_a_german_speaking_user_is_framed_in_german() {
        Answer answer = service.ask(new Question("Can Tunebox train AI on my tracks?", null, null, "de"));

        assertThat(answer.text()).startsWith("Die Nutzungsbedingungen von Tunebox (Version 2026-08-17) sagen:");
    }

    @Test
    void an_english_question_keeps_the_english_framing() {
        Answer answer = service.ask(Question.of("Can Tunebox train AI on my tracks?"));

        assertThat(answer.text())
                .startsWith("Tunebox's Terms of Service (version 2026-08-17) say:")
                .doesNotContain("Originaltext");
    }

    @Test
    void a_german_question_the_documents_do_not_address_gets_a_german_abstention() {
        Answer answer = service.ask(Question.of("Wie viel zahlt Tunebox pro Stream an Künstler?"));

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.text())
                .startsWith("Die indexierten Dokumente von Tunebox behandeln diese Frage nicht. "
                        + "Durchsucht: Tunebox · Terms of Service (Version 2026-08-17)");
    }
}
