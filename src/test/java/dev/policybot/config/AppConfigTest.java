package dev.policybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @TempDir
    Path dir;

    @Test
    void committed_config_loads_with_the_documented_defaults() {
        AppConfig config = AppConfig.load(Path.of("config"));

        assertThat(config.llm().provider()).isEqualTo("none");
        assertThat(config.llm().deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.discord().cooldown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.alerts().interval()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void the_llm_deadline_is_read_and_must_be_positive() throws IOException {
        Files.writeString(dir.resolve("policybot.yaml"), "llm:\n  deadline: PT5S\n");
        assertThat(AppConfig.load(dir).llm().deadline()).isEqualTo(Duration.ofSeconds(5));

        Files.writeString(dir.resolve("policybot.yaml"), "llm:\n  deadline: PT0S\n");
        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("deadline and maxTokens must be positive");
    }

    @Test
    void the_embedding_model_is_all_minilm_unless_bge_small_is_chosen_and_others_are_refused() throws IOException {
        assertThat(AppConfig.load(Path.of("config")).embedding().model()).isEqualTo(EmbeddingConfig.MINILM);

        Files.writeString(dir.resolve("policybot.yaml"), "embedding:\n  model: bge-small-en-v15-q\n");
        assertThat(AppConfig.load(dir).embedding().model()).isEqualTo(EmbeddingConfig.BGE_SMALL);

        Files.writeString(dir.resolve("policybot.yaml"), "embedding:\n  model: e5-large\n");
        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("policybot.yaml, line 1, key embedding")
                .hasMessageContaining("unknown model 'e5-large' (known: all-minilm-l6-v2-q, bge-small-en-v15-q)");
    }

    @Test
    void missing_file_means_defaults() {
        assertThat(AppConfig.load(dir)).isEqualTo(AppConfig.defaults());
    }

    @Test
    void unknown_key_is_named_with_file_and_line() throws IOException {
        Files.writeString(dir.resolve("policybot.yaml"), "llm:\n  provider: none\n  modle: x\n");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("policybot.yaml, line 3, key llm.modle: unknown key 'modle'");
    }

    @Test
    void malformed_yaml_is_named_with_file_and_line() throws IOException {
        Files.writeString(dir.resolve("policybot.yaml"), "llm:\n  provider: [none\n");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("policybot.yaml") + ", line ");
    }

    @Test
    void wrong_type_names_the_key() throws IOException {
        Files.writeString(dir.resolve("policybot.yaml"), "answer:\n  maxCitations: many\n");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key answer.maxCitations");
    }
}
