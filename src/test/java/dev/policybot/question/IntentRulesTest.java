package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.Topic;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntentRulesTest {
    private final IntentRules rules = IntentRules.load();

    @Test
    void every_rule_matches_its_example_and_not_its_counter_example() {
        for (IntentRules.Rule rule : rules.rules()) {
            assertThat(rules.matching(rule.example()))
                    .as("line %d on \"%s\"", rule.line(), rule.example())
                    .contains(rule);
            if (!rule.counterExample().isBlank()) {
                assertThat(rules.matching(rule.counterExample()))
                        .as("line %d on \"%s\"", rule.line(), rule.counterExample())
                        .doesNotContain(rule);
            }
        }
    }

    @Test
    void my_tracks_point_at_the_terms_and_licence_clauses() {
        IntentRules.Intent intent = rules.of("can they use my tracks however they want?");
        assertThat(intent.topics()).contains(Topic.CONTENT_LICENCE, Topic.OWNERSHIP);
        assertThat(intent.documents()).contains("terms");
    }

    @Test
    void my_data_chats_and_calls_point_at_the_privacy_policy() {
        for (String question :
                List.of("what do they do with my data?", "who sees my chats?", "do they record my calls?")) {
            assertThat(rules.of(question).documents()).as(question).contains("privacy");
        }
    }

    @Test
    void training_on_uploads_is_kept_apart_from_ai_features() {
        assertThat(rules.of("will they train AI on my music?").topics())
                .contains(Topic.AI_TRAINING)
                .doesNotContain(Topic.AI_FEATURES);
        assertThat(rules.of("who owns the stuff the AI tool generates?").topics())
                .contains(Topic.AI_FEATURES)
                .doesNotContain(Topic.AI_TRAINING);
    }

    @Test
    void a_question_about_nothing_in_particular_has_no_intent() {
        assertThat(rules.of("hello there")).isEqualTo(new IntentRules.Intent(Set.of(), Set.of()));
    }

    @Test
    void an_unknown_topic_in_the_file_names_its_line() {
        ResourceTable table = ResourceTable.parse("i.tsv", List.of("# version: 1", "sue\tlawsuits\tterms\tcan I sue?"));
        assertThatThrownBy(() -> new IntentRules(table)).hasMessageContaining("i.tsv line 2");
    }
}
