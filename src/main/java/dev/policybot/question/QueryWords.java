package dev.policybot.question;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word forms the word lists are matched on: NFKC, lower case, German umlauts spelled out (ä → ae, ß → ss, so that
 * "loeschen" and "löschen" are one word), other accents dropped (é → e), split on everything but letters and digits.
 */
final class QueryWords {
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Words that join a phrase without carrying it ("deleting the app" matches "deleting that app"). */
    private static final Set<String> JOINERS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "your", "our", "their", "its", "my", "of", "to", "for",
            "and", "or", "be", "is", "are", "will", "would", "with", "from", "on", "in", "at", "by", "as", "we", "you",
            "us", "it", "they", "may", "can", "any", "all", "s");

    private QueryWords() {}

    /**
     * The stemmed words of English {@code text} that carry meaning, space-separated with a space at both ends, so that
     * one phrase's {@code stemmed} form can be looked up in another's with {@link String#contains}.
     */
    static String stemmed(String text) {
        StringBuilder out = new StringBuilder(" ");
        for (String word : tokens(text)) {
            if (!JOINERS.contains(word)) {
                out.append(Glossary.englishStem(word)).append(' ');
            }
        }
        return out.toString();
    }

    /** {@code text} without the words in {@code left} (folded), or {@code text} itself when nothing else remains. */
    static String without(String text, Set<String> left) {
        if (left.isEmpty()) {
            return text;
        }
        List<String> kept =
                raw(text).stream().filter(w -> !left.contains(fold(w))).toList();
        return kept.isEmpty() ? text : String.join(" ", kept);
    }

    /** One word (or phrase) folded to its matching form. */
    static String fold(String text) {
        String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
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
