package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.change.DiffSegment;
import dev.policybot.domain.change.DiffSegment.Op;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Property(tries = 300)
    void old_and_new_text_are_rebuilt_exactly_from_the_segments(
            @ForAll @StringLength(max = 200) String before, @ForAll @StringLength(max = 200) String after) {
        List<DiffSegment> segments = WordDiff.between(before, after);

        assertThat(join(segments, Op.INSERTED)).isEqualTo(before);
        assertThat(join(segments, Op.DELETED)).isEqualTo(after);
    }

    @Property(tries = 100)
    void sentence_units_join_back_to_the_text(@ForAll @StringLength(max = 300) String text) {
        assertThat(String.join("", WordDiff.sentenceUnits(text))).isEqualTo(text);
    }

    @Test
    void a_removed_word_is_one_deletion() {
        List<DiffSegment> segments = WordDiff.between("Zoom Video Communications, Inc.", "Zoom Communications, Inc.");

        assertThat(segments)
                .containsExactly(
                        new DiffSegment(Op.EQUAL, "Zoom "),
                        new DiffSegment(Op.DELETED, "Video "),
                        new DiffSegment(Op.EQUAL, "Communications, Inc."));
    }

    @Test
    void a_rewritten_sentence_reads_as_one_deletion_and_one_insertion_not_a_comb() {
        List<DiffSegment> segments =
                WordDiff.between("Zoom may use your data for ads.", "Zoom will not use any data for ads.");

        assertThat(segments).extracting(DiffSegment::op).containsExactly(Op.EQUAL, Op.DELETED, Op.INSERTED, Op.EQUAL);
        assertThat(segments.get(1).text()).isEqualTo("may use your");
        assertThat(segments.get(2).text()).isEqualTo("will not use any");
    }

    @Test
    void identical_texts_are_one_equal_run() {
        assertThat(WordDiff.between("Same text.", "Same text."))
                .containsExactly(new DiffSegment(Op.EQUAL, "Same text."));
    }

    @Test
    void a_very_long_rewrite_is_reported_whole_instead_of_word_by_word() {
        String before = "alpha beta. ".repeat(2_000);
        String after = "gamma delta. ".repeat(2_000).replace(". ", "; ");

        List<DiffSegment> segments = WordDiff.between(before, after);

        assertThat(segments).extracting(DiffSegment::op).containsExactly(Op.DELETED, Op.INSERTED);
    }

    /** The text the segments spell when {@code skipped} runs are left out. */
    private static String join(List<DiffSegment> segments, Op skipped) {
        return segments.stream()
                .filter(s -> s.op() != skipped)
                .map(DiffSegment::text)
                .collect(Collectors.joining());
    }
}
