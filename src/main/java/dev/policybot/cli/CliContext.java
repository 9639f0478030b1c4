package dev.policybot.cli;

import dev.policybot.core.HistoryService;
import dev.policybot.core.UserFacingException;
import java.nio.file.Path;

/** What subcommands get from the composition root: the global options and the wired services. */
public interface CliContext {
    Path configDir();

    Path indexDir();

    /**
     * Connects the Discord bot with this token and returns once it answers commands; closing the handle stops it
     * cleanly (replies in flight finish first).
     */
    AutoCloseable startDiscordBot(String token);

    /** What changed in the archived documents, and when ({@code changes}, {@code history}). */
    default HistoryService historyService() {
        throw UserFacingException.failure("Policy history is not available in this build.", null);
    }
}
