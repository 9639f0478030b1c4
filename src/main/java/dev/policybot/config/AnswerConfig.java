package dev.policybot.config;

/**
 * How answers are made.
 *
 * @param abstainThreshold below this relevance the bot says the documents don't address the question (tuned on corpus-dev)
 * @param maxCitations     at most this many citations per answer
 */
public record AnswerConfig(Double abstainThreshold, Integer maxCitations) {
    public static final AnswerConfig DEFAULT = new AnswerConfig(null, null);

    public AnswerConfig {
        abstainThreshold = abstainThreshold == null ? 0.35 : abstainThreshold;
        maxCitations = maxCitations == null ? 3 : maxCitations;
    }
}
