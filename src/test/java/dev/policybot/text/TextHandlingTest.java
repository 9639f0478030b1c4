package dev.policybot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextHandlingTest {

    @Test
    void normalises_like_the_scoring_rule() {
        assertThat(Words.normalize("  We **won’t** sell\u00a0your DATA—ever!  "))
                .isEqualTo("we won t sell your data ever");
    }

    @Test
    void content_terms_drop_function_words_and_strip_plural_and_ing() {
        assertThat(Words.contentTerms("Can SoundCloud train AI on my tracks?"))
                .containsExactly("soundcloud", "train", "ai", "track");
        assertThat(Words.contentTerms("training")).containsExactly("train");
    }

    @Test
    void spelled_out_terms_also_carry_their_abbreviation_so_a_question_about_ai_overlaps_them() {
        assertThat(Words.contentTerms("used to train artificial intelligence technologies"))
                .contains("ai", "train");
        assertThat(Words.contentTerms("machine learning models")).contains("ai");
        assertThat(Words.contentTerms("artificial flavours and intelligence tests"))
                .doesNotContain("ai");
    }

    @Test
    void contains_normalized_respects_word_boundaries() {
        assertThat(Words.containsNormalized("We will not use your Content.", "USE your content"))
                .isTrue();
        assertThat(Words.containsNormalized("We will not abuse your Content.", "use your content"))
                .isFalse();
    }

    @Test
    void sentences_are_verbatim_spans_split_at_lines_and_full_stops() {
        String text = "First sentence has five words. Second one, e.g. this, is here.\n- a list item without stop";

        List<Sentences.Span> spans = Sentences.split(text);

        assertThat(spans)
                .extracting(Sentences.Span::text)
                .containsExactly(
                        "First sentence has five words.",
                        "Second one, e.g. this, is here.",
                        "- a list item without stop");
        assertThat(spans)
                .allSatisfy(s -> assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
    }

    @Test
    void a_short_trailing_piece_joins_the_sentence_before_it() {
        assertThat(Sentences.split("Tunebox will not train AI on it. [1]"))
                .extracting(Sentences.Span::text)
                .containsExactly("Tunebox will not train AI on it. [1]");
    }

    @Test
    void detects_german_and_defaults_to_english() {
        assertThat(Languages.detect("Darf SoundCloud meine Songs für KI-Training nutzen?"))
                .isEqualTo("de");
        assertThat(Languages.detect("Can SoundCloud train AI on my tracks?")).isEqualTo("en");
        assertThat(Languages.detect("soundcloud ai")).isEqualTo("en");
        assertThat(Languages.name("de")).isEqualTo("German");
    }
}
