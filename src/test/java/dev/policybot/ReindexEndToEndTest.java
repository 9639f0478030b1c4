package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policybot.config.YamlFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path through the real root: import an archive, list it, import again. */
class ReindexEndToEndTest {
    @TempDir
    Path tmp;

    private String run(String... args) {
        return run(0, args);
    }

    private String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = PolicyBot.run(args);
            assertThat(exit).as("exit code of " + String.join(" ", args)).isEqualTo(expectedExit);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private long archivedVersions() throws IOException {
        try (Stream<Path> files = Files.walk(tmp.resolve("index/archive"))) {
            return files.filter(p -> p.toString().endsWith(".md")).count();
        }
    }

    @Test
    void aFixtureArchiveImportsOnceAndIsUnchangedTheSecondTime() throws IOException {
        Path archive = tmp.resolve("fixture");
        Files.createDirectories(archive.resolve("tunewave/terms-of-service"));
        Files.writeString(
                archive.resolve("tunewave/terms-of-service/2026-01-01.md"),
                "# Terms\n\nYou keep every right in the music you upload, and you can delete it whenever you like.\n");
        String index = tmp.resolve("index").toString();

        String first = run("--index", index, "--config", tmp.toString(), "reindex", "--archive", archive.toString());
        String second = run("--index", index, "--config", tmp.toString(), "reindex", "--archive", archive.toString());

        assertThat(first).contains("changed   Tunewave · Terms of Service — 1 version, new 2026-01-01");
        assertThat(second).contains("1 sources: 0 changed, 1 unchanged, 0 failed");
        assertThat(archivedVersions()).isEqualTo(1);
    }

    @Test
    void sourcesShowsTheLastReindexAndWhichSourceFailedWhy() throws IOException {
        Path config = tmp.resolve("config");
        Files.createDirectories(config);
        Files.writeString(
                config.resolve("terms.md"),
                "# Terms\n\nYou keep every right in the music you upload, and you can delete it whenever you like.\n");
        Files.writeString(config.resolve("sources.yaml"), """
                platforms:
                  - name: Tunewave
                    documents:
                      - type: Terms of Service
                        path: terms.md
                      - type: Privacy Policy
                        path: privacy.md
                """);
        String index = tmp.resolve("index").toString();

        run(1, "--index", index, "--config", config.toString(), "reindex");
        String sources = run("--index", index, "--config", config.toString(), "sources");

        assertThat(Files.exists(tmp.resolve("index").resolve("reindex-status.json")))
                .isTrue();
        assertThat(sources)
                .containsPattern("Health: last reindex \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, completed "
                        + "\\(1 changed, 0 unchanged, 1 failed; \\d+ clauses indexed\\)");
        assertThat(sources).containsPattern("  FAILING Tunewave · Privacy Policy .*privacy\\.md");
        assertThat(sources).containsPattern("  ok      Tunewave · Terms of Service +last success \\d{4}");
    }

    /**
     * Embeds all ~13k clauses of the shared corpus with the real model (minutes on 2 cores), so it runs under
     * {@code -Psoak}; the import itself (166 versions, 61 platforms, 19 SoundCloud versions) is checked in every build
     * by {@code SharedCorpusImportTest}.
     */
    @Tag("soak")
    @Test
    void theSharedCorpusImportsAllItsPlatformsAndHistories() throws IOException {
        Path corpus = Path.of("..", "shared", "corpus");
        assumeTrue(Files.isDirectory(corpus), "../shared/corpus is not present");
        String index = tmp.resolve("index").toString();

        run("--index", index, "--config", tmp.toString(), "reindex", "--archive", corpus.toString());
        long versions = archivedVersions();
        String again = run("--index", index, "--config", tmp.toString(), "reindex", "--archive", corpus.toString());
        JsonNode sources = YamlFiles.json().readTree(run("--index", index, "sources", "--json"));

        assertThat(versions).isEqualTo(166);
        assertThat(archivedVersions()).isEqualTo(166);
        assertThat(again).contains("0 changed").contains("0 failed");
        assertThat(sources.get("platforms")).hasSize(61);
        JsonNode soundcloud = null;
        for (JsonNode platform : sources.get("platforms")) {
            if (platform.get("id").asText().equals("soundcloud")) {
                soundcloud = platform;
            }
        }
        assertThat(soundcloud).isNotNull();
        assertThat(soundcloud.get("name").asText()).isEqualTo("SoundCloud");
        JsonNode terms = null;
        for (JsonNode document : soundcloud.get("documents")) {
            if (document.get("name").asText().equals("Terms of Service")) {
                terms = document;
            }
        }
        assertThat(terms).isNotNull();
        assertThat(terms.get("versions").asInt()).isEqualTo(19);
        assertThat(terms.get("currentVersion").asText()).isEqualTo("2026-08-17");
    }
}
