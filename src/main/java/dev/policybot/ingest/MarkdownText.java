package dev.policybot.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes extracted plain text as Markdown that reads back to the same words: characters that would start
 * Markdown syntax are escaped only where they would, so archived files stay easy to read and diff.
 */
final class MarkdownText {
    private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d{1,9})([.)])");

    private MarkdownText() {}

    /** Escapes one paragraph (or list item's text); its line breaks stay. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(escapeLine(line.strip()));
        }
        return out.toString();
    }

    private static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
            boolean escape = switch (c) {
                case '\\', '`', '*', '_', '[', ']' -> true;
                case '<' -> Character.isLetter(next) || next == '/' || next == '!' || next == '?';
                case '&' -> ENTITY.matcher(line).region(i, line.length()).lookingAt();
                case '#', '>', '|', '+', '-', '=' -> i == 0;
                default -> false;
            };
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        Matcher ordered = ORDERED_MARKER.matcher(out);
        if (ordered.find()) {
            out.insert(ordered.start(2), '\\');
        }
        return out.toString();
    }
}
