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
     */
    Reindexer reindexer(List<Path> archives);

    /** What is archived, per platform document. */
    SourceCatalog sourceCatalog();
}
