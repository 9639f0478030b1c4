package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.PlatformDirectory;
import dev.policybot.domain.port.SourceCatalog;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentResolverTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    private final SourceCatalog catalog = () -> List.of(
            source("soundcloud", "SoundCloud", "terms-of-service", "Terms of Service"),
            source("soundcloud", "SoundCloud", "privacy-policy", "Privacy Policy"),
            source("soundcloud", "SoundCloud", "community-guidelines", "Community Guidelines"),
            source("claude-ai", "Claude.ai", "terms-of-service", "Terms of Service"),
            new SourceStatus("spotify", "Spotify", "terms-of-service", "Terms of Service", null, 0, null, null, null));
    private final PlatformDirectory platforms =
            () -> List.of(new PlatformInfo("soundcloud", "SoundCloud", List.of("SC"), List.of()));
    private final DocumentResolver resolver = new DocumentResolver(catalog, platforms);

    @Test
    void platforms_by_slug_display_name_spacing_and_alias() {
        for (String name : List.of("soundcloud", "SoundCloud", "Sound Cloud", "sc")) {
            assertThat(resolver.resolve(name, null)).as(name).hasSize(3);
        }
        assertThat(resolver.resolve("Claude.ai", null))
                .singleElement()
                .extracting(SourceStatus::platformId)
                .isEqualTo("claude-ai");
    }

    @Test
    void documents_by_slug_name_initials_and_leading_words() {
        for (String name : List.of("terms-of-service", "Terms of Service", "ToS", "terms", "Terms of Use")) {
            assertThat(resolver.resolve("SoundCloud", name))
                    .as(name)
                    .singleElement()
                    .extracting(SourceStatus::documentId)
                    .isEqualTo("terms-of-service");
        }
        assertThat(resolver.resolve("SoundCloud", "privacy"))
                .singleElement()
                .extracting(SourceStatus::documentId)
                .isEqualTo("privacy-policy");
    }

    @Test
    void all_documents_of_a_platform_in_slug_order() {
        assertThat(resolver.resolve("SoundCloud", " "))
                .extracting(SourceStatus::documentId)
                .containsExactly("community-guidelines", "privacy-policy", "terms-of-service");
    }

    @Test
    void a_platform_with_nothing_archived_is_unknown() {
        assertThatThrownBy(() -> resolver.resolve("Spotify", null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("No archived platform is called 'Spotify'.");
    }

    @Test
    void a_typo_gets_a_suggestion_and_nonsense_a_pointer_to_sources() {
        assertThatThrownBy(() -> resolver.resolve("Soundclod", null))
                .hasMessage("No archived platform is called 'Soundclod'. Did you mean SoundCloud?");
        assertThatThrownBy(() -> resolver.resolve("xyz", null))
                .hasMessage("No archived platform is called 'xyz'. The `sources` command lists the platforms.");
    }

    private static SourceStatus source(String platformId, String platform, String documentId, String document) {
        return new SourceStatus(platformId, platform, documentId, document, DAY, 2, null, null, null);
    }
}
