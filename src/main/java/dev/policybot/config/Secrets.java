package dev.policybot.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of sight. Secrets belong in the environment; a config file that holds one anyway (a key named
 * like a token or password, a value shaped like a Discord token or an API key, a URL with a password or a key in
 * its query) must not be readable by every user of the machine. And a message about a config value, or a URL,
 * shows such a secret masked.
 */
public final class Secrets {
    static final String MASK = "[redacted]";

    /** Keys that only ever hold secrets. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)^\\s*(?:-\\s+)?[\"']?(token|discord_?token|bot_?token|api_?key|secret|client_?secret|password)[\"']?"
                    + "\\s*:\\s*\\S");
    /** Values that look like a Discord bot token, an OpenAI-style or Google API key, or a bearer header. */
    private static final List<Pattern> SECRET_VALUES = List.of(
            Pattern.compile("[A-Za-z\\d_-]{23,}\\.[A-Za-z\\d_-]{6}\\.[A-Za-z\\d_-]{27,}"),
            Pattern.compile("\\bsk-[A-Za-z\\d_-]{16,}"),
            Pattern.compile("\\bAIza[\\dA-Za-z_-]{30,}"),
            Pattern.compile("(?i)(?<=bearer )[A-Za-z\\d._~+/=-]{16,}"));
    /** The password of {@code scheme://user:password@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?<=://)([^/\\s:@]+):([^/\\s@]+)@");
    /** A user part without a password, {@code scheme://token@host}: often a token itself, so masked whole. */
    private static final Pattern URL_USER = Pattern.compile("(?<=://)[^/\\s:@\\[\\]]+@");
    /** A key, token, signature or credential in a query string (signed S3 and CDN links too). */
    private static final Pattern QUERY_SECRET = Pattern.compile("(?i)([?&;](?:key|api_?key|token|access_?token"
            + "|refresh_?token|id_?token|secret|client_?secret|password|passwd|pwd|auth|authorization|sig|signature"
            + "|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)=)[^&#\\s]+");

    private Secrets() {}

    /** The text with every secret-shaped part masked. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        out = URL_USER.matcher(out).replaceAll(Matcher.quoteReplacement(MASK) + "@");
        out = QUERY_SECRET.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        for (Pattern value : SECRET_VALUES) {
            out = value.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return out;
    }

    /**
     * Refuses a config file that holds a secret and that every user of the machine may read.
     *
     * @param text the file's content
     * @throws ConfigException naming the file, the line and the fix (chmod 600, or better the environment)
     */
    static void refuseIfWorldReadable(Path file, String text) {
        Optional<Integer> line = lineWithSecret(text);
        if (line.isEmpty() || !worldReadable(file)) {
            return;
        }
        throw new ConfigException(file + ", line " + line.get() + ": this file holds a secret (a token, API key or "
                + "password) and every user of this machine can read it. Run  chmod 600 " + file
                + "  — or better, move the secret to the environment (" + DiscordConfig.TOKEN_VARIABLE + ", "
                + LlmConfig.ENV_API_KEY + ") and out of the file.");
    }

    /** The 1-based line of the first secret in the text, if any. Comment lines count too: they are still readable. */
    static Optional<Integer> lineWithSecret(String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (SECRET_KEY.matcher(line.replaceFirst("^\\s*#\\s*", "")).find()
                    || !redact(line).equals(line)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** Whether others (not owner, not group) may read the file; false where POSIX permissions do not exist. */
    static boolean worldReadable(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
