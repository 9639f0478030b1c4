package dev.policybot.answer;

import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.UnderstoodQuery;
import dev.policybot.text.Languages;
import dev.policybot.text.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an extractive answer can measure about how well the retrieved clauses answer a question, before deciding
 * whether to answer, to show the closest passages, or to say the documents do not address it.
 *
 * @param relevance        the best sentence's score (0.6 × embedding similarity + 0.4 × overlap, see
 *                         {@link SentenceRanker})
 * @param sentenceSimilarity that sentence's embedding similarity to the question (0 when not embedded)
 * @param overlap          that sentence's share of the question's content terms
 * @param coverage         share of the question's content terms found in the top quotes together
 * @param clauseSimilarity the best embedding similarity of the question to one of the first three clauses
 * @param scoreMargin      how far the first hit's retrieval score leads the second's, relative to the first's (0–1)
 * @param topicAgreement   whether the question points at topics or document kinds and the best quoted clause is one of
 *                         them (its clause prior raises it)
 * @param platformNamed    whether the search was limited to platforms the question names (or the user chose)
 * @param lexicalSemanticAgree whether the clause most similar by embedding is among the first three retrieved
 * @param english          whether the question is in English (others are judged through a word-by-word translation)
 * @param amountAsked      whether the question asks for an amount (how much, how many, what percentage, a cap or
 *                         limit): documents that touch its topic without giving the figure do not answer it ("how
 *                         long" is left out: retention and notice periods are often answered without a number)
 * @param amountQuoted     whether the top quotes hold a figure (digits or a number word)
 */
public record AnswerSignals(
        double relevance,
        double sentenceSimilarity,
        double overlap,
        double coverage,
        double clauseSimilarity,
        double scoreMargin,
        boolean topicAgreement,
        boolean platformNamed,
        boolean lexicalSemanticAgree,
        boolean english,
        boolean amountAsked,
        boolean amountQuoted) {

    /** Signals of nothing retrieved. */
    public static final AnswerSignals NONE =
            new AnswerSignals(0, 0, 0, 0, 0, 0, false, false, false, true, false, false);

    private static final Pattern AMOUNT_ASKED = Pattern.compile("\\b(how (much|many|old)"
            + "|what (percent|percentage|share|cut|age|rate|fee|price)|per (stream|play|month|day|week|year|hour)"
            + "|percent|percentage|minimum|maximum|max|cap|capped|limit|limits|quota)\\b");
    private static final Pattern AMOUNT_GIVEN = Pattern.compile("\\d|%|\\b(two|three|four|five|six|seven|eight|nine"
            + "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|twenty|thirty|forty|fifty|sixty"
            + "|hundred|thousand|half|percent)\\b");

    /**
     * The relevance with a penalty when the question asks for an amount and the top quotes give none: what
     * {@link OutcomeDecision#confidence} compares with its thresholds.
     */
    public double confidence() {
        return relevance - (amountAsked && !amountQuoted ? AMOUNT_MISSING_PENALTY : 0);
    }

    /**
     * Fitted on the tuning halves of questions-2 and -3 with corpus-dev (a logistic regression on relevance and the
     * missing amount gave the amount 0.35 relevance; a grid over 0.2-0.4 kept 0.3).
     */
    static final double AMOUNT_MISSING_PENALTY = 0.3;

    /** How many of the first hits the clause signals read. */
    static final int TOP = 3;

    /**
     * @param quotes       the best quote of each candidate clause, in retrieval order
     * @param top          the quotes an answer would show first
     * @param queryTerms   the question's content terms (platform names left out)
     */
    static AnswerSignals of(
            UnderstoodQuery understood,
            SearchResult evidence,
            List<SentenceRanker.Quote> quotes,
            List<SentenceRanker.Quote> top,
            Set<String> queryTerms) {
        if (quotes.isEmpty() || evidence.hits().isEmpty()) {
            return NONE;
        }
        SentenceRanker.Quote best = quotes.get(0);
        for (SentenceRanker.Quote quote : quotes) {
            if (quote.score() > best.score()) {
                best = quote;
            }
        }
        Set<String> covered = new HashSet<>();
        for (SentenceRanker.Quote quote : top) {
            Set<String> terms = Words.contentTerms(quote.text());
            queryTerms.stream().filter(terms::contains).forEach(covered::add);
        }
        double coverage = queryTerms.isEmpty() ? 0 : covered.size() / (double) queryTerms.size();
        List<ScoredClause> hits = evidence.hits();
        double clauseSimilarity = hits.stream()
                .limit(TOP)
                .filter(ScoredClause::hasSimilarity)
                .mapToDouble(ScoredClause::similarity)
                .max()
                .orElse(0);
        double first = hits.get(0).score();
        double second = hits.size() > 1 ? hits.get(1).score() : 0;
        double margin = first <= 0 ? 0 : Math.max(0, Math.min(1, (first - second) / first));
        int mostSimilar = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).hasSimilarity() && hits.get(i).similarity() > bestSimilarity) {
                bestSimilarity = hits.get(i).similarity();
                mostSimilar = i;
            }
        }
        boolean topic = understood.prior().of(best.clause()) > 1.0;
        boolean amountAsked =
                AMOUNT_ASKED.matcher(Words.normalize(understood.english())).find();
        boolean amountQuoted = top.stream()
                .anyMatch(q -> AMOUNT_GIVEN.matcher(Words.normalize(q.text())).find()
                        || q.text().contains("%"));
        return new AnswerSignals(
                best.score(),
                best.similarity(),
                best.overlap(),
                coverage,
                clauseSimilarity,
                margin,
                topic,
                !evidence.platformIds().isEmpty(),
                mostSimilar >= 0 && mostSimilar < TOP,
                Languages.ENGLISH.equals(understood.language()),
                amountAsked,
                amountQuoted);
    }
}
