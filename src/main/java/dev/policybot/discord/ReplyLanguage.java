package dev.policybot.discord;

import dev.policybot.answer.AnswerFraming;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.Question;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.DiscordLocale;

/**
 * The words of an answer reply that are not the answer itself (title, "Searched", footer, buttons), in the user's
 * language: German for users whose Discord language is German or who asked in German, else English.
 */
public enum ReplyLanguage {
    ENGLISH("Answer", "Searched", Answer.DISCLAIMER, "Show clause %d", "Show the rest"),
    GERMAN(
            "Antwort",
            "Durchsucht",
            "Das sind Zitate aus den Texten der Plattformen, keine Rechtsberatung.",
            "Klausel %d zeigen",
            "Rest zeigen");

    private final String answer;
    private final String searched;
    private final String disclaimer;
    private final String showClause;
    private final String showRest;

    ReplyLanguage(String answer, String searched, String disclaimer, String showClause, String showRest) {
        this.answer = answer;
        this.searched = searched;
        this.disclaimer = disclaimer;
        this.showClause = showClause;
        this.showRest = showRest;
    }

    /** The language code of a Discord locale ("de" for German, "en" for en-US and en-GB), or null when unknown. */
    static String of(DiscordLocale locale) {
        if (locale == null || locale == DiscordLocale.UNKNOWN) {
            return null;
        }
        return locale.getLocale().split("-", 2)[0];
    }

    /** German for the language code {@code de}, else English. */
    public static ReplyLanguage forCode(String code) {
        return "de".equals(code) ? GERMAN : ENGLISH;
    }

    /** German when the answer was framed in German or the asker's language is German. */
    static ReplyLanguage of(Question question, Answer answer) {
        return "de".equals(question.language()) || AnswerFraming.GERMAN.framed(answer) ? GERMAN : ENGLISH;
    }

    public String answer() {
        return answer;
    }

    public String searched() {
        return searched;
    }

    public String disclaimer() {
        return disclaimer;
    }

    public String showClause(int n) {
        return String.format(Locale.ROOT, showClause, n);
    }

    public String showRest() {
        return showRest;
    }

    /** The label of the button that shows the change an answer's history line tells of. */
    public String showChange() {
        return this == GERMAN ? "Änderung zeigen" : "Show the change";
    }

    /** The short label above an answer saying what kind of reply it is. */
    public String outcome(Outcome outcome) {
        return switch (outcome) {
            case ANSWERED -> this == GERMAN ? "Antwort aus den Dokumenten" : "Answered from the documents";
            case CLOSEST_PASSAGES ->
                this == GERMAN
                        ? "Nicht sicher \u2013 die nächstliegenden Stellen"
                        : "Not sure \u2013 the closest passages";
            case NOT_ADDRESSED -> this == GERMAN ? "Nicht behandelt" : "Not addressed";
        };
    }

    public String notShown(int count) {
        if (this == GERMAN) {
            return count == 1 ? "1 weitere Quelle nicht angezeigt" : count + " weitere Quellen nicht angezeigt";
        }
        return count + (count == 1 ? " more citation" : " more citations") + " not shown";
    }
}
