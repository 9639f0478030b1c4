package dev.policybot.fakes;

import dev.policybot.domain.Clause;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written clauses of two made-up platforms (written for these tests, not taken from any real policy), with
 * versions, so answers, abstentions and as-of questions can be checked exactly.
 */
public final class FixtureClauses {
    public static final LocalDate CURRENT = LocalDate.parse("2026-08-17");
    public static final LocalDate OLD = LocalDate.parse("2024-01-10");
    public static final String TOS_URL = "https://tunebox.example/terms";

    public static final String AI_SENTENCE = "We will not use your Content to train generative AI models that imitate "
            + "your voice or music unless you explicitly opt in.";

    public static final Clause LICENSE = tunebox(
            "terms-of-service",
            "Terms of Service",
            "Grant of license",
            "By uploading your Content to the Platform, you grant Tunebox a worldwide, non-exclusive, royalty-free "
                    + "license to host, stream and distribute your Content on the Platform. This license ends when you "
                    + "remove your Content, except for copies kept in backups for a limited time.",
            CURRENT,
            null,
            1);
    public static final Clause AI = tunebox(
            "terms-of-service",
            "Terms of Service",
            "Artificial intelligence",
            "Tunebox uses machine learning to recommend tracks to listeners. " + AI_SENTENCE
                    + " You can change this choice at any time in your account settings.",
            CURRENT,
            null,
            1);
    public static final Clause TERMINATION = tunebox(
            "terms-of-service",
            "Terms of Service",
            "Termination",
            "You may close your account at any time from the settings page. We may suspend accounts that "
                    + "repeatedly infringe the rights of others.",
            CURRENT,
            null,
            1);
    public static final Clause HEADING =
            tunebox("terms-of-service", "Terms of Service", "Your Content", "Your Content", CURRENT, null, 1);
    public static final Clause OLD_AI = tunebox(
            "terms-of-service",
            "Terms of Service",
            "Artificial intelligence",
            "We may use Content uploaded to the Platform to improve our services, including to develop and train new "
                    + "features such as machine learning models.",
            OLD,
            CURRENT,
            1);
    public static final Clause PRIVACY = tunebox(
            "privacy-policy",
            "Privacy Policy",
            "What we collect",
            "We collect your email address and listening history to personalise recommendations. We do not sell "
                    + "your personal data to third parties.",
            LocalDate.parse("2025-05-01"),
            null,
            1);
    public static final Clause STREAMLY_OWNERSHIP = new Clause(
            "streamly/terms-of-service#ownership-1",
            "streamly",
            "Streamly",
            "terms-of-service",
            "Terms of Service",
            List.of("Ownership"),
            "You keep ownership of the podcasts you publish on Streamly. You give Streamly a limited license to make "
                    + "them available to listeners.",
            LocalDate.parse("2025-10-03"),
            null,
            "https://streamly.example/terms",
            "https://streamly.example/terms#:~:text=You%20keep%20ownership");

    private FixtureClauses() {}

    public static List<Clause> all() {
        return List.of(LICENSE, AI, TERMINATION, HEADING, OLD_AI, PRIVACY, STREAMLY_OWNERSHIP);
    }

    /** A clause with the given text planted in it, for prompt-injection tests. */
    public static Clause withText(Clause clause, String text) {
        return new Clause(
                clause.id(),
                clause.platformId(),
                clause.platform(),
                clause.documentId(),
                clause.document(),
                clause.headingPath(),
                text,
                clause.validFrom(),
                clause.validTo(),
                clause.url(),
                clause.deepLink());
    }

    private static Clause tunebox(
            String documentId, String document, String section, String text, LocalDate from, LocalDate to, int n) {
        String slug = section.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String url = documentId.equals("terms-of-service") ? TOS_URL : "https://tunebox.example/privacy";
        return new Clause(
                "tunebox/" + documentId + "#" + slug + "-" + n,
                "tunebox",
                "Tunebox",
                documentId,
                document,
                List.of(section),
                text,
                from,
                to,
                url,
                url + "#:~:text=" + slug);
    }
}
