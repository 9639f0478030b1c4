package dev.policybot.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The platform (and optionally one of its documents) that {@code changes} and {@code history} are about. */
public final class PlatformDocument {
    public static final String DOCUMENT = "--document";

    @Parameters(index = "0", paramLabel = "PLATFORM", description = "Platform: name, slug or alias (\"SoundCloud\").")
    String platform;

    @Option(names = DOCUMENT, paramLabel = "D", description = "Only this document (\"Terms of Service\", \"tos\").")
    String document;
}
