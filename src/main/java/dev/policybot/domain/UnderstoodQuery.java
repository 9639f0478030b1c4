package dev.policybot.domain;

import dev.policybot.text.Languages;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A question as retrieval should use it.
 *
 * @param question   the question as typed (platform detection reads this)
 * @param language   its detected language code ({@code en}, {@code de}, …)
 * @param english    the question in English words: the question itself, or its glossary translation
 * @param dense      the text to embed for nearest-neighbour search (the English words, and what they mean in policy
 *                   wording)
 * @param expansions policy wording the question means without saying it ("uninstalled" → "deleting the app"), each
 *                   phrase with its weight relative to the question's own words (0–1)
 * @param topics     topics the question is about; clauses tagged with them are raised, never filtered
 * @param prior      a factor for each candidate clause (topics and document kinds the question points at), 1 = none
 * @param denseTrust how far nearest-neighbour similarity is to be trusted for this wording, in (0, 1]: 1 for a
 *                   question as typed, less for a word-by-word translation (which embeds worse than it searches)
 */
public record UnderstoodQuery(
        String question,
        String language,
        String english,
        String dense,
        Map<String, Double> expansions,
        Set<Topic> topics,
        ClausePrior prior,
        double denseTrust) {

    public UnderstoodQuery {
        question = question == null ? "" : question;
        language = language == null ? Languages.ENGLISH : language;
        english = english == null || english.isBlank() ? question : english;
        dense = dense == null || dense.isBlank() ? english : dense;
        expansions = Map.copyOf(expansions == null ? Map.of() : expansions);
        topics = Set.copyOf(topics == null ? Set.of() : topics);
        prior = Objects.requireNonNullElse(prior, ClausePrior.NONE);
        if (!(denseTrust > 0 && denseTrust <= 1)) {
            throw new IllegalArgumentException("denseTrust must lie in (0, 1]: " + denseTrust);
        }
    }

    /** The question as typed, with nothing added. */
    public static UnderstoodQuery plain(String question) {
        return new UnderstoodQuery(
                question, Languages.ENGLISH, question, question, Map.of(), Set.of(), ClausePrior.NONE, 1);
    }

    /** A factor on a candidate clause's retrieval score: above 1 raises it. */
    @FunctionalInterface
    public interface ClausePrior {
        ClausePrior NONE = new ClausePrior() {
            @Override
            public double of(Clause clause) {
                return 1.0;
            }

            @Override
            public double atMost() {
                return 1.0;
            }
        };

        double of(Clause clause);

        /**
         * A bound no clause's factor exceeds, so that retrieval can leave unread the candidates that could not reach
         * the results even at the bound (reading a clause is the dearest step of a search); unbounded by default.
         */
        default double atMost() {
            return Double.POSITIVE_INFINITY;
        }
    }
}
