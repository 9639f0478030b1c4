package dev.policybot.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Sentence-level comparison: which sentences of one text the other text lacks. */
public final class DiffSentences {
    /** A sentence ends at . ! ? (or a line break) followed by space and a capital, digit, bracket or quote. */
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}(\\[\"“*])|\\s*\\n\\s*");

    private DiffSentences() {}

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(text.strip())) {
            if (!DiffWords.of(part).isEmpty()) {
                sentences.add(part.strip());
            }
        }
        return sentences;
    }

    /** The sentences of {@code text} whose words do not occur in {@code other} (wherever its sentences break). */
    public static List<String> missingFrom(String text, String other) {
        Set<String> otherKeys = new HashSet<>();
        split(other).forEach(s -> otherKeys.add(DiffWords.key(s)));
        String otherKey = " " + DiffWords.key(other) + " ";
        List<String> missing = new ArrayList<>();
        for (String sentence : split(text)) {
            String key = DiffWords.key(sentence);
            if (!otherKeys.contains(key) && !otherKey.contains(" " + key + " ")) {
                missing.add(sentence);
            }
        }
        return missing;
    }
}
