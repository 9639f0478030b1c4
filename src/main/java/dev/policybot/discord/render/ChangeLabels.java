package dev.policybot.discord.render;

import dev.policybot.discord.ReplyLanguage;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.history.ChangeWording;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words around a change in Discord ({@code /changes}, {@code /history}, "Show the change" and alerts) in the
 * reader's language. The clause texts themselves are quoted as the platform wrote them.
 */
final class ChangeLabels {
    private final boolean german;

    ChangeLabels(ReplyLanguage language) {
        this.german = language == ReplyLanguage.GERMAN;
    }

    String kind(ClauseChange.Kind kind) {
        return switch (kind) {
            case ADDED -> german ? "➕ Hinzugefügt" : "➕ Added";
            case REMOVED -> german ? "➖ Entfernt" : "➖ Removed";
            default -> german ? "✏️ Geändert" : "✏️ Changed";
        };
    }

    String earlier() {
        return german ? "Früher: " : "Earlier: ";
    }

    String versions(int count) {
        return german
                ? count + (count == 1 ? " Fassung" : " Fassungen")
                : count + (count == 1 ? " version" : " versions");
    }

    String nothing() {
        return german ? "Nichts zu zeigen." : "Nothing to show.";
    }

    String firstVersion() {
        return german ? "erste archivierte Fassung" : "first archived version";
    }

    String title(String platform, String document) {
        return (german ? "Richtlinien geändert: " : "Policy change: ") + platform + " · " + document;
    }

    String versionLine(Object from, Object to) {
        if (from == null) {
            return (german ? "Neues Dokument, Fassung " : "New document, version ") + to;
        }
        return (german ? "Fassung " : "Version ") + from + " → " + to;
    }

    String note() {
        return german ? "Hinweis" : "Note";
    }

    String more(int count) {
        return german ? "… und " + count + " weitere Änderungen" : "… and " + count + " more changes";
    }

    String noWatchedChange() {
        return german
                ? "Der Text hat sich geändert, aber keine Klausel zu den beobachteten Themen."
                : "The text changed; no clause on the watched topics did.";
    }

    /** The "did they tell us?" line. */
    String toldUs(DocumentChange change) {
        if (!german) {
            return ChangeWording.toldUs(change);
        }
        return switch (change.notice()) {
            case NO_CONTENT_CHANGE -> "Darauf hingewiesen? Nicht nötig: nur die Formatierung hat sich geändert.";
            case DATE_UPDATED ->
                change.statedBefore() == null
                        ? "Darauf hingewiesen? Ja: das Dokument nennt jetzt „"
                                + change.statedAfter().phrase() + "“."
                        : "Darauf hingewiesen? Ja: das Datum im Dokument hat sich geändert („"
                                + change.statedBefore().phrase() + "“ → „"
                                + change.statedAfter().phrase() + "“).";
            case DATE_NOT_UPDATED ->
                "Darauf hingewiesen? ⚑ Nein: der Text hat sich geändert, aber das Dokument nennt weiter „"
                        + change.statedAfter().phrase() + "“.";
            case NO_STATED_DATE -> "Darauf hingewiesen? Unbekannt: das Dokument nennt kein Änderungsdatum.";
        };
    }

    /** One line of counts and topics, like {@link DocumentChange#summary()}. */
    String summary(DocumentChange change) {
        if (!german) {
            return change.summary();
        }
        List<String> parts = new ArrayList<>();
        addCount(parts, change.count(ClauseChange.Kind.ADDED), "hinzugefügt");
        addCount(parts, change.count(ClauseChange.Kind.REMOVED), "entfernt");
        addCount(parts, change.count(ClauseChange.Kind.CHANGED), "geändert");
        long formatting = change.count(ClauseChange.Kind.FORMATTING);
        if (parts.isEmpty()) {
            return formatting == 0
                    ? "keine Änderungen"
                    : "nur Formatierung (" + formatting + (formatting == 1 ? " Klausel)" : " Klauseln)");
        }
        addCount(parts, formatting, "nur Formatierung");
        String line = String.join(", ", parts);
        if (!change.topics().isEmpty()) {
            line += " · Themen: " + change.topics().stream().map(Topic::id).collect(Collectors.joining(", "));
        }
        return line + (change.silentChange() ? " · Datum im Dokument nicht aktualisiert" : "");
    }

    private static void addCount(List<String> parts, long count, String label) {
        if (count > 0) {
            parts.add(count + " " + label);
        }
    }
}
