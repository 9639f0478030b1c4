package dev.policybot.question;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable word pattern of the word lists, matched on {@link QueryWords#tokens folded words}:
 * words separated by spaces; {@code a|b} is either word; a trailing {@code *} matches any ending ({@code delet*});
 * {@code ~} stands for up to {@value #MAX_GAP} other words. Example: {@code sell* ~ song*|track*|music}.
 */
final class PhrasePattern {
    static final int MAX_GAP = 3;
    private static final String GAP = "~";

    private final String source;
    private final List<List<String>> steps;

    private PhrasePattern(String source, List<List<String>> steps) {
        this.source = source;
        this.steps = steps;
    }

    static PhrasePattern of(String pattern) {
        List<List<String>> steps = new ArrayList<>();
        for (String part : pattern.strip().split("\\s+")) {
            if (part.equals(GAP)) {
                steps.add(List.of(GAP));
                continue;
            }
            List<String> options = new ArrayList<>();
            for (String option : part.split("\\|")) {
                boolean prefix = option.endsWith("*");
                String word = QueryWords.fold(prefix ? option.substring(0, option.length() - 1) : option);
                if (!word.matches("[\\p{L}\\p{N}]+")) {
                    throw new IllegalArgumentException("'" + option + "' is not a word, in pattern '" + pattern + "'");
                }
                options.add(prefix ? word + "*" : word);
            }
            steps.add(options);
        }
        if (steps.isEmpty()
                || steps.get(0).contains(GAP)
                || steps.get(steps.size() - 1).contains(GAP)) {
            throw new IllegalArgumentException("pattern '" + pattern + "' must start and end with a word");
        }
        return new PhrasePattern(pattern, List.copyOf(steps));
    }

    /** Whether the pattern occurs in {@code words} (folded). */
    boolean matches(List<String> words) {
        for (int start = 0; start < words.size(); start++) {
            if (matchFrom(words, start, 0)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchFrom(List<String> words, int at, int step) {
        if (step == steps.size()) {
            return true;
        }
        List<String> options = steps.get(step);
        if (options.contains(GAP)) {
            for (int skip = 0; skip <= MAX_GAP && at + skip <= words.size(); skip++) {
                if (matchFrom(words, at + skip, step + 1)) {
                    return true;
                }
            }
            return false;
        }
        return at < words.size() && accepts(options, words.get(at)) && matchFrom(words, at + 1, step + 1);
    }

    private static boolean accepts(List<String> options, String word) {
        for (String option : options) {
            if (option.endsWith("*")
                    ? word.startsWith(option.substring(0, option.length() - 1))
                    : word.equals(option)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return source;
    }
}
