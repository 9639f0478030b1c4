package dev.policybot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextCutterTest {

    @Test
    void text_that_fits_is_left_alone() {
        assertThat(TextCutter.cut("Short. Text.", 100)).isEqualTo(new TextCutter.Cut("Short. Text.", ""));
    }

    @Test
    void long_text_is_cut_after_the_last_whole_sentence_with_an_ellipsis() {
        String text = "First sentence is here. Second sentence is here. Third sentence is here.";

        TextCutter.Cut cut = TextCutter.cut(text, 55);

        assertThat(cut.shown()).isEqualTo("First sentence is here. Second sentence is here. …");
        assertThat(cut.rest()).isEqualTo("Third sentence is here.");
    }

    @Test
    void text_without_sentence_ends_is_cut_at_a_space() {
        String text = "word ".repeat(50);

        TextCutter.Cut cut = TextCutter.cut(text, 32);

        assertThat(cut.shown()).hasSizeLessThanOrEqualTo(32).endsWith("word …");
    }

    @Test
    void a_surrogate_pair_is_never_split() {
        String text = "😀".repeat(100);

        TextCutter.Cut cut = TextCutter.cut(text, 51);

        // an unpaired surrogate shows up as a code point in the surrogate range
        assertThat(cut.shown().codePoints().noneMatch(TextCutterTest::isSurrogate))
                .isTrue();
        assertThat(cut.rest().codePoints().noneMatch(TextCutterTest::isSurrogate))
                .isTrue();
    }

    @Test
    void chunks_cover_the_whole_text_within_the_limit() {
        String text = "A sentence of some length. ".repeat(400);

        var chunks = TextCutter.chunks(text, 4_096);

        assertThat(chunks).hasSize(3).allSatisfy(chunk -> assertThat(chunk).hasSizeLessThanOrEqualTo(4_096));
        assertThat(String.join(" ", chunks).replace(" …", "").replaceAll("\\s+", " "))
                .isEqualTo(text.strip().replaceAll("\\s+", " "));
    }

    @Property(tries = 300)
    void cut_always_fits_and_loses_no_words(
            @ForAll @StringLength(max = 600) String text, @ForAll @IntRange(min = 2, max = 300) int max) {
        TextCutter.Cut cut = TextCutter.cut(text, max);

        assertThat(cut.shown().length()).isLessThanOrEqualTo(max);
        String shownWithoutMark =
                cut.wasCut() ? cut.shown().substring(0, cut.shown().length() - 1) : cut.shown();
        assertThat(withoutSpace(shownWithoutMark + cut.rest())).isEqualTo(withoutSpace(text));
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    private static String withoutSpace(String text) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
