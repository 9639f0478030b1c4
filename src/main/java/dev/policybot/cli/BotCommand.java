package dev.policybot.cli;

import dev.policybot.config.DiscordConfig;
import dev.policybot.domain.UserFacingException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code policybot bot}: runs the Discord bot until the process is stopped (Ctrl+C or SIGTERM), then stops cleanly. */
@Command(
        name = "bot",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the Discord bot until stopped (Ctrl+C or SIGTERM).",
            "The bot token is read from the DISCORD_TOKEN environment variable only."
        })
public final class BotCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BotCommand.class);

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    private final Function<String, String> environment;

    public BotCommand() {
        this(System::getenv);
    }

    /** For tests: reads environment variables from {@code environment}. */
    BotCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        String token = token();
        context.ensureIndex(spec.commandLine().getErr());
        AutoCloseable bot = context.startDiscordBot(token);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("Stopping: finishing replies in flight");
                            closeQuietly(bot);
                            stopped.countDown();
                        },
                        "policybot-shutdown"));
        spec.commandLine().getOut().println("PolicyBot is online. Stop it with Ctrl+C (or SIGTERM).");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private String token() {
        String token = environment.apply(DiscordConfig.TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw UserFacingException.badInput(DiscordConfig.TOKEN_VARIABLE + " is not set: create a bot in the "
                    + "Discord Developer Portal, copy its token, and run it as  " + DiscordConfig.TOKEN_VARIABLE
                    + "=... java -jar target/policybot.jar bot  (see the README, \"Running the Discord bot\").");
        }
        return token.strip();
    }

    private static void closeQuietly(AutoCloseable bot) {
        try {
            bot.close();
        } catch (Exception e) {
            LOG.warn("The bot did not stop cleanly", e);
        }
    }
}
