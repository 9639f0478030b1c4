package dev.policybot.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-case, hyphenated identifiers for platforms, documents and sections ("Claude.ai" → "claude-ai"). */
public final class Slugs {
    private Slugs() {}

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
