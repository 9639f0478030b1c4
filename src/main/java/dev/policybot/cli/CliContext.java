package dev.policybot.cli;

import dev.policybot.core.Reindexer;
import dev.policybot.core.SourceCatalog;
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
     * (Defaults exist only so that test doubles of other commands need not implement it.)
     */
    default Reindexer reindexer(List<Path> archives) {
        throw new UnsupportedOperationException("reindex is not wired in this context");
    }

    /** What is archived, per platform document. */
    default SourceCatalog sourceCatalog() {
        throw new UnsupportedOperationException("the source catalog is not wired in this context");
    }
}
