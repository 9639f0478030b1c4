package dev.policybot.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Topic;
import dev.policybot.domain.port.Embedder;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private final TopicClassifier rulesOnly = new TopicClassifier();

    @Test
    void soundcloud_2024_clause_is_ai_training_not_ai_features() {
        String clause = "In the absence of a separate agreement that states otherwise, You explicitly agree that your "
                + "Content may be used to inform, train, develop or serve as input to artificial intelligence or "
                + "machine intelligence technologies or services as part of and for providing the services.";

        assertThat(rulesOnly.topicsOf(clause)).contains(Topic.AI_TRAINING).doesNotContain(Topic.AI_FEATURES);
    }

    @Test
    void opt_in_promise_is_ai_training_not_ai_features() {
        String clause = "We will not use your content to train generative AI models that aim to replicate or "
                + "synthesize your voice, music, or likeness without your explicit consent, which must be "
                + "affirmatively provided through an opt-in mechanism.";

        assertThat(rulesOnly.topicsOf(clause)).containsExactly(Topic.AI_TRAINING);
    }

    @Test
    void impersonation_with_ai_output_is_ai_features_not_training() {
        String clause = "You must not create any accounts with the purpose to impersonate a person, including using "
                + "the output of generative artificial intelligence to impersonate a person without authorization.";

        assertThat(rulesOnly.topicsOf(clause)).contains(Topic.AI_FEATURES).doesNotContain(Topic.AI_TRAINING);
    }

    @Test
    void zoom_service_generated_data_consent_is_ai_training() {
        String clause = "You consent to Zoom's access, use, collection of Service Generated Data for any purpose, "
                + "including for the purpose of product and service development, marketing, analytics, quality "
                + "assurance, machine learning or artificial intelligence (including for the purposes of training and "
                + "tuning of algorithms and models), training, testing, improvement of the Services.";

        assertThat(rulesOnly.topicsOf(clause)).contains(Topic.AI_TRAINING);
    }

    @Test
    void royalty_free_licence_is_not_monetisation() {
        String clause = "You grant us a worldwide, non-exclusive, royalty-free licence to host your content.";

        assertThat(rulesOnly.topicsOf(clause)).contains(Topic.CONTENT_LICENCE).doesNotContain(Topic.MONETISATION);
    }

    @Test
    void a_soundcloud_track_is_not_tracking() {
        assertThat(rulesOnly.topicsOf("Upload your tracks and share them with your followers."))
                .doesNotContain(Topic.TRACKING);
    }

    @Test
    void you_retain_ownership_is_not_data_retention() {
        assertThat(rulesOnly.topicsOf("You retain all ownership rights in your content."))
                .contains(Topic.OWNERSHIP)
                .doesNotContain(Topic.DELETION_RETENTION);
    }

    @Test
    void keeping_a_password_is_not_data_retention() {
        assertThat(rulesOnly.topicsOf("YOUR FAILURE TO PROVIDE ACCURATE INFORMATION, OR YOUR FAILURE TO KEEP YOUR "
                        + "USERNAME OR PASSWORD CONFIDENTIAL"))
                .doesNotContain(Topic.DELETION_RETENTION);
    }

    @Test
    void link_targets_do_not_count_as_words() {
        assertThat(rulesOnly.topicsOf("Read our [Privacy Policy](https://soundcloud.com/pages/cookies)."))
                .doesNotContain(Topic.TRACKING);
    }

    @Test
    void questions_as_people_type_them_get_their_topic() {
        assertThat(rulesOnly.topicsOf("can soundcloud train ai on my tracks?")).containsExactly(Topic.AI_TRAINING);
        assertThat(rulesOnly.topicsOf("does zoom use my calls for ai")).containsExactly(Topic.AI_TRAINING);
        assertThat(rulesOnly.topicsOf("how old do I need to be")).containsExactly(Topic.AGE_LIMITS);
        assertThat(rulesOnly.topicsOf("can they remove my songs")).containsExactly(Topic.MODERATION);
        assertThat(rulesOnly.topicsOf("do I keep the rights to my music")).containsExactly(Topic.OWNERSHIP);
        assertThat(rulesOnly.topicsOf("who owns my uploads")).containsExactly(Topic.OWNERSHIP);
        assertThat(rulesOnly.topicsOf("do I get paid")).containsExactly(Topic.MONETISATION);
    }

    @Test
    void a_french_j_ai_is_not_artificial_intelligence() {
        assertThat(rulesOnly.topicsOf("J'ai lu les conditions générales.")).isEmpty();
    }

    @Test
    void plain_boilerplate_has_no_topic() {
        assertThat(rulesOnly.topicsOf("If any provision of this Agreement is held invalid, the rest remains in force."))
                .isEmpty();
    }

    @Test
    void explanation_names_the_rule_and_the_matched_words() {
        List<TopicMatch> matches = rulesOnly.explain("Any dispute will be resolved by binding arbitration.");

        assertThat(matches)
                .containsExactly(new TopicMatch(Topic.ARBITRATION, "rule arbitration/arbitration", "arbitration"));
    }

    @Test
    void rule_topics_among_some_are_the_rule_topics_of_those_alone() {
        // given a clause the rules tag with two topics
        String text = "You can delete your account at any time; we never sell your personal data.";
        TopicClassifier classifier = new TopicClassifier();
        assertThat(classifier.topicsOf(text)).containsExactlyInAnyOrder(Topic.DELETION_RETENTION, Topic.DATA_SHARING);

        // then asking among some topics finds only those of them it is about
        assertThat(classifier.ruleTopicsOf(text, EnumSet.of(Topic.DATA_SHARING, Topic.TRACKING)))
                .containsExactly(Topic.DATA_SHARING);
        assertThat(classifier.ruleTopicsOf(text, EnumSet.of(Topic.TRACKING))).isEmpty();
        assertThat(classifier.ruleTopicsOf(text, Set.of())).isEmpty();
    }

    @Test
    void similarity_adds_the_nearest_topic_when_no_rule_fires() {
        // given an embedder under which the text lies next to the age-limits description
        Embedder embedder = new AxisEmbedder(Topic.AGE_LIMITS.description(), "Kids may not sign up.");
        TopicClassifier classifier = new TopicClassifier(embedder, 0.5);

        // when / then
        List<TopicMatch> matches = classifier.explain("Kids may not sign up.");
        assertThat(matches).extracting(TopicMatch::topic).containsExactly(Topic.AGE_LIMITS);
        assertThat(matches.get(0).reason()).isEqualTo("similarity");
    }

    @Test
    void similarity_below_the_threshold_adds_nothing() {
        Embedder embedder = new AxisEmbedder(Topic.AGE_LIMITS.description(), "Something unrelated.");
        TopicClassifier classifier = new TopicClassifier(embedder, 0.5);

        assertThat(classifier.topicsOf("Kids may not sign up.")).isEmpty();
    }

    @Test
    void batch_tagging_keeps_order_and_skips_blank_texts_for_the_embedder() {
        Embedder embedder = new AxisEmbedder(Topic.AGE_LIMITS.description(), "Kids may not sign up.");
        TopicClassifier classifier = new TopicClassifier(embedder, 0.5);

        List<Set<Topic>> topics = classifier.topicsOfAll(List.of("We use cookies.", " ", "Kids may not sign up."));

        assertThat(topics).containsExactly(Set.of(Topic.TRACKING), Set.of(), Set.of(Topic.AGE_LIMITS));
    }

    /**
     * Fake embedder: the two texts it is given share one axis (similarity 1); every other text gets its own axis
     * (similarity 0 to everything else).
     */
    private static final class AxisEmbedder implements Embedder {
        private final String a;
        private final String b;
        private final Map<String, Integer> axes = new HashMap<>();

        AxisEmbedder(String a, String b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::vector).toList();
        }

        private synchronized float[] vector(String text) {
            assertThat(text).isNotBlank();
            float[] v = new float[64];
            String key = text.equals(a) || text.equals(b) ? a : text;
            v[axes.computeIfAbsent(key, k -> axes.size())] = 1;
            return v;
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public String modelId() {
            return "axis";
        }
    }
}
