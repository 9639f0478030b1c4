package dev.policybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigTest {
    @TempDir
    Path dir;

    @Test
    void environment_overrides_provider_base_url_and_model() {
        LlmConfig config = LlmConfig.DEFAULT.withEnvironment(Map.of(
                LlmConfig.ENV_PROVIDER,
                "OpenAI",
                LlmConfig.ENV_BASE_URL,
                "http://127.0.0.1:8080/v1",
                LlmConfig.ENV_MODEL,
                "local-model"));

        assertThat(config.provider()).isEqualTo("openai");
        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(config.model()).isEqualTo("local-model");
        assertThat(config.enabled()).isTrue();
    }

    @Test
    void without_environment_the_file_values_stay() {
        LlmConfig file = new LlmConfig("ollama", "http://h:11434", "m", null, null, null);

        assertThat(file.withEnvironment(Map.of())).isEqualTo(file);
    }

    @Test
    void the_policybot_key_wins_over_the_providers_usual_variable() {
        LlmConfig openai = new LlmConfig("openai", null, null, null, null, null);

        assertThat(openai.apiKey(Map.of("OPENAI_API_KEY", "a"))).isEqualTo("a");
        assertThat(openai.apiKey(Map.of("OPENAI_API_KEY", "a", LlmConfig.ENV_API_KEY, "b")))
                .isEqualTo("b");
        assertThat(openai.apiKey(Map.of("ANTHROPIC_API_KEY", "c"))).isNull();
        assertThat(new LlmConfig("gemini", null, null, null, null, null).apiKey(Map.of("GOOGLE_API_KEY", "g")))
                .isEqualTo("g");
    }

    @Test
    void an_unknown_provider_in_the_environment_names_the_variable() {
        assertThatThrownBy(() -> LlmConfig.DEFAULT.withEnvironment(Map.of(LlmConfig.ENV_PROVIDER, "skynet")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("POLICYBOT_LLM_PROVIDER: unknown provider 'skynet' (known: none, openai, ollama, "
                        + "anthropic, gemini)");
    }

    @Test
    void an_unknown_provider_in_the_file_names_file_line_and_key() throws IOException {
        Files.writeString(dir.resolve("policybot.yaml"), "llm:\n  provider: skynet\n");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("policybot.yaml, line ")
                .hasMessageContaining("unknown provider 'skynet'");
    }
}
