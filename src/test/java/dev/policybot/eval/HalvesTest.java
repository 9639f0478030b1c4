package dev.policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HalvesTest {
    private static EvalQuestion question(String id, String service) {
        return new EvalQuestion(id, "question " + id, service, "direct", null, List.of());
    }

    private static List<EvalQuestion> set() {
        List<EvalQuestion> questions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            questions.add(question("q-" + i, "platform-" + (i % 13)));
            questions.add(question("x-" + i, "*"));
        }
        return questions;
    }

    @Test
    void every_question_of_one_platform_lands_in_the_same_half() {
        EvalQuestion first = question("a-1", "SoundCloud");
        EvalQuestion second = question("b-7", "soundcloud");

        assertThat(Halves.of(first)).isEqualTo(Halves.of(second)).isIn(Halves.Half.TUNE, Halves.Half.CHECK);
    }

    @Test
    void the_halves_are_disjoint_cover_the_set_and_are_the_same_on_every_run() {
        List<EvalQuestion> all = set();

        List<EvalQuestion> tune = Halves.select(all, Halves.Half.TUNE);
        List<EvalQuestion> check = Halves.select(all, Halves.Half.CHECK);

        assertThat(tune).isNotEmpty().doesNotContainAnyElementsOf(check);
        assertThat(check).isNotEmpty();
        assertThat(tune.size() + check.size()).isEqualTo(all.size());
        assertThat(Halves.select(all, Halves.Half.ALL)).containsExactlyElementsOf(all);
        assertThat(Halves.select(set(), Halves.Half.TUNE)).containsExactlyElementsOf(tune);
    }

    @Test
    void cross_platform_questions_are_split_by_their_id() {
        List<EvalQuestion> crossPlatform =
                set().stream().filter(EvalQuestion::anyService).toList();

        assertThat(crossPlatform.stream().map(Halves::of).distinct())
                .containsExactlyInAnyOrder(Halves.Half.TUNE, Halves.Half.CHECK);
    }

    @Test
    void a_half_is_named_tune_check_or_all() {
        assertThat(Halves.Half.parse("Check")).isEqualTo(Halves.Half.CHECK);
        assertThat(Halves.Half.parse("tune")).isEqualTo(Halves.Half.TUNE);
        assertThatThrownBy(() -> Halves.Half.parse("half")).hasMessageContaining("tune, check or all");
    }
}
