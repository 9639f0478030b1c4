package dev.policybot.input;

import dev.policybot.domain.UserFacingException;

/** The one check a question passes in every front end (CLI {@code ask}/{@code search}, Discord): not blank, not too long. */
public final class Questions {
    /** Long enough for any one question; keeps a query well inside what the search and the model take. */
    public static final int MAX_CHARACTERS = 1_000;

    private Questions() {}

    /** The question without its surrounding space, or a {@link UserFacingException} (bad input) saying what to change. */
    public static String check(String text) {
        String question = text == null ? "" : text.strip();
        if (question.isEmpty()) {
            throw UserFacingException.badInput(
                    "Please type a question, e.g. \"Can SoundCloud train AI on my tracks?\"");
        }
        if (question.length() > MAX_CHARACTERS) {
            throw UserFacingException.badInput(
                    "Please keep the question under " + MAX_CHARACTERS + " characters; ask about one thing at a time.");
        }
        return question;
    }
}
