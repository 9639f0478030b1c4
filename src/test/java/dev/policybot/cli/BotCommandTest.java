package dev.policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.UserFacingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class BotCommandTest {

    @Command(name = "policybot")
    static class Root implements CliContext {
        final AtomicReference<String> startedWith = new AtomicReference<>();

        @Override
        public Path configDir() {
            return Path.of("config");
        }

        @Override
        public Path indexDir() {
            return Path.of("index");
        }

        @Override
        public AutoCloseable startDiscordBot(String token) {
            startedWith.set(token);
            throw new IllegalStateException("not in this test");
        }
    }

    @Test
    void without_a_token_the_bot_refuses_to_start_and_says_how_to_set_it() {
        Root root = new Root();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(root).addSubcommand(new BotCommand(Map.<String, String>of()::get));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);

        int exit = commandLine.execute("bot");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("DISCORD_TOKEN is not set").contains("Running the Discord bot");
        assertThat(root.startedWith).hasNullValue();
    }

    @Test
    void the_token_comes_from_the_environment_and_is_never_printed() {
        Root root = new Root();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(root)
                .addSubcommand(new BotCommand(Map.of("DISCORD_TOKEN", " secret-token-value ")::get));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);

        commandLine.execute("bot");

        assertThat(root.startedWith).hasValue("secret-token-value");
        assertThat(err.toString()).doesNotContain("secret-token-value");
    }

    @Test
    void a_refusal_that_quotes_the_token_is_printed_with_the_token_masked() {
        String token = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
        Root root = new Root() {
            @Override
            public AutoCloseable startDiscordBot(String given) {
                throw UserFacingException.failure("Discord refused the token " + given, null);
            }
        };
        StringWriter err = new StringWriter();
        CommandLine commandLine =
                new CommandLine(root).addSubcommand(new BotCommand(Map.of("DISCORD_TOKEN", token)::get));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);

        commandLine.execute("bot");

        assertThat(err.toString())
                .contains("Discord refused the token [redacted]")
                .doesNotContain(token);
    }
}
