package dev.policybot.config;

/**
 * How answers are made.
 *
 * @param abstainThreshold below this relevance the bot says the documents don't address the question. Relevance is the
 *                         best sentence score: 0.6 × embedding similarity + 0.4 × overlap (share of the question's
 *                         words, plus credit for the policy wording it stands for; sentences not in English are judged
 *                         by overlap alone), see {@code relevance} in {@code ask --json}. 0.44 sits in the middle of
 *                         the gap measured on ../shared/eval/corpus-dev (hybrid index, MiniLM, sentences compared with
 *                         the text retrieval embedded): the four unaddressed questions scored at most 0.419, every
 *                         answerable one at least 0.462; retune when retrieval or sentence ranking changes
 * @param maxCitations     at most this many citations per answer
 */
public record AnswerConfig(Double abstainThreshold, Integer maxCitations) {
    public static final AnswerConfig DEFAULT = new AnswerConfig(null, null);

    public AnswerConfig {
        abstainThreshold = abstainThreshold == null ? 0.44 : abstainThreshold;
        maxCitations = maxCitations == null ? 3 : maxCitations;
    }
}
