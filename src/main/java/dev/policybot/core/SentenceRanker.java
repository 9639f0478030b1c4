package dev.policybot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, within clauses, the sentence or two that best answer a query: a weighted sum of embedding similarity
 * (through the {@link Embedder} port) and term overlap (share of the query's content terms the sentence contains).
 * The quotes it returns are verbatim substrings of the clause text.
 */
public final class SentenceRanker {
    private static final Logger LOG = LoggerFactory.getLogger(SentenceRanker.class);
    /** Sentences shorter than this are headings, banners or fragments: they cannot answer on their own. */
    private static final int MIN_SENTENCE_WORDS = 5;
    /** A best sentence shorter than this is quoted together with its neighbour, so the quote reads on its own. */
    private static final int SHORT_SENTENCE_WORDS = 12;
    /** A neighbour scoring this close to the best sentence joins the quote ("the sentence or two"). */
    private static final double NEIGHBOUR_RATIO = 0.9;
    /** Bounds the embedding work per clause; the sentences with most overlap are embedded first. */
    private static final int MAX_SENTENCES_PER_CLAUSE = 16;

    private final Embedder embedder;
    private final double embeddingWeight;

    /**
     * @param embedder        embeds query and sentences; may be {@code null} to rank by term overlap only
     * @param embeddingWeight weight of embedding similarity, in [0, 1]; term overlap gets the rest
     */
    public SentenceRanker(Embedder embedder, double embeddingWeight) {
        if (embeddingWeight < 0 || embeddingWeight > 1) {
            throw new IllegalArgumentException("embeddingWeight must lie in [0, 1]: " + embeddingWeight);
        }
        this.embedder = embedder;
        this.embeddingWeight = embedder == null ? 0 : embeddingWeight;
    }

    /**
     * A clause's best quote for a query.
     *
     * @param clause     the clause quoted
     * @param rank       the clause's position in the list given (0 = first)
     * @param text       a sentence or two, verbatim from the clause
     * @param score      the ranking score of its best sentence
     * @param similarity that sentence's embedding similarity to the query (0 when not embedded)
     * @param overlap    that sentence's share of the query's content terms
     */
    public record Quote(Clause clause, int rank, String text, double score, double similarity, double overlap) {
    }

    /**
     * The best quote of each clause that has a full sentence, in the clauses' order.
     *
     * @param ignoredTerms terms that say nothing about relevance here (the platform's own name), left out of overlap
     */
    public List<Quote> bestQuotes(String query, List<Clause> clauses, Set<String> ignoredTerms) {
        Set<String> queryTerms = new HashSet<>(Words.contentTerms(query));
        queryTerms.removeAll(ignoredTerms);
        List<Candidate> candidates = candidates(clauses, queryTerms);
        scoreBySimilarity(query, candidates);
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            int rank = i;
            List<Candidate> ofClause = candidates.stream().filter(c -> c.rank == rank).toList();
            if (!ofClause.isEmpty()) {
                quotes.add(quoteOf(clauses.get(i), rank, ofClause));
            }
        }
        return quotes;
    }

    private static final class Candidate {
        final int rank;
        final Sentences.Span span;
        final double overlap;
        double similarity;
        double score;

        Candidate(int rank, Sentences.Span span, double overlap) {
            this.rank = rank;
            this.span = span;
            this.overlap = overlap;
        }
    }

    private static List<Candidate> candidates(List<Clause> clauses, Set<String> queryTerms) {
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            int rank = i;
            Sentences.split(clauses.get(i).text()).stream()
                    .filter(span -> Words.count(span.text()) >= MIN_SENTENCE_WORDS)
                    .map(span -> new Candidate(rank, span, overlap(queryTerms, span.text())))
                    .sorted(Comparator.comparingDouble((Candidate c) -> -c.overlap))
                    .limit(MAX_SENTENCES_PER_CLAUSE)
                    .sorted(Comparator.comparingInt(c -> c.span.start()))
                    .forEach(all::add);
        }
        return all;
    }

    private static double overlap(Set<String> queryTerms, String sentence) {
        if (queryTerms.isEmpty()) {
            return 0;
        }
        Set<String> terms = Words.contentTerms(sentence);
        return queryTerms.stream().filter(terms::contains).count() / (double) queryTerms.size();
    }

    private void scoreBySimilarity(String query, List<Candidate> candidates) {
        if (embeddingWeight > 0 && !candidates.isEmpty() && !query.isBlank()) {
            try {
                float[] q = embedder.embedQuery(query);
                List<float[]> vectors = embedder.embedAll(candidates.stream().map(c -> c.span.text()).toList());
                for (int i = 0; i < candidates.size(); i++) {
                    candidates.get(i).similarity = Math.max(0, dot(q, vectors.get(i)));
                }
            } catch (RuntimeException e) {
                // ranking by overlap alone is worse but still honest; the answer must not fail for this
                LOG.warn("embedding sentences failed; ranking them by term overlap only", e);
            }
        }
        for (Candidate c : candidates) {
            c.score = embeddingWeight * c.similarity + (1 - embeddingWeight) * c.overlap;
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static Quote quoteOf(Clause clause, int rank, List<Candidate> sentences) {
        int bestIndex = 0;
        for (int i = 1; i < sentences.size(); i++) {
            if (sentences.get(i).score > sentences.get(bestIndex).score) {
                bestIndex = i;
            }
        }
        Candidate best = sentences.get(bestIndex);
        Candidate neighbour = neighbour(sentences, bestIndex, best);
        int start = neighbour == null ? best.span.start() : Math.min(best.span.start(), neighbour.span.start());
        int end = neighbour == null ? best.span.end() : Math.max(best.span.end(), neighbour.span.end());
        return new Quote(clause, rank, clause.text().substring(start, end), best.score, best.similarity, best.overlap);
    }

    /** The adjacent sentence to quote with the best one, or {@code null} when it stands alone. */
    private static Candidate neighbour(List<Candidate> sentences, int bestIndex, Candidate best) {
        Candidate before = bestIndex > 0 ? sentences.get(bestIndex - 1) : null;
        Candidate after = bestIndex + 1 < sentences.size() ? sentences.get(bestIndex + 1) : null;
        before = before != null && adjacent(before.span, best.span) ? before : null;
        after = after != null && adjacent(best.span, after.span) ? after : null;
        Candidate better = after == null || (before != null && before.score > after.score) ? before : after;
        boolean shortBest = Words.count(best.span.text()) < SHORT_SENTENCE_WORDS;
        if (better != null && (better.score >= NEIGHBOUR_RATIO * best.score && best.score > 0)) {
            return better;
        }
        return shortBest ? (after != null ? after : before) : null;
    }

    /** Whether {@code second} follows {@code first} on the same line with nothing but spaces between. */
    private static boolean adjacent(Sentences.Span first, Sentences.Span second) {
        return second.start() >= first.end() && second.start() - first.end() <= 3;
    }
}
