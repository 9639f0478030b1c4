package dev.policybot.topic;

import dev.policybot.domain.Topic;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One transparent tagging rule: when {@link #pattern()} occurs in a clause (case-insensitive), the clause is about
 * {@link #topic()}.
 *
 * @param id      stable name shown in explanations, {@code topic-id/what-it-looks-for}
 * @param topic   the topic it tags
 * @param pattern the phrase pattern, compiled case-insensitively
 */
public record TopicRule(String id, Topic topic, Pattern pattern) {

    public TopicRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(pattern, "pattern");
    }

    static TopicRule of(Topic topic, String name, String regex) {
        return new TopicRule(
                topic.id() + "/" + name,
                topic,
                Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The matched words, or {@code null} when the rule does not apply to {@code text}. */
    public String evidence(String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }
}
