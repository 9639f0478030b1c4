package dev.policybot.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises text that is not policy wording: scripts, style sheets, JSON state, base64 images and the
 * navigation chrome that page captures carry along. Heuristic on purpose: policy prose is mostly words, while
 * code is full of braces and equals signs and encoded data is one endless token. URLs are ignored, being
 * neither prose nor junk.
 */
final class JunkFilter {
    private static final Pattern BOILERPLATE =
            Pattern.compile("javascript is disabled|enable javascript|skip to (main )?content|back to top"
                    + "|(accept|reject) all cookies|cookie (settings|preferences)$|show me how to enable it");
    private static final int SHORT = 120;
    private static final int MIN_JUDGED = 60;
    private static final int LONG_TOKEN = 45;

    private JunkFilter() {}

    static boolean isJunk(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return true;
        }
        if (t.length() < SHORT
                && BOILERPLATE.matcher(t.toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        if (t.length() < MIN_JUDGED) {
            return false;
        }
        Counts counts = count(t);
        return counts.symbols > 0.02 * counts.chars
                || counts.inLongTokens > 0.5 * counts.chars
                || counts.words < 0.5 * counts.tokens;
    }

    /** Characters, code symbols, characters in over-long tokens, tokens and word-like tokens, URLs left out. */
    private static final class Counts {
        int chars;
        int symbols;
        int inLongTokens;
        int tokens;
        int words;
    }

    private static Counts count(String t) {
        Counts counts = new Counts();
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (i > start) {
                token(t, start, i, counts);
            }
        }
        return counts;
    }

    private static void token(String t, int start, int end, Counts counts) {
        if (t.startsWith("http://", start) || t.startsWith("https://", start) || t.startsWith("mailto:", start)) {
            counts.chars += 4;
            counts.tokens++;
            counts.words++;
            return;
        }
        int length = end - start;
        counts.chars += length + 1;
        counts.tokens++;
        if (length > LONG_TOKEN) {
            counts.inLongTokens += length;
        }
        for (int i = start; i < end; i++) {
            switch (t.charAt(i)) {
                case '{', '}', '=', '\\', '$', '^' -> counts.symbols++;
                default -> {}
            }
        }
        if (isWord(t, start, end)) {
            counts.words++;
        }
    }

    /** Optional opening punctuation, a letter or digit, then letters, digits and prose punctuation only. */
    private static boolean isWord(String t, int start, int end) {
        int i = start;
        while (i < end && "(\"“‘'[".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        if (i == end || !Character.isLetterOrDigit(t.charAt(i))) {
            return false;
        }
        for (i++; i < end; i++) {
            char c = t.charAt(i);
            if (!Character.isLetterOrDigit(c) && "'’.,;:!?)\"”%&/-]".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
