package dev.policybot.cli;

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
    /** Hybrid search over the configured index. */
    dev.policybot.core.ClauseSearch clauseSearch();

    /** The systems {@code eval} compares, over the configured index or temporary ones. */
    RetrievalSystems retrievalSystems();
}
