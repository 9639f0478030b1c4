package dev.policybot.app;

import dev.langchain4j.model.chat.ChatModel;
import dev.policybot.answer.AskService;
import dev.policybot.answer.CitationMarkers;
import dev.policybot.answer.CitationVerifier;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.answer.OutcomeDecision;
import dev.policybot.config.AppConfig;
import dev.policybot.config.LlmConfig;
import dev.policybot.domain.port.AnswerWriter;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.HistoryLookup;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.domain.port.QueryUnderstanding;
import dev.policybot.eval.AnswerEvaluation;
import dev.policybot.eval.DraftRecorder;
import dev.policybot.llm.ChatModelFactory;
import dev.policybot.llm.LlmAnswerWriter;
import dev.policybot.llm.LlmQueryTranslator;
import dev.policybot.question.PolicyQueryUnderstanding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Answering, wired once for the product, the bot and the benchmark: extractive, or an LLM that falls back to it. */
public final class AnswerWiring {
    /** Clauses retrieved per question. */
    public static final int SEARCH_LIMIT = 10;
    /** Of those, how many an LLM is given as numbered excerpts. */
    static final int LLM_EXCERPTS = 6;

    private AnswerWiring() {}

    /** Answering from the config and environment, with the offline query understanding. */
    public static Asker asker(AppConfig config, Map<String, String> env, ClauseSearch search, Embedder embedder) {
        return asker(config, env, search, embedder, PolicyQueryUnderstanding.offline());
    }

    /** As above; {@code understanding} gives German questions their English words and German framing. */
    public static Asker asker(
            AppConfig config,
            Map<String, String> env,
            ClauseSearch search,
            Embedder embedder,
            QueryUnderstanding understanding) {
        return asker(config, env, search, embedder, understanding, HistoryLookup.NONE);
    }

    /** As above; a configured model is given the earlier wording {@code history} finds as a marked excerpt. */
    public static Asker asker(
            AppConfig config,
            Map<String, String> env,
            ClauseSearch search,
            Embedder embedder,
            QueryUnderstanding understanding,
            HistoryLookup history) {
        LlmConfig llm = config.llm().withEnvironment(env);
        Optional<ChatModel> model = new ChatModelFactory().create(llm, llm.apiKey(env));
        return model.map(m ->
                        modelAsker(config, llm, m, search, embedder, understanding, history, UnaryOperator.identity()))
                .orElseGet(() -> extractiveAsker(config, search, embedder, understanding));
    }

    /**
     * The configured model's answering as {@code eval} scores it (its drafts recorded before verification; the earlier
     * wording {@code history} finds given to it as in the product); empty when no LLM is configured.
     */
    public static Optional<AnswerEvaluation.Answerer> modelAnswerer(
            AppConfig config,
            Map<String, String> env,
            ClauseSearch search,
            Embedder embedder,
            QueryUnderstanding understanding,
            HistoryLookup history) {
        LlmConfig llm = config.llm().withEnvironment(env);
        Optional<ChatModel> model = new ChatModelFactory().create(llm, llm.apiKey(env));
        return model.map(m -> {
            DraftRecorder[] drafts = new DraftRecorder[1];
            Asker asker = modelAsker(config, llm, m, search, embedder, understanding, history, writer -> {
                drafts[0] = new DraftRecorder(writer, AnswerWiring::citationsIn);
                return drafts[0];
            });
            return new AnswerEvaluation.Answerer(DraftRecorder.MODEL_MODE + llm.provider(), asker, drafts[0]);
        });
    }

    /** Answering with the model, falling back to extractive; its writer wrapped by {@code wrap}. */
    private static Asker modelAsker(
            AppConfig config,
            LlmConfig llm,
            ChatModel model,
            ClauseSearch search,
            Embedder embedder,
            QueryUnderstanding understanding,
            HistoryLookup history,
            UnaryOperator<AnswerWriter> wrap) {
        ExtractiveAnswerWriter extractive = extractiveWriter(config, embedder, understanding);
        return new AskService(
                search,
                wrap.apply(new LlmAnswerWriter(model, llm.provider(), extractive, LLM_EXCERPTS, history)),
                new CitationVerifier(extractive),
                new LlmQueryTranslator(model),
                SEARCH_LIMIT);
    }

    /** The number of distinct clauses an answer's text cites with {@code [n]} markers, valid or not. */
    public static int citationsIn(String text) {
        return (int) CitationMarkers.numbersIn(text).stream()
                .flatMap(List::stream)
                .distinct()
                .count();
    }

    /** The product's extractive answering whatever {@code llm:} says (what {@code bench} measures). */
    public static Asker extractiveAsker(
            AppConfig config, ClauseSearch search, Embedder embedder, QueryUnderstanding understanding) {
        ExtractiveAnswerWriter extractive = extractiveWriter(config, embedder, understanding);
        return new AskService(search, extractive, new CitationVerifier(extractive), QueryTranslator.NONE, SEARCH_LIMIT);
    }

    private static ExtractiveAnswerWriter extractiveWriter(
            AppConfig config, Embedder embedder, QueryUnderstanding understanding) {
        return new ExtractiveAnswerWriter(
                embedder,
                ExtractiveAnswerWriter.Settings.of(
                                config.answer().abstainThreshold(),
                                config.answer().maxCitations())
                        .withDecision(OutcomeDecision.confidence(
                                config.answer().abstainThreshold(),
                                config.answer().answeredFrom())),
                understanding);
    }
}
