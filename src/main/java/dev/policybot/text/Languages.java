package dev.policybot.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses the language of a question or passage from its function words: enough to tell a German question from
 * an English one without a model. Defaults to English when unsure.
 */
public final class Languages {
    public static final String ENGLISH = "en";

    /**
     * The order in which languages are tried, which decides a tie. Fixed: {@code MARKERS.keySet()} would iterate
     * differently in every JVM, and a French clause with as many Dutch "de" as French markers changed language.
     */
    private static final List<String> ORDER = List.of("en", "de", "fr", "es", "nl");

    /** Function words of each language. */
    private static final Map<String, Set<String>> MARKERS = Map.of(
            "en",
                    Set.of(
                            "the", "and", "is", "are", "can", "does", "do", "my", "i", "you", "what", "how", "of", "to",
                            "with", "will", "if", "it", "on", "for", "this", "that", "they", "their", "your", "me"),
            "de",
                    Set.copyOf(List.of(
                            "der",
                            "die",
                            "das",
                            "und",
                            "ist",
                            "sind",
                            "kann",
                            "darf",
                            "meine",
                            "meinen",
                            "mein",
                            "ich",
                            "nicht",
                            "mit",
                            "für",
                            "auf",
                            "wie",
                            "was",
                            "wird",
                            "werden",
                            "ein",
                            "eine",
                            "auch",
                            "sie",
                            "dürfen",
                            "meiner",
                            "zu",
                            "über",
                            "wenn",
                            "mich",
                            "mir",
                            "oder",
                            "von",
                            "nutzen",
                            "bei",
                            "beim",
                            "im",
                            "vom",
                            "zum",
                            "zur",
                            "dem",
                            "den",
                            "des",
                            "einen",
                            "einem",
                            "meinem",
                            "meines",
                            "gibt",
                            "kein",
                            "keine",
                            "nach",
                            "noch",
                            "schon",
                            "welche",
                            "warum",
                            "wann",
                            "wer",
                            "wo",
                            "ob",
                            "sich",
                            "uns",
                            "dass",
                            "weil",
                            "aber",
                            "habe",
                            "hat",
                            "haben",
                            "bin",
                            "wurde",
                            "werden",
                            "wieso",
                            "kann",
                            "können",
                            "muss",
                            "soll",
                            "eigentlich",
                            "jetzt",
                            "nur",
                            "man",
                            "es",
                            "mein",
                            "dir",
                            "dich")),
            "fr",
                    Set.of(
                            "le", "la", "les", "et", "est", "sont", "peut", "mes", "mon", "ma", "je", "pas", "avec",
                            "pour", "sur", "comment", "que", "qui", "une", "des", "du", "vous", "ils", "elle"),
            "es",
                    Set.of(
                            "el", "la", "los", "las", "y", "es", "son", "puede", "mis", "mi", "yo", "no", "con", "para",
                            "como", "que", "una", "del", "usted", "pueden", "sobre"),
            "nl",
                    Set.of(
                            "de", "het", "en", "is", "zijn", "kan", "mijn", "ik", "niet", "met", "voor", "op", "hoe",
                            "wat", "een", "mag", "wordt", "ze"));

    private static final Pattern UMLAUT = Pattern.compile("[äöüßÄÖÜ]");
    /** Word endings that are German rather than English: Löschung, Möglichkeit, Nutzungsbedingungen. */
    private static final List<String> GERMAN_ENDINGS = List.of(
            "ung", "ungen", "keit", "heit", "schaft", "lich", "liche", "lichen", "isch", "ische", "ieren", "iert");

    private static final Map<String, String> NAMES =
            Map.of("en", "English", "de", "German", "fr", "French", "es", "Spanish", "nl", "Dutch");

    private Languages() {}

    /** ISO 639-1 code of the most likely language, {@code en} when unsure. */
    public static String detect(String text) {
        List<String> tokens = Words.tokens(text);
        String best = ENGLISH;
        int bestHits = hits(tokens, text, ENGLISH);
        for (String language : ORDER) {
            int hits = hits(tokens, text, language);
            if (hits > bestHits) {
                best = language;
                bestHits = hits;
            }
        }
        return best;
    }

    private static int hits(List<String> tokens, String text, String language) {
        Set<String> markers = MARKERS.get(language);
        int umlauts = language.equals("de") && UMLAUT.matcher(text).find() ? 1 : 0;
        int shapes = language.equals("de")
                ? (int) tokens.stream()
                        .filter(t -> !markers.contains(t) && t.length() > 5 && germanShape(t))
                        .count()
                : 0;
        return umlauts
                + shapes
                + (int) tokens.stream().filter(markers::contains).count();
    }

    /**
     * Whether a word has a German shape: a German ending, "sch" after a letter (Datenschutz), or a German policy word
     * (Datenweitergabe, Nutzungsbedingungen). String tests, not a regex: every sentence of every answer is read.
     */
    static boolean germanShape(String word) {
        for (String ending : GERMAN_ENDINGS) {
            if (word.endsWith(ending)) {
                return true;
            }
        }
        for (int at = word.indexOf("sch", 1); at > 0; at = word.indexOf("sch", at + 1)) {
            if (Character.isLetter(word.codePointBefore(at))) {
                return true;
            }
        }
        return word.contains("weitergabe") || word.contains("bedingung");
    }

    /** English name of a language code ("German"), or the code itself when unknown. */
    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }
}
