package dev.policybot.ingest;

import dev.policybot.text.Whitespace;
import java.nio.charset.StandardCharsets;

/**
 * Builds text-fragment links ({@code url#:~:text=opening%20words}) that make a browser scroll to a clause.
 * Only the clause's first line is used, because a text fragment cannot span block boundaries.
 */
final class DeepLinks {
    static final int WORDS = 7;

    private DeepLinks() {}

    /** The link, or {@code null} when the document has no URL. */
    static String of(String url, String clauseText) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String base = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        String text = clauseText.strip();
        int lineEnd = text.indexOf('\n');
        String firstLine = Whitespace.collapse(lineEnd < 0 ? text : text.substring(0, lineEnd));
        int end = 0;
        for (int words = 0; words < WORDS && end >= 0; words++) {
            end = firstLine.indexOf(' ', end + 1);
        }
        String opening = end < 0 ? firstLine : firstLine.substring(0, end);
        return opening.isBlank() ? base : base + "#:~:text=" + encode(opening);
    }

    /** Percent-encodes all but unreserved characters; '-', ',' and '&' must be encoded in a text directive. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
