package dev.policybot.discord.render;

import dev.policybot.config.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a public reply may say about a source: its URL without credentials, query or fragment, and a failure reason
 * with local paths cut to the file name, IP addresses left out and URLs cut to their host. Moderators see the whole
 * reason (secrets masked) in a reply only they see.
 */
final class PublicReasons {
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s'\"<>]+");
    private static final Pattern UNIX_PATH =
            Pattern.compile("(?<![\\w.:/])(?:~|\\.{1,2})?(?:/[^\\s/'\"]+)+/([^\\s/'\"]+)");
    private static final Pattern WINDOWS_PATH =
            Pattern.compile("(?i)\\b[a-z]:\\\\(?:[^\\s\\\\'\"]+\\\\)*([^\\s\\\\'\"]+)");
    private static final Pattern ADDRESS_IN_PARENS = Pattern.compile("\\s*\\((?:\\[?[0-9a-fA-F:.]+\\]?)\\)");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\\]");

    private PublicReasons() {}

    /** The reason as everyone may read it. */
    static String of(String reason) {
        if (reason == null) {
            return null;
        }
        String out = replace(URL, reason, m -> host(m.group()));
        out = ADDRESS_IN_PARENS.matcher(out).replaceAll("");
        out = IPV6.matcher(out).replaceAll("an address");
        out = IPV4.matcher(out).replaceAll("an address");
        out = replace(UNIX_PATH, out, m -> m.group(1));
        out = replace(WINDOWS_PATH, out, m -> m.group(1));
        return Secrets.redact(out);
    }

    /** {@code scheme://host[:port]/path} of a URL, or {@code null} when it is none. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "a web address" : host;
        } catch (URISyntaxException e) {
            return "a web address";
        }
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
