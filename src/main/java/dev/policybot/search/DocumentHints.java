package dev.policybot.search;

import dev.policybot.domain.Clause;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words in a question that point at one kind of document ("privacy", "my data" → the privacy policy; "guidelines" →
 * community guidelines). A hint raises that document's clauses; it never excludes the others.
 */
final class DocumentHints {
    /** Fragment of a document slug, and the question phrases that point at it. */
    private static final Map<String, List<String>> HINTS = Map.of(
            "privacy",
                    List.of(
                            "privacy",
                            "personal data",
                            "my data",
                            "my info",
                            "personal information",
                            "cookie",
                            "tracking",
                            "track me",
                            "advertisers",
                            "ad companies",
                            "gdpr"),
            "terms", List.of("terms of service", "terms of use", " tos ", "terms and conditions", "user agreement"),
            "guidelines", List.of("guidelines", "community rules", "allowed to post", "allowed to upload"),
            "acceptable-use", List.of("acceptable use", " aup "),
            "copyright", List.of("copyright claim", "content id", "dmca", "takedown", "matching system"));

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private DocumentHints() {}

    static Set<String> of(String question) {
        String text = " " + NON_WORD.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        Set<String> fragments = new LinkedHashSet<>();
        HINTS.forEach((fragment, phrases) -> {
            if (phrases.stream().anyMatch(p -> text.contains(p.startsWith(" ") ? p : " " + p))) {
                fragments.add(fragment);
            }
        });
        return fragments;
    }

    static boolean matches(Set<String> fragments, Clause clause) {
        return matches(fragments, clause.documentId());
    }

    static boolean matches(Set<String> fragments, String documentId) {
        return fragments.stream().anyMatch(documentId::contains);
    }
}
