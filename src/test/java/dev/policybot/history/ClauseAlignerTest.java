package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.history.ClauseAligner.Group;
import dev.policybot.text.DiffWords;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseAlignerTest {

    @Test
    void equal_clauses_pair_in_order_and_a_new_one_stands_alone() {
        List<Group> groups = ClauseAligner.align(
                List.of("Alpha one two three.", "Beta four five six."),
                List.of("Alpha one two three.", "Gamma new clause here.", "Beta four five six."));

        assertThat(groups)
                .containsExactlyInAnyOrder(
                        new Group(List.of(0), List.of(0)),
                        new Group(List.of(1), List.of(2)),
                        new Group(List.of(), List.of(1)));
    }

    @Test
    void renumbered_sections_count_as_the_same_clause() {
        List<Group> groups = ClauseAligner.align(
                List.of("34. ELIGIBILITY", "13.4 Payment of taxes is due."),
                List.of("35. ELIGIBILITY", "13.5 Payment of taxes is due."));

        assertThat(groups).containsExactly(new Group(List.of(0), List.of(0)), new Group(List.of(1), List.of(1)));
    }

    @Test
    void a_leading_age_is_not_a_section_number() {
        assertThat(DiffWords.key("16 years of age is the minimum.")).startsWith("16 years");
        assertThat(DiffWords.key("**2\\. ORDERING**")).isEqualTo("ordering");
        assertThat(DiffWords.key("(iv) You must not")).isEqualTo("you must not");
    }

    @Test
    void a_paragraph_split_in_two_is_one_group() {
        String whole = "You grant us a licence to host your content worldwide. We may also use it to train models "
                + "that generate music.";
        List<Group> groups = ClauseAligner.align(
                List.of(whole),
                List.of(
                        "You grant us a licence to host your content worldwide.",
                        "We may also use it to train models that generate music."));

        assertThat(groups).containsExactly(new Group(List.of(0), List.of(0, 1)));
    }

    @Test
    void groups_never_have_several_clauses_on_both_sides() {
        List<String> before = List.of(
                "the service terms apply to all users of the service here",
                "the service terms apply to all users of the app there");
        List<String> after = List.of(
                "the service terms apply to all users of the service now",
                "the service terms apply to all users of the app now");

        assertThat(ClauseAligner.align(before, after))
                .allSatisfy(g -> assertThat(g.before().size() == 1 || g.after().size() == 1)
                        .isTrue());
    }

    @Test
    void unrelated_clauses_are_not_linked() {
        List<Group> groups = ClauseAligner.align(
                List.of("Cookies are small files stored on your device."),
                List.of("Arbitration is binding for all disputes."));

        assertThat(groups)
                .containsExactlyInAnyOrder(new Group(List.of(0), List.of()), new Group(List.of(), List.of(0)));
    }
}
