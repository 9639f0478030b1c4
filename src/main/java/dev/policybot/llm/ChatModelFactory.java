package dev.policybot.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicChatModelName;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.policybot.config.LlmConfig;
import dev.policybot.domain.UserFacingException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configured provider's chat model with LangChain4j's own classes: model name, temperature 0, timeout
 * and reply cap from the config; the key from the environment. Every model sends through {@link RetryingHttpClient}
 * (retries on 429/5xx honouring Retry-After), with LangChain4j's own retries off.
 */
public final class ChatModelFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ChatModelFactory.class);
    static final double TEMPERATURE = 0.0;
    /** The first wait before a retry when the server names none. */
    private static final Duration BACKOFF = Duration.ofMillis(500);

    /** Used when the config names no model. */
    static final Map<String, String> DEFAULT_MODELS = Map.of(
            "openai",
            OpenAiChatModelName.GPT_4_O_MINI.toString(),
            "anthropic",
            AnthropicChatModelName.CLAUDE_HAIKU_4_5_20251001.toString(),
            "gemini",
            "gemini-2.5-flash",
            "ollama",
            "llama3.1");

    private static final String OLLAMA_BASE_URL = "http://localhost:11434";

    private final RetryingHttpClient.Sleeper sleeper;
    private final Clock clock;

    public ChatModelFactory() {
        this(RetryingHttpClient.Sleeper.REAL, Clock.systemUTC());
    }

    ChatModelFactory(RetryingHttpClient.Sleeper sleeper, Clock clock) {
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * The chat model, or empty when the provider is {@code none}.
     *
     * @param apiKey the key from the environment, or {@code null}; required by Anthropic, Gemini and OpenAI's own API
     * @throws UserFacingException (bad input) when the provider needs a key and none is set
     */
    public Optional<ChatModel> create(LlmConfig config, String apiKey) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        requireKeyWhereNeeded(config, apiKey);
        String model = modelName(config);
        LOG.info(
                "answering with {} model {}{}",
                config.provider(),
                model,
                config.baseUrl() == null ? "" : " at " + hostOf(config.baseUrl()));
        RetryingHttpClient.Builder http = new RetryingHttpClient.Builder(
                new RetryPolicy(config.maxRetries(), BACKOFF, config.timeout()), config.deadline(), sleeper, clock);
        return Optional.of(
                switch (config.provider()) {
                    case "openai" -> openAi(config, apiKey, model, http);
                    case "ollama" -> ollama(config, model, http);
                    case "anthropic" -> anthropic(config, apiKey, model, http);
                    case "gemini" -> gemini(config, apiKey, model, http);
                    default -> throw new IllegalStateException("unhandled provider " + config.provider());
                });
    }

    static String modelName(LlmConfig config) {
        return config.model() != null ? config.model() : DEFAULT_MODELS.get(config.provider());
    }

    private static void requireKeyWhereNeeded(LlmConfig config, String apiKey) {
        boolean ownApi = config.provider().equals("openai") && config.baseUrl() == null;
        boolean needsKey = ownApi
                || config.provider().equals("anthropic")
                || config.provider().equals("gemini");
        if (needsKey && apiKey == null) {
            throw UserFacingException.badInput("the LLM provider '" + config.provider() + "' needs an API key: set "
                    + String.join(" or ", config.apiKeyVariables()) + " (or set the provider to none)");
        }
    }

    private ChatModel openAi(LlmConfig config, String apiKey, String model, RetryingHttpClient.Builder http) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .apiKey(apiKey)
                .modelName(model)
                .temperature(TEMPERATURE)
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0);
        if (config.baseUrl() != null) {
            builder.baseUrl(config.baseUrl());
        }
        return builder.build();
    }

    private ChatModel ollama(LlmConfig config, String model, RetryingHttpClient.Builder http) {
        return OllamaChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(config.baseUrl() == null ? OLLAMA_BASE_URL : config.baseUrl())
                .modelName(model)
                .temperature(TEMPERATURE)
                .numPredict(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .build();
    }

    private ChatModel anthropic(LlmConfig config, String apiKey, String model, RetryingHttpClient.Builder http) {
        AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder()
                .httpClientBuilder(http)
                .apiKey(apiKey)
                .modelName(model)
                .temperature(TEMPERATURE)
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0);
        if (config.baseUrl() != null) {
            builder.baseUrl(config.baseUrl());
        }
        return builder.build();
    }

    private ChatModel gemini(LlmConfig config, String apiKey, String model, RetryingHttpClient.Builder http) {
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder builder = GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(http)
                .apiKey(apiKey)
                .modelName(model)
                .temperature(TEMPERATURE)
                .maxOutputTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0);
        if (config.baseUrl() != null) {
            builder.baseUrl(config.baseUrl());
        }
        return builder.build();
    }

    /** Scheme, host and port only: a base URL may carry credentials in its user part or query. */
    static String hostOf(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(unparsable base URL)";
        }
    }
}
