package dev.policybot.cli;

import java.nio.file.Path;

/** What subcommands get from the composition root: the global options and the wired services. */
public interface CliContext {
    Path configDir();

    Path indexDir();
}
