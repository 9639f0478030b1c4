package dev.policybot.discord;

import dev.policybot.config.DiscordConfig;
import dev.policybot.discord.FakeDiscord.Interaction;
import dev.policybot.discord.FakeDiscord.Member;
import dev.policybot.discord.FakeDiscord.Request;
import dev.policybot.domain.change.AlertSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real bot (real JDA) connected to a {@link FakeDiscord} of its own, over the ports a test gives it, with
 * WARN/ERROR log lines captured: the reusable fixture for end-to-end tests in any package (tests outside
 * {@code discord} may wire real services into the ports; the discord package itself never sees them).
 * Close it before anything the ports use, so replies in flight finish first.
 */
public final class BotOnFakeDiscord implements AutoCloseable {
    /** How long a test waits for any one reply. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private static final AtomicInteger MEMBERS = new AtomicInteger();

    private final LogCapture logs;
    private final FakeDiscord discord;
    private final DiscordBot bot;

    private BotOnFakeDiscord(LogCapture logs, FakeDiscord discord, DiscordBot bot) {
        this.logs = logs;
        this.discord = discord;
        this.bot = bot;
    }

    /** Per-guild commands in the fake's guild, the helpers role as moderators, the alert channel, no cooldown. */
    public static DiscordConfig config() {
        return new DiscordConfig(
                List.of(FakeDiscord.GUILD_ID),
                List.of(FakeDiscord.HELPER_ROLE_ID),
                FakeDiscord.ALERT_CHANNEL_ID,
                Duration.ZERO);
    }

    public static BotOnFakeDiscord start(BotPorts ports, Clock clock) throws Exception {
        return start(ports, config(), clock);
    }

    public static BotOnFakeDiscord start(BotPorts ports, DiscordConfig config, Clock clock) throws Exception {
        LogCapture logs = LogCapture.attach();
        FakeDiscord discord = null;
        try {
            discord = FakeDiscord.start();
            DiscordBot bot = DiscordBot.start(FakeDiscord.TOKEN, discord.endpoints(), config, ports, clock);
            return new BotOnFakeDiscord(logs, discord, bot);
        } catch (Exception | Error e) {
            if (discord != null) {
                discord.close();
            }
            logs.detach();
            throw e;
        }
    }

    /** A new guild member with the given roles (each test its own, so cooldowns and votes never mix). */
    public static Member member(String... roleIds) {
        int n = MEMBERS.incrementAndGet();
        return new Member(Long.toString(1_600_000_000_000_000_000L + n), "person" + n, List.of(roleIds));
    }

    public FakeDiscord discord() {
        return discord;
    }

    /** Posts change alerts in the configured channel through this bot's JDA. */
    public AlertSink alerts() {
        return bot.alerts();
    }

    /** Sends {@code /ask question} and waits for the edited reply. */
    public Request ask(Member member, String question) throws InterruptedException {
        Interaction ask = discord.slashCommand(AskCommand.NAME, Map.of(AskCommand.QUESTION, question), member);
        return discord.await("PATCH", ask.originalPath(), WAIT);
    }

    /** The WARN/ERROR lines logged since the last call that no test took. */
    public List<String> unexpectedLogLines() {
        return logs.drainUnexpected();
    }

    public LogCapture logs() {
        return logs;
    }

    /**
     * Stops the bot (replies in flight finish), then the fake; then fails if a WARN/ERROR line was logged that no test
     * took (JDA logs payloads it cannot read that way, and drops the event).
     */
    @Override
    public void close() throws InterruptedException {
        List<String> unexpected;
        try {
            bot.close();
        } finally {
            try {
                discord.close();
            } finally {
                unexpected = logs.drainUnexpected();
                logs.detach();
            }
        }
        if (!unexpected.isEmpty()) {
            throw new AssertionError("WARN/ERROR log lines: " + unexpected);
        }
    }
}
