package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import dev.policybot.domain.Topic;
import dev.policybot.topic.TopicClassifier;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClauseFactsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-01-01");
    private final ClauseFacts facts = new ClauseFacts();

    private static Clause clause(List<String> headings, String text) {
        return new Clause(
                "tunes/terms#c-" + Math.abs(text.hashCode()),
                "tunes",
                "Tunes",
                "terms",
                "Terms",
                headings,
                text,
                DAY,
                null,
                null,
                null);
    }

    @Test
    void a_clause_is_about_a_wanted_topic_exactly_when_the_rules_tag_it_with_one() {
        // given a clause whose heading and text the rules tag with deletion and data sharing
        Clause clause = clause(List.of("Your account"), "You can delete it at any time. We never sell personal data.");
        Set<Topic> tagged = new TopicClassifier().topicsOf("Your account\n" + clause.text());
        assertThat(tagged).containsExactlyInAnyOrder(Topic.DELETION_RETENTION, Topic.DATA_SHARING);

        // then every single wanted topic, asked twice (the second answer is remembered), agrees with the classifier
        for (int round = 0; round < 2; round++) {
            for (Topic topic : Topic.values()) {
                assertThat(facts.aboutAny(clause, EnumSet.of(topic)))
                        .as(topic + " round " + round)
                        .isEqualTo(tagged.contains(topic));
            }
        }
        assertThat(facts.aboutAny(clause, EnumSet.of(Topic.TRACKING, Topic.DATA_SHARING)))
                .isTrue();
        assertThat(facts.aboutAny(clause, EnumSet.of(Topic.TRACKING, Topic.ARBITRATION)))
                .isFalse();
        assertThat(facts.aboutAny(clause, Set.of())).isFalse();
    }

    @Test
    void language_words_and_stems_are_those_of_the_clause() {
        Clause english = clause(List.of(), "We delete accounts.");
        Clause french = clause(List.of("Compte"), "Vous pouvez supprimer votre compte à tout moment.");

        assertThat(facts.language(english)).isEqualTo("en");
        assertThat(facts.words(english)).isEmpty();
        assertThat(facts.stemmed(english)).isEqualTo(QueryWords.stemmed("\nWe delete accounts."));
        assertThat(facts.language(french)).isEqualTo("fr");
        assertThat(facts.words(french)).contains("supprimer", "compte");
    }
}
