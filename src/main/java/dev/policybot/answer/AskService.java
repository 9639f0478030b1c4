package dev.policybot.answer;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.port.AnswerWriter;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.text.Languages;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one question end to end: retrieve the clauses, have the writer answer from them, verify the citations.
 * A question in another language is also translated to English for retrieval when a translator is configured;
 * otherwise the answer says it quotes the documents' original text.
 */
public final class AskService implements Asker {
    private static final Logger LOG = LoggerFactory.getLogger(AskService.class);

    private final ClauseSearch search;
    private final AnswerWriter writer;
    private final CitationVerifier verifier;
    private final QueryTranslator translator;
    private final int searchLimit;

    /**
     * @param search      retrieves clauses
     * @param writer      writes the answer (extractive, or an LLM writer that falls back to extractive)
     * @param verifier    checks citations and quotations of every answer
     * @param translator  English translation for retrieval, or {@link QueryTranslator#NONE}
     * @param searchLimit how many clauses to retrieve
     */
    public AskService(
            ClauseSearch search,
            AnswerWriter writer,
            CitationVerifier verifier,
            QueryTranslator translator,
            int searchLimit) {
        this.search = search;
        this.writer = writer;
        this.verifier = verifier;
        this.translator = translator;
        this.searchLimit = searchLimit;
    }

    @Override
    public Answer ask(Question question) {
        String language = Languages.detect(question.text());
        String query = retrievalQuery(question.text(), language);
        SearchResult evidence = search.search(request(question, query));
        Answer draft = writer.write(question, evidence);
        Answer verified = verifier.verify(question, evidence, draft);
        LOG.debug(
                "answered in mode {} with {} citation(s), abstained={}, relevance={}",
                verified.mode(),
                verified.citations().size(),
                verified.abstained(),
                verified.relevance());
        return withLanguageNote(verified, language);
    }

    /** The question, followed by its English translation when it is in another language and one can be made. */
    private String retrievalQuery(String text, String language) {
        if (Languages.ENGLISH.equals(language)) {
            return text;
        }
        String english = null;
        try {
            english = translator.toEnglish(text, language);
        } catch (RuntimeException e) {
            LOG.warn("translating the question for retrieval failed; searching with the original words", e);
        }
        return english == null || english.isBlank() ? text : english.strip() + "\n" + text;
    }

    private SearchRequest request(Question question, String query) {
        Set<String> platforms =
                question.platformId() == null || question.platformId().isBlank()
                        ? Set.of()
                        : Set.of(question.platformId());
        return new SearchRequest(query, platforms, null, question.asOf(), searchLimit);
    }

    /** An extractive answer to a question in another language quotes the documents as written: say so. */
    private static Answer withLanguageNote(Answer answer, String language) {
        if (Languages.ENGLISH.equals(language)
                || !ExtractiveAnswerWriter.MODE.equals(answer.mode())
                || AnswerFraming.GERMAN.framed(answer)) {
            return answer; // English, written by a model, or framed in the asker's language already
        }
        String asked = "Your question looks " + Languages.name(language) + "; ";
        if (answer.abstained()) {
            return answer.withExtraNote(asked + "without a language model it is matched against the documents' "
                    + "own wording, which may miss an answer.");
        }
        String quoted = answer.citations().stream().map(Citation::quote).reduce("", (a, b) -> a + " " + b);
        return answer.withExtraNote(asked + "this answer quotes the documents' original "
                + Languages.name(Languages.detect(quoted)) + " text.");
    }
}
