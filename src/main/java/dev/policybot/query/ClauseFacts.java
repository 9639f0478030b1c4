package dev.policybot.query;

import dev.policybot.core.Clause;
import dev.policybot.core.Languages;
import dev.policybot.core.Topic;
import dev.policybot.core.TopicClassifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the prior needs to know about a candidate clause, worked out once per clause version (a version never
 * changes): its topic tags by the {@link TopicClassifier}'s phrase rules over the headings and text, its language,
 * its stemmed words, and, for a clause not in English, its folded words. Thread-safe; the memory is bounded.
 */
final class ClauseFacts {
    /** About a large index's worth of candidates; past this the memory starts over (facts are cheap to recompute). */
    static final int MAX_REMEMBERED = 100_000;

    /**
     * @param topics   the clause's topics
     * @param language its language code
     * @param words    its folded words when it is not in English, else empty
     * @param stemmed  its {@link QueryWords#stemmed stemmed} words, to find policy phrases in it
     */
    record Facts(Set<Topic> topics, String language, Set<String> words, String stemmed) {
    }

    private final TopicClassifier rules = new TopicClassifier();
    private final Map<String, Facts> byVersion = new ConcurrentHashMap<>();

    Facts of(Clause clause) {
        Facts known = byVersion.get(clause.versionKey());
        if (known != null) {
            return known;
        }
        if (byVersion.size() >= MAX_REMEMBERED) {
            byVersion.clear();
        }
        String text = String.join(" › ", clause.headingPath()) + "\n" + clause.text();
        String language = Languages.detect(clause.text());
        Set<String> words = Languages.ENGLISH.equals(language) ? Set.of() : new HashSet<>(QueryWords.tokens(text));
        Facts facts = new Facts(Set.copyOf(rules.topicsOf(text)), language, words, QueryWords.stemmed(text));
        byVersion.put(clause.versionKey(), facts);
        return facts;
    }
}
