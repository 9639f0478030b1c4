package dev.policybot.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.UserFacingException;
import org.junit.jupiter.api.Test;

class QuestionsTest {
    @Test
    void a_question_is_taken_without_its_surrounding_space() {
        assertThat(Questions.check("  Can Tunebox train AI on my tracks?\n"))
                .isEqualTo("Can Tunebox train AI on my tracks?");
    }

    @Test
    void a_blank_question_is_refused_with_an_example() {
        assertThatThrownBy(() -> Questions.check(" \n\t"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Please type a question");
        assertThatThrownBy(() -> Questions.check(null)).isInstanceOf(UserFacingException.class);
    }

    @Test
    void a_question_of_exactly_the_limit_is_taken_and_one_character_more_is_refused_as_bad_input() {
        String atLimit = "a".repeat(Questions.MAX_CHARACTERS);

        assertThat(Questions.check(atLimit)).isEqualTo(atLimit);
        assertThatThrownBy(() -> Questions.check(atLimit + "b"))
                .isInstanceOfSatisfying(
                        UserFacingException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("under 1000 characters");
    }
}
