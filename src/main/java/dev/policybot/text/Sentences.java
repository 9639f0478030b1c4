package dev.policybot.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences that are verbatim substrings of it, so a quote built from them is exact.
 * Lines are split first (list items and headings end without a full stop); within a line, the JDK's sentence
 * rules apply, and pieces shorter than a few words ("e.g.", "Inc.") are joined to the next one.
 */
public final class Sentences {
    private static final int MIN_WORDS = 4;

    private Sentences() {}

    /** A sentence as a span of the text it came from. */
    public record Span(int start, int end, String text) {}

    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int firstOfLine = spans.size();
                splitLine(text, lineStart, i, spans);
                joinTrailingPiece(text, lineStart, spans, firstOfLine);
                lineStart = i + 1;
            }
        }
        return spans;
    }

    private static void splitLine(String text, int from, int to, List<Span> out) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        String line = text.substring(from, to);
        breaks.setText(line);
        int pendingStart = -1;
        for (int start = breaks.first(), end = breaks.next();
                end != BreakIterator.DONE;
                start = end, end = breaks.next()) {
            int s = pendingStart >= 0 ? pendingStart : start;
            if (Words.count(line.substring(start, end)) < MIN_WORDS && end < line.length()) {
                pendingStart = s;
                continue;
            }
            pendingStart = -1;
            add(text, from + s, from + end, out);
        }
        if (pendingStart >= 0) {
            add(text, from + pendingStart, to, out);
        }
    }

    /** A short piece at the end of a line ("[1]", "Inc.") belongs to the sentence before it on that line. */
    private static void joinTrailingPiece(String text, int lineStart, List<Span> out, int firstOfLine) {
        int size = out.size();
        if (size - firstOfLine >= 2 && Words.count(out.get(size - 1).text()) < MIN_WORDS) {
            Span previous = out.get(size - 2);
            Span last = out.remove(size - 1);
            out.set(size - 2, new Span(previous.start(), last.end(), text.substring(previous.start(), last.end())));
        }
    }

    private static void add(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end && Words.count(text.substring(start, end)) > 0) {
            out.add(new Span(start, end, text.substring(start, end)));
        }
    }
}
