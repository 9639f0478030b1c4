package dev.policybot.input;

import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import java.util.Set;

/** A topic as people type it ({@code ai-training}, {@code ai}, a label), read the same way in every front end. */
public final class TopicNames {
    private TopicNames() {}

    /** The topics the name stands for ("ai" is both AI topics); empty for none given. */
    public static Set<Topic> parse(String name) {
        if (name == null || name.isBlank()) {
            return Set.of();
        }
        Set<Topic> topics = Topic.matching(name.strip());
        if (topics.isEmpty()) {
            throw UserFacingException.badInput("Unknown topic '" + name.strip() + "'. Topics: " + Topic.ids() + ".");
        }
        return topics;
    }
}
