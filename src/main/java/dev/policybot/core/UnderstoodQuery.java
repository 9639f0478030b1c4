package dev.policybot.core;

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
 */
public record UnderstoodQuery(String question, String language, String english, String dense,
                              Map<String, Double> expansions,
                              Set<Topic> topics, ClausePrior prior) {

    public UnderstoodQuery {
        question = question == null ? "" : question;
        language = language == null ? Languages.ENGLISH : language;
        english = english == null || english.isBlank() ? question : english;
        dense = dense == null || dense.isBlank() ? english : dense;
        expansions = Map.copyOf(expansions == null ? Map.of() : expansions);
        topics = Set.copyOf(topics == null ? Set.of() : topics);
        prior = Objects.requireNonNullElse(prior, ClausePrior.NONE);
    }

    /** The question as typed, with nothing added. */
    public static UnderstoodQuery plain(String question) {
        return new UnderstoodQuery(question, Languages.ENGLISH, question, question, Map.of(), Set.of(), ClausePrior.NONE);
    }

    /** A factor on a candidate clause's retrieval score: above 1 raises it. */
    @FunctionalInterface
    public interface ClausePrior {
        ClausePrior NONE = clause -> 1.0;

        double of(Clause clause);
    }
}
