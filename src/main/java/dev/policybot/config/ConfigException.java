package dev.policybot.config;

import dev.policybot.domain.UserFacingException;

/** A configuration file that cannot be used: the message names the file, line and key. Exit code 2. */
public final class ConfigException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, 2, null);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, 2, cause);
    }
}
