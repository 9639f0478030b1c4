package dev.policybot.llm;

import static dev.policybot.fakes.FixtureClauses.AI;
import static dev.policybot.fakes.FixtureClauses.AI_SENTENCE;
import static dev.policybot.fakes.FixtureClauses.CURRENT;
import static dev.policybot.fakes.FixtureClauses.LICENSE;
import static dev.policybot.fakes.FixtureClauses.OLD;
import static dev.policybot.fakes.FixtureClauses.OLD_AI;
import static dev.policybot.fakes.FixtureClauses.TERMINATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.policybot.answer.AskService;
import dev.policybot.answer.CitationVerifier;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.Question;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.domain.port.HistoryLookup;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.fakes.BagOfWordsEmbedder;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a model configured, the earlier wording of a cited clause (the answer's history line) goes to the model as one
 * more excerpt, marked as replaced; what the model says of it is verified against that earlier clause like any other
 * citation. Real LangChain4j OpenAI client against a loopback server.
 */
class LlmEarlierWordingTest {
    private static final Question QUESTION = Question.of("Can Tunebox train AI on my tracks?");
    private static final String EARLIER_QUOTE = "We may use Content uploaded to the Platform to improve our services, "
            + "including to develop and train new features such as machine learning models.";
    private static final HistoryNote NOTE = new HistoryNote(
            CURRENT, true, new Citation(4, OLD_AI, EARLIER_QUOTE), OLD, new Citation(1, AI, AI_SENTENCE), false);

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

    private Answer ask(String reply, HistoryLookup history) {
        server.enqueue(ProviderWire.OPENAI.answering(reply));
        ChatModel model = new ChatModelFactory()
                .create(ProviderWire.OPENAI.config(server, Duration.ofSeconds(5)), "test-key")
                .orElseThrow();
        List<ScoredClause> hits = new ArrayList<>();
        Clause[] clauses = {AI, LICENSE, TERMINATION};
        for (int i = 0; i < clauses.length; i++) {
            hits.add(new ScoredClause(clauses[i], clauses.length - i));
        }
        SearchResult evidence = new SearchResult(hits, List.of("tunebox"), List.of("Tunebox · Terms of Service"));
        return new AskService(
                        request -> evidence,
                        new LlmAnswerWriter(model, "openai", extractive, 6, history),
                        new CitationVerifier(extractive),
                        QueryTranslator.NONE,
                        10)
                .ask(QUESTION);
    }

    private String sentText() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("the model was called").isNotNull();
        return ProviderWire.textOf(request.getBody().utf8());
    }

    private static HistoryLookup whenAnswered() {
        return (question, answer) -> answer.outcome() == Outcome.ANSWERED ? Optional.of(NOTE) : Optional.empty();
    }

    @Test
    void the_earlier_wording_is_sent_as_a_marked_excerpt_and_citing_it_verbatim_is_kept() throws Exception {
        Answer answer = ask(
                "No \u2014 Tunebox will not train generative AI on your music unless you opt in [1]. Before "
                        + CURRENT + " its terms said it may use uploads \"to develop and train new features such as "
                        + "machine learning models\" [4].",
                whenAnswered());

        assertThat(sentText())
                .contains("<excerpt n=\"4\" platform=\"Tunebox\" document=\"Terms of Service\" section=\""
                        + OLD_AI.section() + "\" version=\"" + OLD + "\" earlier=\"yes\" replaced=\"" + CURRENT
                        + "\">")
                .contains(OLD_AI.text());
        assertThat(answer.mode()).isEqualTo("llm:openai");
        assertThat(answer.note()).isNull();
        assertThat(answer.citations()).extracting(Citation::clause).containsExactly(AI, OLD_AI);
        assertThat(answer.text()).endsWith("machine learning models\" [2].");
        assertThat(answer.history()).hasSize(1);
        HistoryNote note = answer.history().get(0);
        assertThat(note.before().n())
                .as("numbered as the answer's own citation of it")
                .isEqualTo(2);
        assertThat(note.before().quote()).isEqualTo(EARLIER_QUOTE);
        assertThat(note.after().n()).isEqualTo(1);
    }

    @Test
    void a_quote_the_earlier_wording_does_not_contain_fails_verification_like_any_other() throws Exception {
        Answer answer = ask(
                "Yes \u2014 before " + CURRENT + " its terms said it \"may sell your uploads to AI companies\" [4].",
                whenAnswered());

        sentText();
        assertThat(answer.mode()).isEqualTo("extractive");
        assertThat(answer.note()).contains(CitationVerifier.UNVERIFIED_NOTE);
        assertThat(answer.citations()).extracting(Citation::clause).doesNotContain(OLD_AI);
    }

    @Test
    void without_a_relevant_change_no_earlier_excerpt_is_sent_and_no_number_beyond_the_excerpts_is_valid()
            throws Exception {
        Answer answer = ask(
                "No \u2014 Tunebox will not train generative AI on your music unless you opt in [1][4].",
                HistoryLookup.NONE);

        assertThat(sentText()).doesNotContain("\" earlier=\"yes\" replaced=").doesNotContain(OLD_AI.text());
        assertThat(answer.history()).isEmpty();
        assertThat(answer.citations()).extracting(Citation::clause).containsExactly(AI);
    }
}
