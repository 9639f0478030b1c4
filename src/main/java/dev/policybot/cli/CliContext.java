package dev.policybot.cli;

import dev.policybot.core.Asker;
import dev.policybot.eval.BenchTarget;
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
    AutoCloseable startDiscordBot(String token);

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

    /** The product's parts that {@code bench} measures, and its baseline. */
    default BenchTarget benchTarget() {
        throw new UnsupportedOperationException("the benchmark is not wired into this context");
    }
}
