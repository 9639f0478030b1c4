package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policybot.config.YamlFiles;
import dev.policybot.reindex.ReindexStatusFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A fresh install's first {@code ask}, through the real root and the real embedding model: with no index it is built
 * from the archive alone (two of the shipped SoundCloud versions here), while the configured source, whose host does
 * not exist, is never fetched.
 */
class FirstRunOfflineTest {
    private static final Path SHIPPED_TERMS = Path.of("index", "archive", "soundcloud", "terms-of-service");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = PolicyBot.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void theFirstAskBuildsTheIndexFromTheArchiveWithoutFetchingAndAnswersFromItsVersions() throws IOException {
        // given an archive with two versions and a config whose only source would fail if it were fetched
        Path index = tmp.resolve("index");
        Path terms = Files.createDirectories(index.resolve("archive/soundcloud/terms-of-service"));
        for (String day : new String[] {"2024-02-07", "2026-08-17"}) {
            Files.copy(SHIPPED_TERMS.resolve(day + ".md"), terms.resolve(day + ".md"));
        }
        Files.copy(Path.of("index", "archive", "manifest.json"), index.resolve("archive/manifest.json"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("sources.yaml"), """
                platforms:
                  - name: SoundCloud
                    documents:
                      - type: Terms of Service
                        url: https://policybot-first-run.invalid/terms
                """);

        // when the first question is asked, then another as of March 2024
        int first = run(
                "--index",
                index.toString(),
                "--config",
                config.toString(),
                "ask",
                "Can SoundCloud train AI on my tracks?");
        String firstAnswer = out.toString();
        out.getBuffer().setLength(0);
        int second = run(
                "--index",
                index.toString(),
                "--config",
                config.toString(),
                "ask",
                "Could SoundCloud use my uploads to train AI?",
                "--as-of",
                "2024-03-01");

        // then the index was built from the archive, no source was read, and each answer cites its version
        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(err.toString())
                .contains("No index yet: building it from the archive (2 versions of 1 documents")
                .contains("clauses embedded")
                .contains("Indexed ");
        assertThat(firstAnswer)
                .contains("Terms of Service · Grant of license · version 2026-08-17")
                .contains("We will not use your content to train generative AI models")
                .contains("Changed on 2026-08-17. Before that (from 2024-02-07) SoundCloud's Terms of Service said:")
                .contains("inform, train, develop");
        String asOf = out.toString();
        int history = asOf.indexOf("This changed later: since 2026-08-17");
        assertThat(history).as("the as-of answer tells of the later change").isPositive();
        assertThat(asOf.substring(0, history)).contains("version 2024-02-07").doesNotContain("version 2026-08-17");
        JsonNode status = YamlFiles.json()
                .readTree(index.resolve(ReindexStatusFile.FILE_NAME).toFile());
        assertThat(status.get("sources")).isEmpty();
        assertThat(status.get("failed").asInt()).isZero();
    }
}
