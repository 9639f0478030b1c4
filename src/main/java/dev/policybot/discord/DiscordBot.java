package dev.policybot.discord;

import dev.policybot.config.DiscordConfig;
import dev.policybot.discord.render.AnswerRenderer;
import dev.policybot.discord.render.ChangesRenderer;
import dev.policybot.discord.render.ClauseRenderer;
import dev.policybot.discord.render.CompareRenderer;
import dev.policybot.discord.render.LookupRenderer;
import dev.policybot.discord.render.ReindexRenderer;
import dev.policybot.discord.render.SourcesRenderer;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.AlertSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Discord bot: wires the commands (the one list is {@link #commands}), connects JDA, registers the
 * commands, and shuts down cleanly: refuse new commands, let replies in flight finish, then close JDA.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    static final Duration JDA_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    static final int WORKER_THREADS = 4;
    static final int WORKER_QUEUE = 100;
    static final int REMEMBERED_RESULTS = 1_000;

    private final JDA jda;
    private final CommandRouter router;
    private final ExecutorService workers;
    private final FeedbackCounter feedback;
    private final DiscordAlertSink alerts;

    private DiscordBot(
            JDA jda, CommandRouter router, ExecutorService workers, FeedbackCounter feedback, DiscordAlertSink alerts) {
        this.jda = jda;
        this.router = router;
        this.workers = workers;
        this.feedback = feedback;
        this.alerts = alerts;
    }

    /**
     * Connects to Discord and registers the commands: per guild when {@code config.guildIds()} is set (instant,
     * for testing), else globally. Returns once the bot answers interactions.
     *
     * @throws UserFacingException when the token is refused or Discord cannot be reached in time
     */
    public static DiscordBot start(
            String token, DiscordEndpoints endpoints, DiscordConfig config, BotPorts ports, Clock clock) {
        if (token == null || token.isBlank()) {
            throw UserFacingException.badInput("The Discord bot token is empty.");
        }
        RecentResults results = new RecentResults(REMEMBERED_RESULTS);
        FeedbackCounter feedback = new FeedbackCounter();
        ExecutorService workers = Workers.create(WORKER_THREADS, WORKER_QUEUE);
        CommandRouter router = new CommandRouter(
                commands(ports, results, clock, workers),
                workers,
                new Cooldowns(config.cooldown(), clock),
                new ModeratorCheck(config.moderatorRoleIds()),
                new ResultButtons(results, feedback, new ClauseRenderer()),
                new FailureReplies());
        JDA jda = login(token, endpoints, router, workers);
        DiscordBot bot = new DiscordBot(
                jda,
                router,
                workers,
                feedback,
                new DiscordAlertSink(jda, config.alertChannelId(), new ChangesRenderer()));
        try {
            awaitConnected(jda, CONNECT_TIMEOUT);
            bot.register(router.commandData(Localizations.commands()), config.guildIds());
        } catch (RuntimeException e) {
            bot.close();
            throw e;
        }
        LOG.info("Discord bot is online as {}", jda.getSelfUser().getName());
        return bot;
    }

    /** The one list of commands (the platform list is read on the calling thread; for tests). */
    static List<DiscordCommand> commands(BotPorts ports, RecentResults results, Clock clock) {
        return commands(ports, results, clock, Runnable::run);
    }

    /** The one list of commands; the platform list is read on {@code workers}, never on JDA's event thread. */
    static List<DiscordCommand> commands(BotPorts ports, RecentResults results, Clock clock, Executor workers) {
        PlatformChoices platforms = new PlatformChoices(ports.platforms(), clock, workers);
        Answering answering = new Answering(ports.asker(), results, new AnswerRenderer());
        return List.of(
                new AskCommand(answering, platforms),
                new AskMessageCommand(answering),
                new LookupCommand(ports.search(), platforms, results, new LookupRenderer()),
                new SourcesCommand(ports.sources(), platforms, new SourcesRenderer()),
                new ReindexCommand(ports.reindexer(), platforms, new ReindexRenderer(), clock),
                new ChangesCommand(ports.history(), platforms, results, new ChangesRenderer()),
                new HistoryCommand(ports.history(), platforms, results, new ChangesRenderer()),
                new CompareCommand(ports.comparer(), platforms, ports.groups(), results, new CompareRenderer()));
    }

    /** Posts policy-change alerts in the configured channel. */
    public AlertSink alerts() {
        return alerts;
    }

    public FeedbackCounter feedback() {
        return feedback;
    }

    /** Refuses new commands, lets running ones reply, then closes the connection. Safe to call twice. */
    @Override
    public void close() {
        router.stopAccepting();
        if (!Workers.drain(workers, DRAIN_TIMEOUT)) {
            LOG.warn("Some replies were still running after {} s; stopping anyway", DRAIN_TIMEOUT.toSeconds());
        }
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(JDA_SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
        workers.shutdownNow();
        LOG.info("Discord bot stopped");
    }

    private static JDA login(String token, DiscordEndpoints endpoints, CommandRouter router, ExecutorService workers) {
        try {
            return JdaFactory.connect(token, endpoints, List.of(router));
        } catch (InvalidTokenException e) {
            workers.shutdownNow();
            throw UserFacingException.badInput("Discord refused the token in DISCORD_TOKEN; copy it again from the "
                    + "Developer Portal (Bot → Reset Token).");
        } catch (RuntimeException e) {
            workers.shutdownNow();
            throw UserFacingException.failure(
                    "Could not log in to Discord: " + e.getClass().getSimpleName(), e);
        }
    }

    /** JDA's awaitReady() has no timeout; poll the status with a deadline instead. */
    private static void awaitConnected(JDA jda, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jda.getStatus() != JDA.Status.CONNECTED) {
            JDA.Status status = jda.getStatus();
            if (status == JDA.Status.FAILED_TO_LOGIN
                    || status == JDA.Status.SHUTDOWN
                    || status == JDA.Status.SHUTTING_DOWN) {
                throw UserFacingException.failure(
                        "Discord closed the connection while logging in (" + status + ").", null);
            }
            if (System.nanoTime() > deadline) {
                throw UserFacingException.failure(
                        "Could not connect to Discord within " + timeout.toSeconds() + " s; check the network.", null);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw UserFacingException.failure("Interrupted while connecting to Discord.", e);
            }
        }
    }

    private void register(List<CommandData> data, List<String> guildIds) {
        try {
            registerOrThrow(data, guildIds);
        } catch (ErrorResponseException e) {
            throw UserFacingException.failure(
                    "Discord refused the slash commands (" + e.getMeaning() + "); invite the "
                            + "bot with the scopes \"bot applications.commands\" (see the README).",
                    e);
        }
    }

    private void registerOrThrow(List<CommandData> data, List<String> guildIds) {
        if (guildIds.isEmpty()) {
            jda.updateCommands().addCommands(data).complete();
            LOG.info("Registered {} global commands (they can take up to an hour to appear)", data.size());
            return;
        }
        for (String guildId : guildIds) {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                LOG.warn("The bot is not in guild {} (discord.guildIds); invite it there first", guildId);
                continue;
            }
            guild.updateCommands().addCommands(data).complete();
            LOG.info("Registered {} commands in guild {}", data.size(), guild.getName());
        }
    }
}
