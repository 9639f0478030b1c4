package dev.policybot.answer;

import dev.policybot.domain.Clause;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.port.Embedder;
import dev.policybot.text.Languages;
import dev.policybot.text.Sentences;
import dev.policybot.text.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** Share of an expansion phrase's weight a sentence containing it gains in overlap. */
    static final double EXPANSION_CREDIT = 0.5;

    /** In choosing which sentences to embed, the retriever's order counts this much ({@code / (1 + rank)}). */
    private static final double RANK_PRIOR = 0.25;

    private final Embedder embedder;
    private final double embeddingWeight;
    private final int maxEmbedded;

    /**
     * @param embedder        embeds query and sentences; may be {@code null} to rank by term overlap only
     * @param embeddingWeight weight of embedding similarity, in [0, 1]; term overlap gets the rest
     */
    public SentenceRanker(Embedder embedder, double embeddingWeight) {
        this(embedder, embeddingWeight, Integer.MAX_VALUE);
    }

    /**
     * @param maxEmbedded at most this many sentences per query are embedded (embedding dominates an answer's time): those
     *                    with most overlap, the retriever's order breaking near-ties; the others are scored by overlap
     */
    public SentenceRanker(Embedder embedder, double embeddingWeight, int maxEmbedded) {
        if (embeddingWeight < 0 || embeddingWeight > 1) {
            throw new IllegalArgumentException("embeddingWeight must lie in [0, 1]: " + embeddingWeight);
        }
        if (maxEmbedded < 0) {
            throw new IllegalArgumentException("maxEmbedded must not be negative: " + maxEmbedded);
        }
        this.embedder = embedder;
        this.embeddingWeight = embedder == null ? 0 : embeddingWeight;
        this.maxEmbedded = maxEmbedded;
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
    public record Quote(Clause clause, int rank, String text, double score, double similarity, double overlap) {}

    /**
     * The best quote of each clause that has a full sentence, in the clauses' order.
     *
     * @param ignoredTerms terms that say nothing about relevance here (the platform's own name), left out of overlap
     */
    public List<Quote> bestQuotes(String query, List<Clause> clauses, Set<String> ignoredTerms) {
        return bestQuotes(query, Map.of(), clauses, ignoredTerms);
    }

    /**
     * As above, also crediting the policy wording the question stands for.
     *
     * @param expansions phrases the question means without saying them ("scrape" → "automated means"; for a question
     *                   in English or German also the French policy words), each with its weight in (0, 1]; a sentence
     *                   containing a phrase's words gains {@link #EXPANSION_CREDIT} times that weight in overlap
     */
    public List<Quote> bestQuotes(
            String query, Map<String, Double> expansions, List<Clause> clauses, Set<String> ignoredTerms) {
        return bestQuotesOfHits(
                query,
                query,
                expansions,
                clauses.stream().map(c -> new ScoredClause(c, 0)).toList(),
                ignoredTerms);
    }

    /**
     * As above for retrieved clauses: a sentence that is not embedded (past the budget) takes its clause's embedding
     * similarity from the retriever, when known.
     *
     * @param embedded the text whose embedding the sentences are compared with (the words of {@code query} count for
     *                 overlap)
     */
    public List<Quote> bestQuotesOfHits(
            String query,
            String embedded,
            Map<String, Double> expansions,
            List<ScoredClause> hits,
            Set<String> ignoredTerms) {
        List<Clause> clauses = hits.stream().map(ScoredClause::clause).toList();
        Set<String> queryTerms = new HashSet<>(Words.contentTerms(query));
        queryTerms.removeAll(ignoredTerms);
        List<Candidate> candidates = candidates(clauses, new Wanted(queryTerms, expansionTerms(expansions)));
        for (Candidate c : candidates) {
            ScoredClause hit = hits.get(c.rank);
            c.similarity = hit.hasSimilarity() ? Math.max(0, hit.similarity()) : 0;
        }
        scoreBySimilarity(embedded, candidates);
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            int rank = i;
            List<Candidate> ofClause =
                    candidates.stream().filter(c -> c.rank == rank).toList();
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
        /** The embedding model reads English only: a sentence in another language is judged by overlap alone. */
        final boolean english;

        double similarity;
        double score;

        Candidate(int rank, Sentences.Span span, double overlap, boolean english) {
            this.rank = rank;
            this.span = span;
            this.overlap = overlap;
            this.english = english;
        }
    }

    /** The question's own content terms, and each expansion phrase's content terms with its weight. */
    private record Wanted(Set<String> terms, Map<Set<String>, Double> expansions) {}

    private static Map<Set<String>, Double> expansionTerms(Map<String, Double> expansions) {
        Map<Set<String>, Double> terms = new HashMap<>();
        expansions.forEach((phrase, weight) -> {
            Set<String> words = Words.contentTerms(phrase);
            if (!words.isEmpty()) {
                terms.merge(words, weight, Math::max);
            }
        });
        return terms;
    }

    private static List<Candidate> candidates(List<Clause> clauses, Wanted wanted) {
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            int rank = i;
            Sentences.split(clauses.get(i).text()).stream()
                    .filter(span -> Words.count(span.text()) >= MIN_SENTENCE_WORDS)
                    .map(span -> candidate(rank, span, wanted))
                    .sorted(Comparator.comparingDouble((Candidate c) -> -c.overlap))
                    .limit(MAX_SENTENCES_PER_CLAUSE)
                    .sorted(Comparator.comparingInt(c -> c.span.start()))
                    .forEach(all::add);
        }
        return all;
    }

    private static Candidate candidate(int rank, Sentences.Span span, Wanted wanted) {
        Set<String> terms = Words.contentTerms(span.text());
        double own = wanted.terms().isEmpty()
                ? 0
                : wanted.terms().stream().filter(terms::contains).count()
                        / (double) wanted.terms().size();
        double implied = wanted.expansions().entrySet().stream()
                .filter(e -> terms.containsAll(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        boolean english = Languages.ENGLISH.equals(Languages.detect(span.text()));
        return new Candidate(rank, span, Math.min(1, own + EXPANSION_CREDIT * implied), english);
    }

    private void scoreBySimilarity(String query, List<Candidate> candidates) {
        List<Candidate> embedded = candidates.stream()
                .filter(c -> c.english)
                .sorted(Comparator.comparingDouble((Candidate c) -> -(c.overlap + RANK_PRIOR / (1 + c.rank))))
                .limit(maxEmbedded)
                .toList();
        if (embeddingWeight > 0 && !embedded.isEmpty() && !query.isBlank()) {
            try {
                float[] q = embedder.embedQuery(query);
                List<float[]> vectors = embedder.embedAll(
                        embedded.stream().map(c -> c.span.text()).toList());
                for (int i = 0; i < embedded.size(); i++) {
                    embedded.get(i).similarity = Math.max(0, dot(q, vectors.get(i)));
                }
            } catch (RuntimeException e) {
                // ranking by overlap alone is worse but still honest; the answer must not fail for this
                LOG.warn("embedding sentences failed; ranking them by term overlap only", e);
            }
        }
        for (Candidate c : candidates) {
            c.score = c.english || embeddingWeight == 0
                    ? embeddingWeight * c.similarity + (1 - embeddingWeight) * c.overlap
                    : c.overlap;
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
