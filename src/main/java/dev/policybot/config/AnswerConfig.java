package dev.policybot.config;

/**
 * How answers are made.
 *
 * @param abstainThreshold below this relevance the bot says the documents don't address the question. Relevance is the
 *                         best sentence score: 0.6 × embedding similarity + 0.4 × share of the question's words (see
 *                         {@code relevance} in {@code ask --json}). 0.39 was measured on ../shared/eval/corpus-dev
 *                         (hybrid index, MiniLM): the four unaddressed questions scored at most 0.387, and answers
 *                         whose citations hit the gold scored from 0.400 up; retune when retrieval changes
 * @param maxCitations     at most this many citations per answer
 */
public record AnswerConfig(Double abstainThreshold, Integer maxCitations) {
    public static final AnswerConfig DEFAULT = new AnswerConfig(null, null);

    public AnswerConfig {
        abstainThreshold = abstainThreshold == null ? 0.39 : abstainThreshold;
        maxCitations = maxCitations == null ? 3 : maxCitations;
    }
}
