package dev.policybot.question;

import dev.policybot.domain.Clause;
import dev.policybot.domain.Topic;
import dev.policybot.text.Languages;
import dev.policybot.topic.TopicClassifier;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the prior needs to know about a candidate clause, each fact worked out when first asked for and then
 * remembered per clause version (a version never changes): whether the {@link TopicClassifier}'s phrase rules tag it
 * with a topic, its language, its stemmed words, and, for a clause not in English, its folded words. Only what a
 * question asks for is worked out: the topic rules are the costly part, and a question wants one or two topics, often
 * none. Thread-safe; the memory is bounded.
 */
final class ClauseFacts {
    /** About a large index's worth of candidates; past this the memory starts over (facts are cheap to recompute). */
    static final int MAX_REMEMBERED = 100_000;

    private final TopicClassifier rules = new TopicClassifier();
    private final Map<String, Known> byVersion = new ConcurrentHashMap<>();

    /** Whether the rules tag {@code clause} with any of {@code topics}; each topic's rules run once per clause. */
    boolean aboutAny(Clause clause, Set<Topic> topics) {
        Known known = known(clause);
        Set<Topic> unchecked = EnumSet.noneOf(Topic.class);
        for (Topic topic : topics) {
            Boolean about = known.about(topic);
            if (Boolean.TRUE.equals(about)) {
                return true;
            }
            if (about == null) {
                unchecked.add(topic);
            }
        }
        if (unchecked.isEmpty()) {
            return false;
        }
        Set<Topic> found = rules.ruleTopicsOf(text(clause), unchecked);
        unchecked.forEach(topic -> known.record(topic, found.contains(topic)));
        return !found.isEmpty();
    }

    /** The clause's language code. */
    String language(Clause clause) {
        Known known = known(clause);
        String language = known.language;
        if (language == null) {
            language = Languages.detect(clause.text());
            known.language = language;
        }
        return language;
    }

    /** The clause's folded words (headings included) when it is not in English, else empty. */
    Set<String> words(Clause clause) {
        Known known = known(clause);
        Set<String> words = known.words;
        if (words == null) {
            words = Languages.ENGLISH.equals(language(clause))
                    ? Set.of()
                    : new HashSet<>(QueryWords.tokens(text(clause)));
            known.words = words;
        }
        return words;
    }

    /** The clause's {@link QueryWords#stemmed stemmed} words (headings included), to find policy phrases in it. */
    String stemmed(Clause clause) {
        Known known = known(clause);
        String stemmed = known.stemmed;
        if (stemmed == null) {
            stemmed = QueryWords.stemmed(text(clause));
            known.stemmed = stemmed;
        }
        return stemmed;
    }

    private Known known(Clause clause) {
        Known known = byVersion.get(clause.versionKey());
        if (known != null) {
            return known;
        }
        if (byVersion.size() >= MAX_REMEMBERED) {
            byVersion.clear();
        }
        return byVersion.computeIfAbsent(clause.versionKey(), key -> new Known());
    }

    private static String text(Clause clause) {
        return String.join(" › ", clause.headingPath()) + "\n" + clause.text();
    }

    /**
     * The facts of one clause version found so far. Each is computed from the clause alone, so two threads racing to
     * fill one compute the same value and either may win.
     */
    private static final class Known {
        volatile String language;
        volatile Set<String> words;
        volatile String stemmed;
        /** Low 32 bits: topics checked (by ordinal); high 32 bits: topics found. */
        private final AtomicLong topics = new AtomicLong();

        Boolean about(Topic topic) {
            long state = topics.get();
            long bit = 1L << topic.ordinal();
            return (state & bit) == 0 ? null : (state & (bit << 32)) != 0;
        }

        void record(Topic topic, boolean about) {
            long bit = 1L << topic.ordinal();
            topics.getAndUpdate(state -> state | bit | (about ? bit << 32 : 0));
        }
    }
}
