package dev.policybot.discord.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text to Discord's limits at the last sentence boundary that fits (else the last space), marking the cut
 * with "…", so a reader never sees half a word and knows that more follows.
 */
public final class TextCutter {
    public static final String ELLIPSIS = "…";

    private TextCutter() {}

    /**
     * A text split into what is shown and what is left.
     *
     * @param shown at most the limit, ending in "…" when something was cut
     * @param rest  the text after the cut (stripped), empty when nothing was cut
     */
    public record Cut(String shown, String rest) {
        public boolean wasCut() {
            return !rest.isEmpty();
        }
    }

    /** Cuts {@code text} so that it fits in {@code max} characters. */
    public static Cut cut(String text, int max) {
        String value = text == null ? "" : text.strip();
        if (value.length() <= max) {
            return new Cut(value, "");
        }
        if (max <= ELLIPSIS.length()) {
            return new Cut(ELLIPSIS.substring(0, Math.max(0, max)), value);
        }
        int end = cutPoint(value, max - ELLIPSIS.length() - 1);
        if (end <= 0) {
            return new Cut(ELLIPSIS, value);
        }
        String shown = value.substring(0, end).stripTrailing() + " " + ELLIPSIS;
        return new Cut(shown, value.substring(end).strip());
    }

    /** Shortens to {@code max} characters, dropping what does not fit. */
    public static String fit(String text, int max) {
        return cut(text, max).shown();
    }

    /** Splits {@code text} into pieces of at most {@code max} characters, each cut at a sentence boundary. */
    public static List<String> chunks(String text, int max) {
        List<String> pieces = new ArrayList<>();
        Cut cut = cut(text, max);
        pieces.add(cut.shown());
        while (cut.wasCut()) {
            cut = cut(cut.rest(), max);
            pieces.add(cut.shown());
        }
        return pieces;
    }

    /** The end of the longest prefix of at most {@code budget} characters that ends a sentence, else a word. */
    private static int cutPoint(String text, int budget) {
        if (budget <= 0) {
            return 0;
        }
        int sentenceEnd = lastSentenceEnd(text, budget);
        if (sentenceEnd >= budget / 2) {
            return sentenceEnd;
        }
        int space = lastSpace(text, budget);
        if (space >= budget / 2) {
            return space;
        }
        return Character.isLowSurrogate(text.charAt(budget)) ? budget - 1 : budget;
    }

    private static int lastSentenceEnd(String text, int budget) {
        for (int i = budget; i > 0; i--) {
            char before = text.charAt(i - 1);
            boolean atBreak = Character.isWhitespace(text.charAt(i));
            if (atBreak
                    && (before == '.'
                            || before == '!'
                            || before == '?'
                            || before == ';'
                            || before == '\n'
                            || (before == '"' || before == '\u201d' || before == ')')
                                    && i >= 2
                                    && isStop(text.charAt(i - 2)))) {
                return i;
            }
            if (text.charAt(i) == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static int lastSpace(String text, int budget) {
        for (int i = budget; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
