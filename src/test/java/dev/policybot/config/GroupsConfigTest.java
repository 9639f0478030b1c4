package dev.policybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code groups:} of sources.yaml: platforms resolved by name, slug or alias; every mistake named by file and line. */
class GroupsConfigTest {
    /** Archived but not configured under platforms: (like most of the shipped snapshot). */
    private static final List<PlatformInfo> ARCHIVED =
            List.of(new PlatformInfo("qobuz", "Qobuz", List.of(), List.of()));

    private static final String PLATFORMS = """
            platforms:
              - name: TuneWave
                aliases: [TW]
                documents:
                  - type: Terms of Service
                    url: https://tunewave.example/terms
            """;

    @TempDir
    Path dir;

    private List<PlatformGroup> groups(String yaml) throws IOException {
        Files.writeString(dir.resolve(SourcesConfig.FILE_NAME), PLATFORMS + yaml);
        return SourcesConfig.load(dir).groups(ARCHIVED);
    }

    @Test
    void a_group_lists_configured_and_archived_platforms_by_name_slug_or_alias() throws IOException {
        List<PlatformGroup> groups = groups("""
                groups:
                  - name: Music
                    aliases: [music sites]
                    platforms: [TW, Qobuz]
                """);

        assertThat(groups)
                .containsExactly(
                        new PlatformGroup("music", "music", List.of("music sites"), List.of("tunewave", "qobuz")));
    }

    @Test
    void an_unknown_platform_stops_the_load_naming_file_line_key_and_platform() throws IOException {
        assertThatThrownBy(() -> groups("""
                        groups:
                          - name: music
                            platforms: [qobuz, jazzbox]
                        """))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("sources.yaml") + ", line 8, key groups[0].platforms[1]: unknown platform "
                        + "'jazzbox' in group 'music' (neither configured under platforms: nor archived; 'sources' "
                        + "lists the known ones)");
    }

    @Test
    void an_archive_holding_none_of_a_groups_platforms_keeps_the_configured_ones_without_failing() throws IOException {
        List<PlatformGroup> groups = groups("""
                groups:
                  - name: music
                    platforms: [tunewave, last-fm]
                """);

        assertThat(groups.get(0).platformIds()).containsExactly("tunewave");
    }

    @Test
    void a_group_twice_an_empty_group_and_a_group_named_like_a_platform_are_refused() throws IOException {
        assertThatThrownBy(() -> groups("""
                        groups:
                          - name: music
                            platforms: [tunewave]
                          - name: Music
                            platforms: [qobuz]
                        """))
                .hasMessageEndingWith("line 10, key groups[1]: the group 'Music' is listed twice");
        assertThatThrownBy(() -> groups("""
                        groups:
                          - name: video
                        """))
                .hasMessageEndingWith("key groups[0]: the group 'video' lists no platforms");
        assertThatThrownBy(() -> groups("""
                        groups:
                          - name: Qobuz
                            platforms: [tunewave]
                        """))
                .hasMessageEndingWith("the group name 'qobuz' is also a platform's name; give the group another name");
    }

    @Test
    void the_committed_groups_name_only_known_platforms() {
        SourcesConfig.Loaded loaded = SourcesConfig.load(Path.of("config"));
        List<PlatformInfo> archived = archivedPlatforms(Path.of("index/archive"));

        List<PlatformGroup> groups = loaded.groups(archived);

        assertThat(groups).extracting(PlatformGroup::id).contains("music", "video", "social", "creative", "ai-tools");
        assertThat(groups.stream()
                        .filter(g -> g.id().equals("music"))
                        .findFirst()
                        .orElseThrow()
                        .platformIds())
                .contains("soundcloud", "spotify", "bandcamp");
    }

    private static List<PlatformInfo> archivedPlatforms(Path archive) {
        try (var folders = Files.list(archive)) {
            return folders.filter(Files::isDirectory)
                    .map(f -> new PlatformInfo(
                            f.getFileName().toString(), f.getFileName().toString(), List.of(), List.of()))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
