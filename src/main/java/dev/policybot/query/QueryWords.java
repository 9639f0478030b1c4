package dev.policybot.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The word forms the word lists are matched on: NFKC, lower case, German umlauts spelled out (ä → ae, ß → ss, so that
 * "loeschen" and "löschen" are one word), other accents dropped (é → e), split on everything but letters and digits.
 */
final class QueryWords {
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private QueryWords() {
    }

    /** One word (or phrase) folded to its matching form. */
    static String fold(String text) {
        String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** The words of {@code text} as typed (case kept), split where {@link #tokens} splits. */
    static List<String> raw(String text) {
        List<String> words = new ArrayList<>();
        for (String word : SPLIT.split(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The folded words of {@code text}, in order. */
    static List<String> tokens(String text) {
        return raw(text).stream().map(QueryWords::fold).toList();
    }
}
