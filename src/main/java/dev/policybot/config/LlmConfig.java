package dev.policybot.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The optional LLM answerer. {@code provider: none} (the default) answers extractively, offline.
 * API keys never live here: they come from the environment (see the README).
 *
 * @param provider  none, openai, ollama, anthropic or gemini
 * @param baseUrl   endpoint override (OpenAI-compatible servers, Ollama), or {@code null} for the provider's default
 * @param model     model name, or {@code null} for the provider's default
 * @param timeout   per-request timeout
 * @param maxTokens reply length cap
 * @param maxRetries retries on 429 / 5xx / a dropped connection before falling back to the extractive answer
 * @param deadline  the longest one model call may take, retries and their waits included (default 30 s); when it
 *                  passes, the person gets the extractive answer. A German question may make two calls (translation
 *                  and answer), each with this deadline
 */
public record LlmConfig(
        String provider,
        String baseUrl,
        String model,
        Duration timeout,
        Integer maxTokens,
        Integer maxRetries,
        Duration deadline) {
    public static final List<String> PROVIDERS = List.of("none", "openai", "ollama", "anthropic", "gemini");

    // after PROVIDERS, which the constructor reads
    public static final LlmConfig DEFAULT = new LlmConfig(null, null, null, null, null, null, null);

    /** The environment variables that override the file, for containers and tests. */
    public static final String ENV_PROVIDER = "POLICYBOT_LLM_PROVIDER";

    public static final String ENV_BASE_URL = "POLICYBOT_LLM_BASE_URL";
    public static final String ENV_MODEL = "POLICYBOT_LLM_MODEL";
    public static final String ENV_API_KEY = "POLICYBOT_LLM_API_KEY";

    /** Each provider's usual key variables, used when {@value #ENV_API_KEY} is not set. */
    private static final Map<String, List<String>> PROVIDER_KEY_VARIABLES = Map.of(
            "openai", List.of("OPENAI_API_KEY"),
            "anthropic", List.of("ANTHROPIC_API_KEY"),
            "gemini", List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"),
            "ollama", List.of("OLLAMA_API_KEY"));

    public LlmConfig {
        provider = provider == null || provider.isBlank()
                ? "none"
                : provider.strip().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException(
                    "unknown provider '" + provider + "' (known: " + String.join(", ", PROVIDERS) + ")");
        }
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        model = model == null || model.isBlank() ? null : model.strip();
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        maxTokens = maxTokens == null ? 600 : maxTokens;
        maxRetries = maxRetries == null ? 2 : maxRetries;
        deadline = deadline == null ? Duration.ofSeconds(30) : deadline;
        if (timeout.isNegative()
                || timeout.isZero()
                || maxTokens < 1
                || maxRetries < 0
                || deadline.isNegative()
                || deadline.isZero()) {
            throw new IllegalArgumentException(
                    "timeout, deadline and maxTokens must be positive, maxRetries not negative");
        }
    }

    /** Without a deadline of its own: the default one. */
    public LlmConfig(
            String provider, String baseUrl, String model, Duration timeout, Integer maxTokens, Integer maxRetries) {
        this(provider, baseUrl, model, timeout, maxTokens, maxRetries, null);
    }

    public boolean enabled() {
        return !"none".equals(provider);
    }

    /** This configuration with the {@code POLICYBOT_LLM_*} environment variables applied over it. */
    public LlmConfig withEnvironment(Map<String, String> env) {
        String newProvider = env.getOrDefault(ENV_PROVIDER, provider);
        try {
            return new LlmConfig(
                    newProvider,
                    env.getOrDefault(ENV_BASE_URL, baseUrl),
                    env.getOrDefault(ENV_MODEL, model),
                    timeout,
                    maxTokens,
                    maxRetries,
                    deadline);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ENV_PROVIDER + ": " + e.getMessage(), e);
        }
    }

    /**
     * The API key from the environment: {@value #ENV_API_KEY}, else the provider's usual variable
     * (e.g. {@code OPENAI_API_KEY}); {@code null} when none is set. Never store or log it.
     */
    public String apiKey(Map<String, String> env) {
        String key = env.get(ENV_API_KEY);
        for (String variable : PROVIDER_KEY_VARIABLES.getOrDefault(provider, List.of())) {
            if (key == null || key.isBlank()) {
                key = env.get(variable);
            }
        }
        return key == null || key.isBlank() ? null : key.strip();
    }

    /** The variables a key for this provider may be given in, for error messages. */
    public List<String> apiKeyVariables() {
        List<String> variables = new ArrayList<>(List.of(ENV_API_KEY));
        variables.addAll(PROVIDER_KEY_VARIABLES.getOrDefault(provider, List.of()));
        return variables;
    }
}
