package dev.policybot.config;

import java.time.Duration;

/**
 * The optional LLM answerer. {@code provider: none} (the default) answers extractively, offline.
 * API keys never live here: they come from the environment (see the README).
 *
 * @param provider  none, openai, ollama, anthropic or gemini
 * @param baseUrl   endpoint override (OpenAI-compatible servers, Ollama), or {@code null} for the provider's default
 * @param model     model name, or {@code null} for the provider's default
 * @param timeout   per-request timeout
 * @param maxTokens reply length cap
 * @param maxRetries retries on 429 / 5xx before falling back to the extractive answer
 */
public record LlmConfig(String provider, String baseUrl, String model, Duration timeout, Integer maxTokens,
                        Integer maxRetries) {
    public static final LlmConfig DEFAULT = new LlmConfig(null, null, null, null, null, null);

    public LlmConfig {
        provider = provider == null ? "none" : provider;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        maxTokens = maxTokens == null ? 600 : maxTokens;
        maxRetries = maxRetries == null ? 2 : maxRetries;
    }
}
