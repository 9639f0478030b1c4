package dev.policybot.topic;

import dev.policybot.domain.Topic;

/**
 * Why a text was tagged with a topic, for people who ask ("why is this an AI-training change?").
 *
 * @param topic    the topic
 * @param reason   {@code rule <id>} or {@code similarity}
 * @param evidence the matched words, or the similarity score as text
 */
public record TopicMatch(Topic topic, String reason, String evidence) {}
