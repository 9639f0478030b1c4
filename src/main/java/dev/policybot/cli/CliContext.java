package dev.policybot.cli;

import dev.policybot.core.Asker;
import dev.policybot.core.HistoryService;
import dev.policybot.core.UserFacingException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What subcommands get from the composition root: the global options and the wired services. */
public interface CliContext {
    Path configDir();

    Path indexDir();

    /**
     * Connects the Discord bot with this token and returns once it answers commands; closing the handle stops it
     * cleanly (replies in flight finish first).
     */
    default AutoCloseable startDiscordBot(String token) {
        throw new UnsupportedOperationException("the Discord bot is not wired into this context");
    }

    /** Hybrid search over the configured index. */
    default dev.policybot.core.ClauseSearch clauseSearch() {
        throw new UnsupportedOperationException("search is not wired into this context");
    }

    /** The systems {@code eval} compares, over the configured index or temporary ones. */
    default RetrievalSystems retrievalSystems() {
        throw new UnsupportedOperationException("eval is not wired into this context");
    }

    /** Answers questions end to end (extractive by default, an LLM when configured). */
    default Asker asker() {
        throw new UnsupportedOperationException("answering is not wired into this context");
    }

    /**
     * Builds the index from {@code config/sources.yaml} when none exists yet, reporting progress; does nothing when
     * an index is there. Called by {@code ask} (and {@code search}) before they read the index.
     */
    default void ensureIndex(PrintWriter progress) {
    }

    /** What changed in the archived documents, and when ({@code changes}, {@code history}). */
    default HistoryService historyService() {
        throw UserFacingException.failure("Policy history is not available in this build.", null);
    }
}
