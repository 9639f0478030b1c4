package dev.policybot.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything in {@code config/policybot.yaml}, loaded once at start. Each part goes only to the classes that need it.
 * A missing file means all defaults; unknown keys are errors.
 */
public record AppConfig(
        LlmConfig llm, AnswerConfig answer, DiscordConfig discord, AlertsConfig alerts, EmbeddingConfig embedding) {

    public static final String FILE_NAME = "policybot.yaml";

    public AppConfig {
        llm = llm == null ? LlmConfig.DEFAULT : llm;
        answer = answer == null ? AnswerConfig.DEFAULT : answer;
        discord = discord == null ? DiscordConfig.DEFAULT : discord;
        alerts = alerts == null ? AlertsConfig.DEFAULT : alerts;
        embedding = embedding == null ? EmbeddingConfig.DEFAULT : embedding;
    }

    /** The default embedding model. */
    public AppConfig(LlmConfig llm, AnswerConfig answer, DiscordConfig discord, AlertsConfig alerts) {
        this(llm, answer, discord, alerts, null);
    }

    public static AppConfig defaults() {
        return new AppConfig(null, null, null, null, null);
    }

    /** Loads {@code <configDir>/policybot.yaml}, or the defaults when it does not exist. */
    public static AppConfig load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        return Files.exists(file) ? YamlFiles.read(file, AppConfig.class) : defaults();
    }
}
