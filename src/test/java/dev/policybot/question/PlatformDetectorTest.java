package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.PlatformInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformDetectorTest {
    private final PlatformDetector detector = new PlatformDetector(List.of(
            new PlatformInfo("soundcloud", "SoundCloud", List.of(), List.of()),
            new PlatformInfo("spotify", "Spotify", List.of(), List.of()),
            new PlatformInfo("hugging-face", "Hugging Face", List.of(), List.of()),
            new PlatformInfo("claude-ai", "Claude.ai", List.of(), List.of()),
            new PlatformInfo("last-fm", "Last.fm", List.of(), List.of()),
            new PlatformInfo("microsoft", "Microsoft", List.of(), List.of()),
            new PlatformInfo("microsoft-copilot", "Microsoft Copilot", List.of(), List.of()),
            new PlatformInfo("google-generative-ai-services", "Google Generative AI Services", List.of(), List.of()),
            new PlatformInfo("x", "X", List.of(), List.of()),
            new PlatformInfo("kick", "Kick", List.of(), List.of()),
            new PlatformInfo("discord", "Discord", List.of(), List.of()),
            new PlatformInfo("bandcamp", "Bandcamp", List.of("BC"), List.of())));

    @Test
    void finds_a_display_name_in_any_case_and_with_a_possessive() {
        assertThat(detector.detect("can soundcloud train ai on my tracks?")).containsExactly("soundcloud");
        assertThat(detector.detect("what are SoundCloud's rules?")).containsExactly("soundcloud");
        assertThat(detector.detect("spotify’s licence")).containsExactly("spotify");
    }

    @Test
    void finds_names_written_together_or_apart_and_small_misspellings() {
        assertThat(detector.detect("does huggingface own my models")).containsExactly("hugging-face");
        assertThat(detector.detect("is sound cloud free")).containsExactly("soundcloud");
        assertThat(detector.detect("can spotfy delete my playlist")).containsExactly("spotify");
    }

    @Test
    void finds_aliases_and_well_known_other_names() {
        assertThat(detector.detect("if i build a chatbot on claude")).containsExactly("claude-ai");
        assertThat(detector.detect("can i pass off gemini-generated stuff as mine"))
                .containsExactly("google-generative-ai-services");
        assertThat(detector.detect("does twitter sell my data")).containsExactly("x");
        assertThat(detector.detect("is BC fair to artists")).containsExactly("bandcamp");
    }

    @Test
    void prefers_the_longer_name_when_a_shorter_one_is_part_of_it() {
        assertThat(detector.detect("does microsoft own what i type into copilot?"))
                .containsExactly("microsoft-copilot");
    }

    @Test
    void returns_every_platform_named_in_order() {
        assertThat(detector.detect("is spotify or soundcloud better for podcasts"))
                .containsExactly("spotify", "soundcloud");
    }

    @Test
    void returns_nothing_when_no_platform_is_named() {
        assertThat(detector.detect("which apps won't refund me?")).isEmpty();
    }

    @Test
    void reads_everyday_words_as_platforms_only_when_capitalised() {
        assertThat(detector.detect("can they kick me out for this")).isEmpty();
        assertThat(detector.detect("is streaming on Kick allowed")).containsExactly("kick");
        assertThat(detector.detect("x marks the spot")).isEmpty();
        assertThat(detector.detect("does X hand my data to others")).containsExactly("x");
    }

    @Test
    void reads_the_part_of_a_name_before_its_dot_only_as_a_capitalised_name_inside_the_question() {
        // "Last" of Last.fm is an everyday word: "last updated" names no platform
        assertThat(detector.detect("what does Zoom say about the last updated date?"))
                .isEmpty();
        assertThat(detector.detect("Last year did they change the terms?")).isEmpty();
        assertThat(detector.detect("can Last scrobble my plays")).containsExactly("last-fm");
        // the whole name and the name written together still count in any case
        assertThat(detector.detect("does last.fm sell my listening data")).containsExactly("last-fm");
        assertThat(detector.detect("is lastfm free")).containsExactly("last-fm");
        assertThat(detector.detect("does Claude keep my chats")).containsExactly("claude-ai");
    }

    @Test
    void does_not_read_everyday_words_as_misspelled_platforms() {
        assertThat(detector.detect("can i discard my old posts")).isEmpty();
    }

    @Test
    void a_platform_whose_display_name_is_its_id_is_detected() {
        PlatformDetector detector =
                new PlatformDetector(List.of(new PlatformInfo("adobe", "adobe", List.of(), List.of())));
        assertThat(detector.detect("does adobe train on my files?")).containsExactly("adobe");
    }
}
