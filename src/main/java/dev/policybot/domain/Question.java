package dev.policybot.domain;

import java.time.LocalDate;

/**
 * A user's question with its optional scope.
 *
 * @param text       the question as typed
 * @param platformId a platform slug the user chose, or {@code null} to detect it from the text
 * @param asOf       the day to answer for, or {@code null} for today's versions
 * @param language   the asker's language code when known (e.g. from their Discord locale), or {@code null}; the
 *                   reply is framed in German when the question or this language is German
 */
public record Question(String text, String platformId, LocalDate asOf, String language) {

    public Question(String text, String platformId, LocalDate asOf) {
        this(text, platformId, asOf, null);
    }

    public static Question of(String text) {
        return new Question(text, null, null);
    }
}
