package dev.policybot.compare;

import dev.policybot.domain.Topic;
import java.util.EnumMap;
import java.util.Map;

/**
 * The question {@code compare --topic} asks each platform: one plain question per topic, in the words people use,
 * so that a topic is answered through the same path (and the same outcome decision) as a typed question.
 */
final class TopicQuestions {
    private static final Map<Topic, String> QUESTIONS = new EnumMap<>(Topic.class);

    static {
        QUESTIONS.put(
                Topic.AI_TRAINING,
                "Do they use my content, uploads or data to train artificial intelligence or machine learning models?");
        QUESTIONS.put(Topic.AI_FEATURES, "What do they say about AI features and AI-generated content?");
        QUESTIONS.put(
                Topic.CONTENT_LICENCE,
                "What licence do I grant them to the content I upload, and what can they do with it?");
        QUESTIONS.put(Topic.OWNERSHIP, "Who owns the content I upload or create, do I keep ownership?");
        QUESTIONS.put(
                Topic.DELETION_RETENTION,
                "When I delete my account or content, is my data deleted, and how long do they keep it?");
        QUESTIONS.put(Topic.DATA_SHARING, "Do they sell or share my personal data with third parties or advertisers?");
        QUESTIONS.put(Topic.TRACKING, "Do they track me with cookies, device identifiers or location data?");
        QUESTIONS.put(Topic.AGE_LIMITS, "How old do I have to be to use the service?");
        QUESTIONS.put(Topic.ARBITRATION, "Do I have to settle disputes by binding arbitration, and can I opt out?");
        QUESTIONS.put(Topic.TERMS_CHANGES, "How do they tell me when they change the terms?");
        QUESTIONS.put(
                Topic.MONETISATION, "How are creators paid for their content: payouts, royalties and revenue share?");
        QUESTIONS.put(Topic.MODERATION, "When can they remove my content or suspend or terminate my account?");
    }

    private TopicQuestions() {}

    static String of(Topic topic) {
        return QUESTIONS.get(topic);
    }
}
