package dev.policybot.answer;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.text.Languages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * German words around the platforms' original quotes: "Die Nutzungsbedingungen von SoundCloud (Version 2026-08-17)
 * sagen:", then a line saying the quotes are the platform's English (or French) original.
 */
final class GermanFraming implements AnswerFraming {

    /** German name of a document kind, and whether it is plural ("sagen") or singular ("sagt"). */
    private record DocumentName(String name, boolean plural) {}

    /** By document slug; other documents are named as the platform names them. */
    private static final Map<String, DocumentName> DOCUMENTS = Map.ofEntries(
            Map.entry("terms-of-service", new DocumentName("Die Nutzungsbedingungen", true)),
            Map.entry("terms-of-use", new DocumentName("Die Nutzungsbedingungen", true)),
            Map.entry("terms", new DocumentName("Die Nutzungsbedingungen", true)),
            Map.entry("terms-and-conditions", new DocumentName("Die Geschäftsbedingungen", true)),
            Map.entry("user-agreement", new DocumentName("Die Nutzungsvereinbarung", false)),
            Map.entry("privacy-policy", new DocumentName("Die Datenschutzerklärung", false)),
            Map.entry("privacy-notice", new DocumentName("Die Datenschutzerklärung", false)),
            Map.entry("community-guidelines", new DocumentName("Die Community-Richtlinien", true)),
            Map.entry("acceptable-use-policy", new DocumentName("Die Richtlinie zur zulässigen Nutzung", false)),
            Map.entry("copyright-policy", new DocumentName("Die Urheberrechtsrichtlinie", false)),
            Map.entry("copyright-claims-policy", new DocumentName("Die Richtlinie zu Urheberrechtsansprüchen", false)),
            Map.entry("content-monetisation-policy", new DocumentName("Die Richtlinie zur Monetarisierung", false)),
            Map.entry("cookie-policy", new DocumentName("Die Cookie-Richtlinie", false)),
            Map.entry("review-guidelines", new DocumentName("Die Prüfrichtlinien", true)));

    private static final String NOT_TRANSLATED = "; PolicyBot übersetzt die Texte nicht.";
    private static final String NOT_ADDRESSED = " behandeln diese Frage nicht. ";

    private static final Map<String, String> ORIGINAL_LANGUAGE = Map.of(
            "en", "englische", "fr", "französische", "de", "deutsche", "es", "spanische", "nl", "niederländische");

    @Override
    public String language() {
        return "de";
    }

    @Override
    public String lead(Clause clause) {
        DocumentName known = DOCUMENTS.get(clause.documentId());
        String version = " (Version " + clause.version() + ") ";
        if (known == null) {
            return "Das Dokument \u201e" + clause.document() + "\u201c von " + clause.platform() + version + "sagt:";
        }
        return known.name() + " von " + clause.platform() + version + (known.plural() ? "sagen:" : "sagt:");
    }

    @Override
    public String originalLine(List<Citation> citations) {
        if (citations.isEmpty()) {
            return null;
        }
        String quoted = String.join(" ", citations.stream().map(Citation::quote).toList());
        String language = ORIGINAL_LANGUAGE.getOrDefault(Languages.detect(quoted), "englische");
        List<String> platforms =
                citations.stream().map(c -> c.clause().platform()).distinct().toList();
        String whose = platforms.size() == 1 ? "von " + platforms.get(0) : "der Plattformen";
        String text = (citations.size() == 1 ? "Das Zitat ist der " : "Die Zitate sind der ") + language
                + " Originaltext " + whose + NOT_TRANSLATED;
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    @Override
    public String notAddressed(List<String> platforms, List<String> searched) {
        String whose = platforms.isEmpty()
                ? "Die indexierten Dokumente"
                : "Die indexierten Dokumente von " + String.join(" und ", platforms);
        return whose
                + NOT_ADDRESSED
                + (searched.isEmpty()
                        ? "Es waren keine Dokumente zum Durchsuchen indexiert."
                        : "Durchsucht: "
                                + Searched.list(searched)
                                        .replace("version ", "Version ")
                                        .replaceAll("; and (\\d+) more$", "; und $1 weitere")
                                + ".");
    }

    @Override
    public String notSure() {
        return "PolicyBot ist nicht sicher, ob diese Stellen die Frage beantworten; es sind die nächstliegenden, die es "
                + "gefunden hat.";
    }

    @Override
    public boolean framed(Answer answer) {
        if (answer.language() != null) {
            return language().equals(answer.language());
        }
        return answer.text().contains(NOT_TRANSLATED) || answer.text().contains(NOT_ADDRESSED);
    }
}
