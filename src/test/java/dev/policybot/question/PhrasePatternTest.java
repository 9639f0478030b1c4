package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhrasePatternTest {

    private static boolean matches(String pattern, String text) {
        return PhrasePattern.of(pattern).matches(QueryWords.tokens(text));
    }

    @Test
    void words_match_whole_words_only() {
        assertThat(matches("sell", "will they sell my data")).isTrue();
        assertThat(matches("sell", "the seller")).isFalse();
    }

    @Test
    void a_star_matches_any_ending_and_a_bar_either_word() {
        assertThat(matches("delet* ~ account|profile", "deleting my profile")).isTrue();
        assertThat(matches("delet* ~ account|profile", "delete the app")).isFalse();
    }

    @Test
    void a_tilde_allows_up_to_three_words_between() {
        assertThat(matches("sell* ~ songs", "selling all of my songs")).isTrue();
        assertThat(matches("sell* ~ songs", "selling all of my old songs")).isFalse();
    }

    @Test
    void umlauts_and_accents_are_folded_on_both_sides() {
        assertThat(matches("löschen", "Konto loeschen")).isTrue();
        assertThat(matches("donnees", "mes données")).isTrue();
    }

    @Test
    void a_pattern_must_start_and_end_with_a_word() {
        assertThatThrownBy(() -> PhrasePattern.of("~ account")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhrasePattern.of("@")).isInstanceOf(IllegalArgumentException.class);
    }
}
