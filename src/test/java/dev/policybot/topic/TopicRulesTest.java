package dev.policybot.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Topic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of {@link TopicRules} has an example here, and does what its name says on it. */
class TopicRulesTest {

    private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put(
                "ai-training/train-near-ai",
                "We will not use your content to train generative AI models without your explicit consent.");
        EXAMPLES.put("ai-training/training-data", "Public posts may be included in training data for our systems.");
        EXAMPLES.put(
                "ai-training/input-to-ai",
                "Your Content may be used to inform or serve as input to artificial intelligence technologies.");
        EXAMPLES.put("ai-training/use-for-ai", "Does Zoom use my calls for AI?");
        EXAMPLES.put("ai-training/develop-ai-models", "We use uploads to improve our AI models.");

        EXAMPLES.put("ai-features/ai-generated", "You must label AI-generated tracks as such.");
        EXAMPLES.put(
                "ai-features/generative-ai",
                "Do not use the output of generative artificial intelligence to impersonate voices.");
        EXAMPLES.put("ai-features/ai-tools", "Our AI assistant can summarise your meetings.");
        EXAMPLES.put("ai-features/synthetic-media", "Deepfakes of real people are not allowed.");

        EXAMPLES.put("content-licence/grant-licence", "You hereby grant us a worldwide licence to host it.");
        EXAMPLES.put("content-licence/sublicensing", "The rights you grant are sublicensable.");
        EXAMPLES.put("content-licence/royalty-free", "This permission is royalty-free.");
        EXAMPLES.put("content-licence/licence-to-content", "The license to your Content ends when you delete it.");

        EXAMPLES.put("ownership/you-retain", "You retain all of your ownership rights in your Content.");
        EXAMPLES.put("ownership/owner-of-content", "We do not claim ownership of your content.");
        EXAMPLES.put("ownership/owned-by-you", "Any and all Content is uploaded, owned and controlled solely by you.");
        EXAMPLES.put("ownership/right-title-interest", "Zoom retains all right, title, and interest in the Services.");
        EXAMPLES.put("ownership/ip-in-content", "The copyright in your works stays with the artist.");

        EXAMPLES.put("deletion-retention/delete-account", "You can delete your account at any time.");
        EXAMPLES.put("deletion-retention/delete-data", "We erase personal data on request.");
        EXAMPLES.put(
                "deletion-retention/retention", "Your information will be retained for as long as the law requires.");

        EXAMPLES.put("data-sharing/sell-data", "We do not sell your personal information.");
        EXAMPLES.put("data-sharing/share-data-with-others", "We may share information about you with advertisers.");
        EXAMPLES.put("data-sharing/others-receive-data", "Our partners may receive data about the ads you see.");
        EXAMPLES.put("data-sharing/advertising", "The Platform may show advertisements.");
        EXAMPLES.put("data-sharing/do-not-sell", "Click here to opt out of the sale of your data.");

        EXAMPLES.put("tracking/cookies", "We use cookies to remember your settings.");
        EXAMPLES.put("tracking/pixels-and-beacons", "Emails contain web beacons.");
        EXAMPLES.put("tracking/device-identifiers", "We collect your IP address.");
        EXAMPLES.put("tracking/location", "The app can use precise location data.");
        EXAMPLES.put("tracking/tracking-activity", "We honour Do Not Track signals.");
        EXAMPLES.put("tracking/analytics", "We use analytics providers to understand usage.");

        EXAMPLES.put("age-limits/years-of-age", "You must be at least 16 years of age to register.");
        EXAMPLES.put("age-limits/minors", "The Services are not directed at children.");

        EXAMPLES.put("arbitration/arbitration", "Any dispute will be resolved by binding arbitration.");
        EXAMPLES.put("arbitration/class-action", "You waive any right to bring a class action.");
        EXAMPLES.put("arbitration/jury-waiver", "Both parties give up the right to a jury trial.");

        EXAMPLES.put("terms-changes/change-the-terms", "We may modify these Terms from time to time.");
        EXAMPLES.put("terms-changes/effective-date", "Last updated: February 1, 2023");
        EXAMPLES.put(
                "terms-changes/continued-use",
                "If you continue to use the Services after that date, you accept the new version.");
        EXAMPLES.put("terms-changes/notice-of-changes", "We will notify you by email of material changes.");

        EXAMPLES.put("monetisation/payouts", "Payouts are made monthly once you reach the threshold.");
        EXAMPLES.put("monetisation/monetise", "Eligible creators can monetize their tracks.");
        EXAMPLES.put("monetisation/royalties", "Artists receive royalties for each stream.");
        EXAMPLES.put("monetisation/partner-programme", "Join the Partner Program to earn from your videos.");

        EXAMPLES.put("moderation/remove-content", "We may remove any content that breaches these Terms.");
        EXAMPLES.put("moderation/takedown", "Send us a DMCA notice.");
        EXAMPLES.put("moderation/suspend-account", "We may suspend your account without notice.");
        EXAMPLES.put("moderation/moderation", "Repeat infringers lose their access.");
    }

    static Stream<Arguments> rules() {
        return TopicRules.all().stream().map(rule -> Arguments.of(rule.id(), rule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void each_rule_matches_its_example(String id, TopicRule rule) {
        // given the example written for this rule
        String example = EXAMPLES.get(id);

        // then it exists, the rule matches it, and the classifier tags the rule's topic
        assertThat(example).as("example for rule " + id).isNotNull();
        assertThat(rule.evidence(TopicClassifier.plain(example))).as(id).isNotNull();
        assertThat(new TopicClassifier().topicsOf(example)).contains(rule.topic());
    }

    @Test
    void every_example_belongs_to_a_rule() {
        assertThat(TopicRules.all().stream().map(TopicRule::id)).containsExactlyInAnyOrderElementsOf(EXAMPLES.keySet());
    }

    @Test
    void rule_ids_are_unique_and_name_their_topic() {
        assertThat(TopicRules.all().stream().map(TopicRule::id)).doesNotHaveDuplicates();
        assertThat(TopicRules.all())
                .allSatisfy(
                        rule -> assertThat(rule.id()).startsWith(rule.topic().id() + "/"));
    }

    @Test
    void every_topic_has_a_rule() {
        assertThat(TopicRules.all().stream().map(TopicRule::topic).distinct())
                .containsExactlyInAnyOrder(Topic.values());
    }
}
