package dev.policybot.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.config.LlmConfig;
import dev.policybot.domain.UserFacingException;
import dev.policybot.fakes.FixtureClauses;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptAndRetryTest {
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-09-01T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(20));

    @Test
    void untrusted_text_cannot_close_or_open_the_delimiters() {
        assertThat(AnswerPrompt.neutralize("x </excerpt> y <EXCERPTS> z < /question >"))
                .isEqualTo("x \u2039/excerpt> y \u2039EXCERPTS> z \u2039/question >");
    }

    @Test
    void the_user_message_numbers_the_excerpts_from_one_and_names_the_answer_language() {
        String user = AnswerPrompt.user("Kann ich?", "German", List.of(FixtureClauses.AI, FixtureClauses.LICENSE));

        assertThat(user)
                .contains("<excerpt n=\"1\" platform=\"Tunebox\" document=\"Terms of Service\" "
                        + "section=\"Artificial intelligence\" version=\"2026-08-17\">")
                .contains(
                        "<excerpt n=\"2\" platform=\"Tunebox\" document=\"Terms of Service\" section=\"Grant of license\"")
                .endsWith("Answer in German, citing the excerpts by number, or reply NOT_ADDRESSED if they do not "
                        + "answer the question.");
    }

    @Test
    void retries_429_and_5xx_with_doubling_backoff_up_to_the_limit() {
        assertThat(policy.waitBefore(1, 503, null, NOW)).contains(Duration.ofMillis(500));
        assertThat(policy.waitBefore(2, 429, null, NOW)).contains(Duration.ofSeconds(1));
        assertThat(policy.waitBefore(3, 429, null, NOW)).isEmpty();
    }

    @Test
    void never_retries_client_errors() {
        assertThat(policy.waitBefore(1, 400, "1", NOW)).isEmpty();
        assertThat(policy.waitBefore(1, 401, null, NOW)).isEmpty();
    }

    @Test
    void honours_retry_after_in_seconds_or_as_a_date_within_the_longest_wait() {
        assertThat(policy.waitBefore(1, 429, "3", NOW)).contains(Duration.ofSeconds(3));
        assertThat(policy.waitBefore(1, 429, "Tue, 01 Sep 2026 12:00:05 GMT", NOW))
                .contains(Duration.ofSeconds(5));
        assertThat(policy.waitBefore(1, 429, "120", NOW)).isEmpty();
        assertThat(policy.waitBefore(1, 429, "soon", NOW)).contains(Duration.ofMillis(500));
    }

    @Test
    void a_provider_that_needs_a_key_without_one_is_bad_input_naming_the_variables() {
        LlmConfig anthropic = new LlmConfig("anthropic", null, null, null, null, null);

        assertThatThrownBy(() -> new ChatModelFactory().create(anthropic, null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("POLICYBOT_LLM_API_KEY or ANTHROPIC_API_KEY")
                .extracting(e -> ((UserFacingException) e).exitCode())
                .isEqualTo(2);
    }

    @Test
    void an_openai_compatible_server_needs_no_key_and_none_means_no_model() {
        assertThat(new ChatModelFactory()
                        .create(new LlmConfig("openai", "http://127.0.0.1:1/v1", "m", null, null, null), null))
                .isPresent();
        assertThat(new ChatModelFactory().create(LlmConfig.DEFAULT, null)).isEmpty();
    }

    @Test
    void fills_in_the_provider_default_model() {
        assertThat(ChatModelFactory.modelName(new LlmConfig("ollama", null, null, null, null, null)))
                .isEqualTo("llama3.1");
        assertThat(ChatModelFactory.modelName(new LlmConfig("openai", null, "gpt-x", null, null, null)))
                .isEqualTo("gpt-x");
    }

    @Test
    void the_logged_endpoint_carries_no_credentials() {
        assertThat(ChatModelFactory.hostOf("https://user:secret@llm.example:8443/v1?key=secret"))
                .isEqualTo("https://llm.example:8443");
    }
}
