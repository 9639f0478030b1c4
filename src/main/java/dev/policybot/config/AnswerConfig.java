package dev.policybot.config;

/**
 * How answers are made. An extractive answer measures its confidence: the relevance of its best sentence (0.6 ×
 * embedding similarity + 0.4 × overlap, the share of the question's words plus credit for the policy wording it stands
 * for; sentences not in English are judged by overlap alone; {@code relevance} in {@code ask --json}), less 0.3 when the
 * question asks for an amount (how much, how many, what percentage, a cap) and the quotes give no figure.
 *
 * @param abstainThreshold below this confidence the bot says the documents don't address the question, naming what it
 *                         searched. 0.17: on the tuning halves of ../shared/eval/corpus-dev questions-2 and -3 with
 *                         corpus-dev, the highest cut that declined no answerable question (of 108); 5 unanswerable
 *                         questions of 15 fell below it
 * @param maxCitations     at most this many citations per answer
 * @param answeredFrom     from this confidence on the bot answers; between the two it says it is not sure and shows the
 *                         closest passages, quoted and cited. 0.48: the middle of the range (0.40-0.57) that left at most
 *                         one unanswerable tuning question in 15 answered; retune when retrieval or sentence ranking
 *                         changes
 */
public record AnswerConfig(Double abstainThreshold, Integer maxCitations, Double answeredFrom) {
    public static final AnswerConfig DEFAULT = new AnswerConfig(null, null, null);

    public AnswerConfig {
        abstainThreshold = abstainThreshold == null ? 0.17 : abstainThreshold;
        maxCitations = maxCitations == null ? 3 : maxCitations;
        answeredFrom =
                answeredFrom == null ? Math.max(0.48, abstainThreshold) : Math.max(answeredFrom, abstainThreshold);
    }

    public AnswerConfig(Double abstainThreshold, Integer maxCitations) {
        this(abstainThreshold, maxCitations, null);
    }
}
