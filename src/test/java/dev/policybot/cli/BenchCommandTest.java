package dev.policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.eval.bench.BenchTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class BenchCommandTest {
    @TempDir
    Path temp;

    @Command(name = "policybot", subcommands = BenchCommand.class)
    final class Root implements CliContext {
        boolean benchAsked;

        @Override
        public Path configDir() {
            return temp.resolve("config");
        }

        @Override
        public Path indexDir() {
            return temp.resolve("index");
        }

        @Override
        public AutoCloseable startDiscordBot(String token) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public BenchTarget benchTarget() {
            benchAsked = true;
            throw new UnsupportedOperationException("not in this test");
        }
    }

    @Test
    void anArchiveFolderThatIsNotThereIsBadInputNamingIt() {
        // given a folder that does not exist
        Root root = new Root();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);

        // when
        int exit = commandLine.execute(
                "bench", BenchCommand.ARCHIVE, temp.resolve("nowhere").toString());

        // then
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no archive folder at").contains("nowhere");
        assertThat(root.benchAsked).isFalse();
    }

    @Test
    void withoutAnArchiveTheIndexsOwnArchiveIsMeant() {
        Root root = new Root();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);

        int exit = commandLine.execute("bench", BenchCommand.SCALE, "1,10");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString())
                .contains(temp.resolve("index").resolve("archive").toString());
    }
}
