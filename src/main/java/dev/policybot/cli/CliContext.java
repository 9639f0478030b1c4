package dev.policybot.cli;

import dev.policybot.core.Reindexer;
import dev.policybot.core.SourceCatalog;
import dev.policybot.core.HistoryService;
import dev.policybot.core.UserFacingException;
import dev.policybot.core.Asker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What subcommands get from the composition root: the global options and the wired services. */
public interface CliContext {
    Path configDir();

    Path indexDir();

    /**
     * Connects the Discord bot with this token and returns once it answers commands; closing the handle stops it
     * cleanly (replies in flight finish first).
     */
    AutoCloseable startDiscordBot(String token);

    /**
     * The reindex: over the given archive folders when there are any, else over {@code sources.yaml}.
     */
    Reindexer reindexer(List<Path> archives);

    /** What is archived, per platform document. */
    SourceCatalog sourceCatalog();
    /** What changed in the archived documents, and when ({@code changes}, {@code history}). */
    default HistoryService historyService() {
        throw UserFacingException.failure("Policy history is not available in this build.", null);
    }
    /** Hybrid search over the configured index. */
    dev.policybot.core.ClauseSearch clauseSearch();

    /** The systems {@code eval} compares, over the configured index or temporary ones. */
    RetrievalSystems retrievalSystems();
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
}
