package dev.policybot.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text → words and tokens, ignoring what readers do not see as words: markup, link targets, spacing, punctuation. */
public final class DiffWords {
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    /** "34.", "2\.", "13.4", "(b)", "iv)" at the start of a clause, after any markup. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^[\\s*_#]*(?:\\(?(?:[ivxlc]{1,5}|[a-z]|\\d{1,3})\\)"
            + "|\\d{1,3}(?:\\.\\d{1,3})+\\.?|\\d{1,3}\\\\?\\.)(?=[\\s*_])");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private DiffWords() {}

    /** The words a reader sees, lower-cased: two texts with the same words differ only in formatting. */
    static List<String> of(String text) {
        String visible = LINK_TARGET.matcher(text).replaceAll("]");
        String normal = Normalizer.normalize(visible, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(normal);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /**
     * {@link #of} joined by single spaces, without a leading section number ("34.", "13.4", "(b)"): the key under
     * which texts are compared for content, so that renumbering a section is not a change of its content.
     */
    public static String key(String text) {
        String visible = LEADING_NUMBER.matcher(text).replaceFirst("");
        return String.join(" ", of(visible));
    }

    /** DiffWords, runs of spacing and single other characters, in order, that concatenate back to {@code text}. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int kind = kind(text.codePointAt(i));
            int end = i + Character.charCount(text.codePointAt(i));
            while (kind != OTHER && end < text.length() && kind(text.codePointAt(end)) == kind) {
                end += Character.charCount(text.codePointAt(end));
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static final int WORD_CHAR = 0;
    private static final int SPACE = 1;
    private static final int OTHER = 2;

    private static int kind(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return WORD_CHAR;
        }
        return Character.isWhitespace(codePoint) ? SPACE : OTHER;
    }

    public static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
    }
}
