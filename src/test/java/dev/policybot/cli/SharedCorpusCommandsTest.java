package dev.policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.PolicyBot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as wired in PolicyBot, over ../shared/corpus as the archive (skipped when it is absent). */
class SharedCorpusCommandsTest {
    private static final Path CORPUS =
            Path.of("../shared/corpus").toAbsolutePath().normalize();

    @TempDir
    Path index;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void archiveIsTheSharedCorpus() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS.resolve("soundcloud")), "../shared/corpus is absent");
        Files.createSymbolicLink(index.resolve("archive"), CORPUS);
    }

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new PolicyBot());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        String[] all = new String[args.length + 2];
        all[0] = "--index";
        all[1] = index.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return commandLine.execute(all);
    }

    @Test
    void soundcloud_2024_to_2025_shows_the_ai_sentence_removed_and_the_opt_in_added() {
        int exit = run(
                "changes",
                "SoundCloud",
                "--document",
                "Terms of Service",
                "--from",
                "2024-02-07",
                "--to",
                "2025-05-27");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("SoundCloud · Terms of Service — 2024-02-07 → 2025-05-27")
                .contains("~ Changed · Grant of license · ai-training")
                .contains("[-In the absence of a separate agreement that states otherwise, You explicitly agree that "
                        + "your Content may be used to inform, train, develop or serve as input to artificial "
                        + "intelligence")
                .contains("{+We will not use your content to train generative AI models");
    }

    @Test
    void changes_zoom_shows_the_2023_ai_training_changes() {
        int exit = run("changes", "Zoom");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Zoom · Terms of Service — 2023-08-11 → 2026-08-06")
                .contains("2023-08-07 → 2023-08-11  ")
                .contains("2023-04-01 → 2023-08-07  ");
        assertThat(out.toString().lines().filter(l -> l.contains("→ 2023-08-")))
                .allSatisfy(line -> assertThat(line).contains("ai-training"));
    }

    @Test
    void zoom_ai_topic_shows_the_newest_ai_training_change_in_full() {
        run("changes", "zoom", "--document", "tos", "--topic", "ai-training");

        assertThat(out.toString())
                .contains("2023-08-07 → 2023-08-11")
                .contains("to train Zoom or third-party artificial intelligence models");
    }
}
