package dev.policybot.ingest;

import dev.policybot.domain.Slugs;
import dev.policybot.text.Whitespace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable clause ids {@code platform/document#section-slug-hash}: the section is the innermost heading, the hash
 * is taken from the whitespace-normalised text. The same text under the same heading gets the same id in every
 * version and on every reindex; a repeat within one version gets {@code -2}, {@code -3}… in order.
 */
final class ClauseIds {
    private static final int MAX_SLUG = 48;
    private final String prefix;
    private final Map<String, Integer> seen = new HashMap<>();

    ClauseIds(String platformId, String documentId) {
        this.prefix = platformId + "/" + documentId + "#";
    }

    String next(List<String> headingPath, String text) {
        String base = prefix + sectionSlug(headingPath) + "-" + hash(text);
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    static String sectionSlug(List<String> headingPath) {
        String slug = headingPath.isEmpty() ? "" : Slugs.of(headingPath.get(headingPath.size() - 1));
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "intro" : slug;
    }

    static String hash(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String normalise(String text) {
        return Whitespace.collapse(text);
    }
}
