package dev.policybot.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.policybot.answer.AskService;
import dev.policybot.answer.CitationVerifier;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FakeClauseSearch;
import dev.policybot.fakes.FixtureClauses;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A German question with an LLM: translated to English for retrieval, answered in German. */
class GermanQuestionTest {
    private static final String QUESTION = "Darf Tunebox meine Songs für KI-Training nutzen?";
    private static final String GERMAN_REPLY = "Nein \u2014 Tunebox nutzt deine Inhalte nicht, um generative KI zu "
            + "trainieren, außer du stimmst ausdrücklich zu [1].";

    private final FakeClauseSearch search = new FakeClauseSearch(FixtureClauses.all());
    private final ExtractiveAnswerWriter extractive =
            new ExtractiveAnswerWriter(new BagOfWordsEmbedder(), ExtractiveAnswerWriter.Settings.of(0.35, 3));
    private MockWebServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void is_retrieved_in_english_and_answered_in_german() throws Exception {
        server.enqueue(ProviderWire.OPENAI.answering("Can Tunebox use my songs for AI training?"));
        server.enqueue(ProviderWire.OPENAI.answering(GERMAN_REPLY));
        ChatModel model = new ChatModelFactory()
                .create(ProviderWire.OPENAI.config(server, Duration.ofSeconds(5)), "test-key")
                .orElseThrow();
        AskService service = new AskService(
                search,
                new LlmAnswerWriter(model, "openai", extractive, 6),
                new CitationVerifier(extractive),
                new LlmQueryTranslator(model),
                10);

        Answer answer = service.ask(Question.of(QUESTION));

        assertThat(search.lastRequest().query()).isEqualTo("Can Tunebox use my songs for AI training?\n" + QUESTION);
        assertThat(answer.text()).isEqualTo(GERMAN_REPLY);
        assertThat(answer.mode()).isEqualTo("llm:openai");
        assertThat(answer.citations().get(0).clause()).isEqualTo(FixtureClauses.AI);
        assertThat(answer.note()).isNull();
        String translationRequest = ProviderWire.textOf(
                server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(translationRequest).contains("Translate from German into English:\n<question>\n" + QUESTION);
        String answerRequest = ProviderWire.textOf(
                server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(answerRequest).contains("Answer in German").contains("<excerpt n=\"1\"");
    }
}
