package dev.policybot.query;

import dev.policybot.core.Clause;
import dev.policybot.core.Topic;
import dev.policybot.core.TopicClassifier;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topic tags of candidate clauses, by the {@link TopicClassifier}'s phrase rules over the headings and text,
 * remembered per clause version (a clause version never changes). Thread-safe; the memory is bounded.
 */
final class ClauseTopics {
    /** About a large index's worth of candidates; past this the memory starts over (tags are cheap to recompute). */
    static final int MAX_REMEMBERED = 100_000;

    private final TopicClassifier rules = new TopicClassifier();
    private final Map<String, Set<Topic>> byVersion = new ConcurrentHashMap<>();

    Set<Topic> of(Clause clause) {
        Set<Topic> known = byVersion.get(clause.versionKey());
        if (known != null) {
            return known;
        }
        if (byVersion.size() >= MAX_REMEMBERED) {
            byVersion.clear();
        }
        String text = String.join(" › ", clause.headingPath()) + "\n" + clause.text();
        Set<Topic> topics = Set.copyOf(rules.topicsOf(text));
        byVersion.put(clause.versionKey(), topics);
        return topics;
    }
}
