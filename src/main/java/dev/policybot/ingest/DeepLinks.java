package dev.policybot.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Builds text-fragment links ({@code url#:~:text=opening%20words}) that make a browser scroll to a clause.
 * Only the clause's first line is used, because a text fragment cannot span block boundaries.
 */
final class DeepLinks {
    static final int WORDS = 7;

    private DeepLinks() {
    }

    /** The link, or {@code null} when the document has no URL. */
    static String of(String url, String clauseText) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String base = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        String firstLine = clauseText.strip().split("\n", 2)[0];
        String[] words = firstLine.strip().split("\\s+");
        String opening = String.join(" ", java.util.Arrays.copyOf(words, Math.min(WORDS, words.length)));
        return opening.isBlank() ? base : base + "#:~:text=" + encode(opening);
    }

    /** Percent-encodes all but unreserved characters; '-', ',' and '&' must be encoded in a text directive. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
