package dev.policybot.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The topics people ask about in platform policies. Clauses are tagged with them ({@code topic.TopicClassifier}); change
 * alerts and {@code changes --topic} filter by them; retrieval may use them as boosts.
 * The descriptions are written for people and double as the texts topic similarity is measured against.
 */
public enum Topic {
    AI_TRAINING(
            "ai-training",
            "AI training",
            "Using users' content, uploads or personal data to train, develop or improve artificial intelligence "
                    + "and machine learning models, and opting out of such training."),
    AI_FEATURES(
            "ai-features",
            "AI features and AI-generated content",
            "Generative AI features and tools offered by the service, and AI-generated, synthetic or deepfake "
                    + "content created or uploaded by users."),
    CONTENT_LICENCE(
            "content-licence",
            "Content licence",
            "The licence users grant the platform to their content: its scope, worldwide, royalty-free, "
                    + "perpetual, sublicensable and transferable rights to use, copy, modify and distribute it."),
    OWNERSHIP(
            "ownership",
            "Ownership of uploads",
            "Who owns the content users upload: users keep ownership, copyright and intellectual property "
                    + "rights in their content."),
    DELETION_RETENTION(
            "deletion-retention",
            "Deletion and data retention",
            "Deleting or closing an account or content, and how long personal data and content are retained "
                    + "or kept after deletion."),
    DATA_SHARING(
            "data-sharing",
            "Data sale, sharing and advertising",
            "Selling or sharing users' personal data with third parties, partners and advertisers, "
                    + "and targeted or personalised advertising."),
    TRACKING(
            "tracking",
            "Tracking",
            "Cookies, pixels, web beacons, device identifiers, location data and other tracking of users' "
                    + "activity across websites and apps."),
    AGE_LIMITS(
            "age-limits",
            "Age limits",
            "The minimum age to use the service, children and minors, and parental consent."),
    ARBITRATION(
            "arbitration",
            "Arbitration and class-action waivers",
            "Binding arbitration of disputes instead of court, waiver of class actions and of jury trial."),
    TERMS_CHANGES(
            "terms-changes",
            "Changes to the terms",
            "How and when the platform may change or update these terms, the effective date, and how users "
                    + "are notified of changes."),
    MONETISATION(
            "monetisation",
            "Monetisation and payouts",
            "Payouts, royalties, revenue sharing and earnings paid to creators and artists for their content."),
    MODERATION(
            "moderation",
            "Moderation and takedown",
            "Removing or blocking content, copyright takedown notices, and suspending or terminating accounts "
                    + "that break the rules.");

    private final String id;
    private final String label;
    private final String description;

    Topic(String id, String label, String description) {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    /** Stable slug used in config, commands and JSON, e.g. {@code ai-training}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /**
     * The topics a person means by {@code name}: an id ("ai-training"), a label, a prefix of ids ("ai" means both AI
     * topics), or words of a label ("payouts", "takedown"); "license" is read as "licence".
     *
     * @return the matching topics, empty when none match
     */
    public static Set<Topic> matching(String name) {
        String wanted = Slugs.of(name).replace("license", "licence").replace("monetization", "monetisation");
        if (wanted.isEmpty()) {
            return Set.of();
        }
        for (Topic topic : values()) {
            if (topic.id.equals(wanted) || Slugs.of(topic.label).equals(wanted)) {
                return EnumSet.of(topic);
            }
        }
        Set<Topic> byPrefix = Arrays.stream(values())
                .filter(t -> t.id.startsWith(wanted))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Topic.class)));
        if (!byPrefix.isEmpty()) {
            return byPrefix;
        }
        List<String> words = List.of(wanted.split("-"));
        return Arrays.stream(values())
                .filter(t ->
                        List.of((t.id + "-" + Slugs.of(t.label)).split("-")).containsAll(words))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Topic.class)));
    }

    /** The one topic with this exact id. */
    public static Topic fromId(String id) {
        for (Topic topic : values()) {
            if (topic.id.equals(id.toLowerCase(Locale.ROOT).trim())) {
                return topic;
            }
        }
        throw UserFacingException.badInput("Unknown topic '" + id + "'. Known topics: " + ids() + ".");
    }

    /** All ids, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Topic::id).collect(Collectors.joining(", "));
    }
}
