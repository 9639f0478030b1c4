package dev.policybot.domain;

/**
 * A failure whose message is one sentence a person understands, shown to them as is.
 * {@link #exitCode()} is 2 for bad input and 1 for runtime failures.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserFacingException(String message) {
        this(message, 2, null);
    }

    public UserFacingException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Bad input: config, arguments, a question the bot cannot take. */
    public static UserFacingException badInput(String message) {
        return new UserFacingException(message, 2, null);
    }

    /** A runtime failure the user should hear about in plain words. */
    public static UserFacingException failure(String message, Throwable cause) {
        return new UserFacingException(message, 1, cause);
    }
}
