package dev.policybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesConfigTest {
    @TempDir
    Path dir;

    private SourcesConfig.Loaded load(String yaml) throws IOException {
        Files.writeString(dir.resolve(SourcesConfig.FILE_NAME), yaml);
        return SourcesConfig.load(dir);
    }

    @Test
    void theCommittedFileListsAtLeast25PlatformsWithValidHttpsSources() {
        SourcesConfig.Loaded loaded = SourcesConfig.load(Path.of("config"));

        Set<String> platforms = loaded.entries().stream()
                .map(SourcesConfig.SourceEntry::platform)
                .collect(Collectors.toSet());
        assertThat(platforms)
                .hasSizeGreaterThanOrEqualTo(25)
                .contains(
                        "SoundCloud",
                        "Spotify",
                        "YouTube",
                        "Bandcamp",
                        "Deezer",
                        "Apple Media Services",
                        "TikTok",
                        "Instagram",
                        "Facebook",
                        "X",
                        "Discord",
                        "Reddit",
                        "Twitch",
                        "Tumblr",
                        "DeviantArt",
                        "ArtStation",
                        "Zoom",
                        "Adobe",
                        "ChatGPT",
                        "Claude.ai",
                        "Google",
                        "Midjourney",
                        "Stability AI");
        assertThat(loaded.entries()).allSatisfy(e -> {
            assertThat(e.problem()).isNull();
            assertThat(e.url()).startsWith("https://");
        });
        assertThat(loaded.entries())
                .filteredOn(e -> e.platform().equals("SoundCloud"))
                .extracting(SourcesConfig.SourceEntry::document)
                .contains("Terms of Service", "Privacy Policy");
        assertThat(loaded.config().fetch().timeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void selectorsMayBeAStringAListOrARange() throws IOException {
        SourcesConfig.Loaded loaded = load("""
                platforms:
                  - name: TuneWave
                    documents:
                      - type: Terms of Service
                        url: https://tunewave.example/terms
                        select: main
                        remove: [nav, .cookie]
                      - type: Privacy Policy
                        url: https://tunewave.example/privacy
                        select: {startBefore: h1, endBefore: footer}
                """);

        SourcesConfig.SourceEntry terms = loaded.entries().get(0);
        assertThat(terms.select()).containsExactly(Selector.of("main"));
        assertThat(terms.remove()).containsExactly(Selector.of("nav"), Selector.of(".cookie"));
        assertThat(loaded.entries().get(1).select()).containsExactly(new Selector(null, "h1", null, "footer", null));
    }

    @Test
    void anUnknownKeyStopsTheLoadNamingFileLineAndKey() throws IOException {
        assertThatThrownBy(() -> load("""
                platforms:
                  - name: TuneWave
                    documents:
                      - type: Terms of Service
                        ulr: https://tunewave.example/terms
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources.yaml, line 5, key platforms[0].documents[0].ulr: unknown key 'ulr'");
    }

    @Test
    void malformedYamlStopsTheLoadNamingFileAndLine() throws IOException {
        assertThatThrownBy(() -> load("platforms:\n  - name: [TuneWave\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("sources.yaml") + ", line ");
    }

    @Test
    void aHalfRangeSelectorIsRejectedWithItsKey() throws IOException {
        assertThatThrownBy(() -> load("""
                platforms:
                  - name: TuneWave
                    documents:
                      - type: Terms of Service
                        url: https://tunewave.example/terms
                        select: {startBefore: h1}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key platforms[0].documents[0].select")
                .hasMessageContaining("one of endBefore/endAfter");
    }

    @Test
    void aDocumentWithNeitherUrlNorPathIsKeptAsAProblemNamingTheSource() throws IOException {
        SourcesConfig.Loaded loaded = load("""
                platforms:
                  - name: TuneWave
                    documents:
                      - type: Terms of Service
                        url: https://tunewave.example/terms
                      - type: Privacy Policy
                """);

        assertThat(loaded.entries().get(0).problem()).isNull();
        assertThat(loaded.entries().get(1).problem())
                .isEqualTo(dir.resolve("sources.yaml")
                        + ", line 6, key platforms[0].documents[1]: neither url nor path is set");
    }

    @Test
    void nonHttpsSchemesAreProblems() throws IOException {
        SourcesConfig.Loaded loaded = load("""
                platforms:
                  - name: TuneWave
                    documents:
                      - type: Terms of Service
                        url: ftp://tunewave.example/terms
                      - type: Privacy Policy
                        url: http://tunewave.example/privacy
                      - type: Cookie Policy
                        url: http://127.0.0.1:8080/cookies
                """);

        assertThat(loaded.entries())
                .extracting(SourcesConfig.SourceEntry::problem)
                .satisfiesExactly(
                        p -> assertThat(p).endsWith("only https URLs are fetched, not 'ftp://tunewave.example/terms'"),
                        p -> assertThat(p)
                                .endsWith("only https URLs are fetched, not 'http://tunewave.example/privacy'"),
                        p -> assertThat(p).isNull());
    }

    @Test
    void aDuplicatePlatformAndDocumentIsAProblemOnTheSecondEntry() throws IOException {
        SourcesConfig.Loaded loaded = load("""
                platforms:
                  - name: TuneWave
                    documents:
                      - type: Terms of Service
                        url: https://tunewave.example/terms
                  - name: Tunewave
                    documents:
                      - type: Terms of service
                        url: https://tunewave.example/terms2
                """);

        assertThat(loaded.entries().get(0).problem()).isNull();
        assertThat(loaded.entries().get(1).problem())
                .contains("line 8")
                .endsWith("duplicate entry: Tunewave · Terms of service is listed twice");
    }

    @Test
    void aPathOutsideTheAllowedFoldersIsAProblem() throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/terms.md"), "# Terms");
        SourcesConfig.Loaded loaded = load("""
                folders: [docs]
                archives: [../elsewhere]
                platforms:
                  - name: TuneWave
                    documents:
                      - type: Terms of Service
                        path: docs/terms.md
                      - type: Privacy Policy
                        path: ../../etc/passwd
                """);

        assertThat(loaded.entries().get(0).problem()).isNull();
        assertThat(loaded.entries().get(0).path())
                .isEqualTo(dir.resolve("docs/terms.md").toAbsolutePath());
        assertThat(loaded.entries().get(1).problem()).contains("is outside the allowed folders");
        assertThat(loaded.archives())
                .singleElement()
                .satisfies(a ->
                        assertThat(a.problem()).contains("key archives[0]").contains("is outside the allowed folders"));
    }

    @Test
    void noFileMeansNoSources() {
        assertThat(SourcesConfig.load(dir).entries()).isEqualTo(List.of());
    }
}
