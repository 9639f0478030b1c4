package dev.policybot.history;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text → words and tokens, ignoring what readers do not see as words: markup, link targets, spacing, punctuation. */
final class Words {
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    /** "34.", "2\.", "13.4", "(b)", "iv)" at the start of a clause, after any markup. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^[\\s*_#]*(?:\\(?(?:[ivxlc]{1,5}|[a-z]|\\d{1,3})\\)"
            + "|\\d{1,3}(?:\\.\\d{1,3})+\\.?|\\d{1,3}\\\\?\\.)(?=[\\s*_])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|\\s+|[^\\p{L}\\p{N}\\s]");

    private Words() {
    }

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
    static String key(String text) {
        String visible = LEADING_NUMBER.matcher(text).replaceFirst("");
        return String.join(" ", of(visible));
    }

    /** Words, runs of spacing and single punctuation marks, in order, that concatenate back to {@code text}. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
    }
}
