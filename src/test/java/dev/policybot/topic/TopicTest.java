package dev.policybot.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.Slugs;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void ids_labels_prefixes_and_label_words_name_topics() {
        assertThat(Topic.matching("ai-training")).containsExactly(Topic.AI_TRAINING);
        assertThat(Topic.matching("AI training")).containsExactly(Topic.AI_TRAINING);
        assertThat(Topic.matching("ai")).containsExactlyInAnyOrder(Topic.AI_TRAINING, Topic.AI_FEATURES);
        assertThat(Topic.matching("license")).containsExactly(Topic.CONTENT_LICENCE);
        assertThat(Topic.matching("payouts")).containsExactly(Topic.MONETISATION);
        assertThat(Topic.matching("monetization")).containsExactly(Topic.MONETISATION);
        assertThat(Topic.matching("takedown")).containsExactly(Topic.MODERATION);
        assertThat(Topic.matching("deletion")).containsExactly(Topic.DELETION_RETENTION);
    }

    @Test
    void unknown_names_match_nothing() {
        assertThat(Topic.matching("weather")).isEmpty();
        assertThat(Topic.matching("  ")).isEmpty();
    }

    @Test
    void from_id_refuses_unknown_ids_listing_the_known_ones() {
        assertThat(Topic.fromId("tracking")).isEqualTo(Topic.TRACKING);
        assertThatThrownBy(() -> Topic.fromId("weather"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("ai-training, ai-features");
    }

    @Test
    void every_topic_has_a_slug_id_label_and_description() {
        assertThat(Set.of(Topic.values())).allSatisfy(t -> {
            assertThat(t.id()).isEqualTo(Slugs.of(t.id()));
            assertThat(t.label()).isNotBlank();
            assertThat(t.description()).hasSizeGreaterThan(40);
        });
    }
}
