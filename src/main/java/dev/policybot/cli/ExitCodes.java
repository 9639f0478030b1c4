package dev.policybot.cli;

import dev.policybot.config.Secrets;
import dev.policybot.domain.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The one place that turns a failed command into a message and an exit code: 0 ok, 1 runtime failure, 2 bad input. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

    private ExitCodes() {}

    public static int handle(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof UserFacingException userFacing) {
            // a library's message may quote a token or key it refused: mask what looks like one
            commandLine.getErr().println("policybot: " + Secrets.redact(userFacing.getMessage()));
            LOG.debug("command failed", e);
            return userFacing.exitCode();
        }
        LOG.error("command failed unexpectedly", e);
        commandLine.getErr().println("policybot: unexpected failure: " + Secrets.redact(String.valueOf(e)));
        return FAILURE;
    }

    public static int of(Throwable t) {
        return t instanceof UserFacingException u ? u.exitCode() : FAILURE;
    }
}
