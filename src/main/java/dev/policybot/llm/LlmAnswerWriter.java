package dev.policybot.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.policybot.answer.CitationMarkers;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.answer.Searched;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Question;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.domain.port.AnswerWriter;
import dev.policybot.domain.port.HistoryLookup;
import dev.policybot.text.Languages;
import dev.policybot.text.Sentences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a chat model from the top clauses, numbered. Its draft cites clauses by those numbers; each cited
 * clause is quoted with its sentence that best supports the sentences citing it. The core's verifier then checks
 * the draft. When the model fails (timeout, 429 after retries, 5xx, unreadable or empty reply, refusal) the
 * extractive answer is returned with a one-line note saying why, and the cause is logged.
 *
 * <p>When the {@link HistoryLookup} finds that a clause the answer would cite changed on the question's topic, the
 * earlier wording goes to the model as one more excerpt, marked as replaced on that day. The model may cite it like any
 * excerpt (its quotes are verified against the earlier clause), and the answer carries the history line.
 */
public final class LlmAnswerWriter implements AnswerWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LlmAnswerWriter.class);
    private static final Pattern REFUSAL = Pattern.compile(
            "(?i)^\\W*(i'?m sorry|i am sorry|sorry,|i can(?:'|no)t (?:help|assist|answer)|i'?m (?:not able|unable)"
                    + "|i am (?:not able|unable)|as an ai)");

    private final ChatModel model;
    private final String mode;
    private final ExtractiveAnswerWriter extractive;
    private final int excerpts;
    private final HistoryLookup history;

    /**
     * @param model      the chat model (see {@link ChatModelFactory})
     * @param provider   its provider name, shown as mode {@code llm:<provider>}
     * @param extractive writes the fallback answer and quotes cited clauses
     * @param excerpts   how many of the top clauses the model is given
     */
    public LlmAnswerWriter(ChatModel model, String provider, ExtractiveAnswerWriter extractive, int excerpts) {
        this(model, provider, extractive, excerpts, HistoryLookup.NONE);
    }

    /** As above; {@code history} finds the earlier wording given to the model as a marked excerpt. */
    public LlmAnswerWriter(
            ChatModel model, String provider, ExtractiveAnswerWriter extractive, int excerpts, HistoryLookup history) {
        this.model = model;
        this.mode = "llm:" + provider;
        this.extractive = extractive;
        this.excerpts = excerpts;
        this.history = history;
    }

    @Override
    public Answer write(Question question, SearchResult evidence) {
        if (evidence.hits().isEmpty()) {
            return extractive.write(question, evidence);
        }
        List<Clause> given = evidence.hits().stream()
                .limit(excerpts)
                .map(ScoredClause::clause)
                .toList();
        String language = Languages.name(Languages.detect(question.text()));
        HistoryNote note = earlierWording(question, evidence);
        AnswerPrompt.Earlier earlier =
                note == null ? null : new AnswerPrompt.Earlier(note.before().clause(), note.changed());
        List<Clause> numbered = new ArrayList<>(given);
        if (earlier != null) {
            numbered.add(earlier.clause());
        }
        String reply;
        try {
            reply = replyText(model.chat(AnswerPrompt.messages(question.text(), language, given, earlier)));
        } catch (RuntimeException e) {
            ModelFault fault = e instanceof FaultException f ? f.fault : ModelFault.of(e);
            LOG.warn(
                    "{} gave no usable answer (the language model {}; {}); answering extractively",
                    mode,
                    fault.cause(),
                    e.getClass().getName());
            LOG.debug("{} failure", mode, e);
            return extractive.write(question, evidence).withExtraNote(fault.note());
        }
        if (reply.strip().startsWith(AnswerPrompt.NOT_ADDRESSED)) {
            Answer abstention = ExtractiveAnswerWriter.abstain(evidence, Double.NaN);
            return new Answer(
                    abstention.text(), List.of(), true, mode, abstention.platforms(), abstention.searched(), null);
        }
        Answer answer = new Answer(
                reply.strip(),
                citations(question, reply, numbered),
                false,
                mode,
                Searched.platformNames(evidence),
                evidence.searched(),
                null);
        return note == null ? answer : answer.withHistory(List.of(note));
    }

    /**
     * The history line of the answer the excerpts give (found from the extractive answer, whose citations are the
     * clauses that answer the question); {@code null} when nothing relevant changed.
     */
    private HistoryNote earlierWording(Question question, SearchResult evidence) {
        if (history == HistoryLookup.NONE) {
            return null;
        }
        try {
            // the verifier numbers it with the answer's citations
            return history.noteFor(question, extractive.write(question, evidence))
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("finding the earlier wording for the model failed; answering without it", e);
            return null;
        }
    }

    /** The reply's text; an empty reply or a refusal is a fault like any other. */
    private static String replyText(ChatResponse response) {
        String text = response == null || response.aiMessage() == null
                ? null
                : response.aiMessage().text();
        if (response != null && response.finishReason() == FinishReason.CONTENT_FILTER) {
            throw new FaultException(ModelFault.REFUSED);
        }
        if (text == null || text.isBlank()) {
            throw new FaultException(ModelFault.EMPTY_REPLY);
        }
        if (REFUSAL.matcher(text).find() && CitationMarkers.numbersIn(text).isEmpty()) {
            throw new FaultException(ModelFault.REFUSED);
        }
        return text;
    }

    /** A citation for each number the reply uses that names a given clause; other numbers stay for the verifier. */
    private List<Citation> citations(Question question, String reply, List<Clause> given) {
        Map<Integer, StringBuilder> citingText = new LinkedHashMap<>();
        for (Sentences.Span sentence : CitationMarkers.sentences(reply)) {
            for (List<Integer> marker : CitationMarkers.numbersIn(sentence.text())) {
                for (int n : marker) {
                    citingText
                            .computeIfAbsent(n, k -> new StringBuilder(question.text()))
                            .append(' ')
                            .append(sentence.text());
                }
            }
        }
        List<Citation> citations = new ArrayList<>();
        citingText.forEach((n, text) -> {
            if (n >= 1 && n <= given.size()) {
                Clause clause = given.get(n - 1);
                citations.add(new Citation(n, clause, extractive.bestQuote(text.toString(), clause)));
            }
        });
        return citations;
    }

    /** Carries a fault found in a reply that arrived, to the same fallback as a failed request. */
    private static final class FaultException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ModelFault fault;

        FaultException(ModelFault fault) {
            super(fault.cause(), null, false, false);
            this.fault = fault;
        }
    }
}
