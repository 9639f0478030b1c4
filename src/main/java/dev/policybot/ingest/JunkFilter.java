package dev.policybot.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises text that is not policy wording: scripts, style sheets, JSON state, base64 images and the
 * navigation chrome that page captures carry along. Heuristic on purpose: policy prose is mostly words.
 */
final class JunkFilter {
    private static final Pattern BOILERPLATE = Pattern.compile(
            "javascript is disabled|enable javascript|skip to (main )?content|back to top"
                    + "|(accept|reject) all cookies|cookie (settings|preferences)$|show me how to enable it");
    private static final Pattern WORD = Pattern.compile("^[(\"“‘'\\[]*[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,;:!?)\"”%&/-]*$");
    private static final int SHORT = 120;
    private static final Pattern URL = Pattern.compile("(https?|mailto):\\S+");

    private JunkFilter() {
    }

    static boolean isJunk(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return true;
        }
        if (t.length() < SHORT && BOILERPLATE.matcher(t.toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        if (t.length() < 60) {
            return false;
        }
        String withoutUrls = URL.matcher(t).replaceAll("url");
        return codeSymbolShare(withoutUrls) > 0.02 || longTokenShare(withoutUrls) > 0.5 || wordShare(withoutUrls) < 0.5;
    }

    /** Braces, equals signs and backslashes are rare in prose and everywhere in code and style sheets. */
    private static double codeSymbolShare(String t) {
        int symbols = 0;
        for (int i = 0; i < t.length(); i++) {
            switch (t.charAt(i)) {
                case '{', '}', '=', '\\', '$', '^' -> symbols++;
                default -> { }
            }
        }
        return symbols / (double) t.length();
    }

    /** Share of characters in whitespace-free runs longer than any word (base64, minified code, hashes). */
    private static double longTokenShare(String t) {
        int inLong = 0;
        for (String token : t.split("\\s+")) {
            if (token.length() > 45) {
                inLong += token.length();
            }
        }
        return inLong / (double) t.length();
    }

    private static double wordShare(String t) {
        String[] tokens = t.split("\\s+");
        int words = 0;
        for (String token : tokens) {
            if (WORD.matcher(token).matches()) {
                words++;
            }
        }
        return words / (double) tokens.length;
    }
}
