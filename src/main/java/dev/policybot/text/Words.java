package dev.policybot.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Word-level text handling shared by answering and verification: the project's normalisation (NFKC, lower case,
 * every run of non-letter/digit characters → one space, as in the scoring rule) and content terms for overlap.
 */
public final class Words {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Function words of English and German (German because questions arrive in German too). */
    private static final Set<String> STOPWORDS = Set.copyOf(Arrays.asList(
            "a",
            "about",
            "after",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "been",
            "before",
            "being",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "doing",
            "don",
            "for",
            "from",
            "get",
            "got",
            "had",
            "has",
            "have",
            "how",
            "i",
            "if",
            "im",
            "in",
            "into",
            "is",
            "it",
            "its",
            "just",
            "let",
            "lets",
            "like",
            "may",
            "me",
            "might",
            "mine",
            "more",
            "much",
            "must",
            "my",
            "no",
            "not",
            "of",
            "on",
            "or",
            "other",
            "our",
            "out",
            "own",
            "s",
            "shall",
            "should",
            "so",
            "some",
            "still",
            "such",
            "t",
            "than",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "to",
            "too",
            "u",
            "up",
            "us",
            "use",
            "used",
            "uses",
            "using",
            "very",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "would",
            "yes",
            "you",
            "your",
            "yours",
            "ur",
            "ppl",
            "stuff",
            "thing",
            "things",
            "anyone",
            "someone",
            "ever",
            "really",
            "actually",
            "allowed",
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "und",
            "oder",
            "ich",
            "du",
            "sie",
            "es",
            "wir",
            "ihr",
            "mein",
            "meine",
            "meinen",
            "meinem",
            "meiner",
            "dein",
            "deine",
            "ist",
            "sind",
            "bin",
            "hat",
            "haben",
            "wird",
            "werden",
            "kann",
            "darf",
            "dürfen",
            "soll",
            "muss",
            "mit",
            "für",
            "von",
            "zu",
            "zum",
            "zur",
            "auf",
            "aus",
            "bei",
            "nach",
            "wie",
            "was",
            "wer",
            "wann",
            "wo",
            "ob",
            "nicht",
            "auch",
            "noch",
            "nur",
            "mich",
            "mir",
            "dich",
            "dir",
            "uns",
            "sich"));

    /**
     * Two-word terms that policies spell out and people abbreviate: a text with the words also has the abbreviation, so
     * "train AI" overlaps "used to train artificial intelligence".
     */
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "artificial intelligence", "ai",
            "machine learning", "ai",
            "künstliche intelligenz", "ki",
            "kunstliche intelligenz", "ki");

    private Words() {}

    /** NFKC, lower case, runs of non-letter/digit characters become one space, trimmed. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(nfkc).replaceAll(" ").trim();
    }

    /** The normalised words, in order. */
    public static List<String> tokens(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    /** Distinct stemmed words that carry meaning (no function words, no single letters), in order. */
    public static Set<String> contentTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        List<String> tokens = tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.length() > 1 && !STOPWORDS.contains(token)) {
                terms.add(stem(token));
            }
            String abbreviation = i + 1 < tokens.size() ? ABBREVIATIONS.get(token + " " + tokens.get(i + 1)) : null;
            if (abbreviation != null) {
                terms.add(abbreviation);
            }
        }
        return terms;
    }

    /** Whether {@code part}, normalised, occurs in {@code whole}, normalised, on word boundaries. */
    public static boolean containsNormalized(String whole, String part) {
        String needle = normalize(part);
        return !needle.isEmpty() && (" " + normalize(whole) + " ").contains(" " + needle + " ");
    }

    /** Number of words, as a reader counts them. */
    public static int count(String text) {
        return tokens(text).size();
    }

    /** A light English suffix stripper: enough to match "tracks"/"track" and "training"/"trained"/"train". */
    static String stem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Splits on whitespace, keeping words as typed (for word budgets in composed text). */
    public static List<String> rawWords(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
