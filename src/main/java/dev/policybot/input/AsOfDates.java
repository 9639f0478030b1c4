package dev.policybot.input;

import dev.policybot.domain.UserFacingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The day a question is asked about ({@code --as-of}, {@code as_of}), read the same way in every front end. */
public final class AsOfDates {
    private AsOfDates() {}

    /**
     * The day, or {@code null} when none is given (blank counts as none).
     *
     * @param option how the user typed the option, named in the message
     */
    public static LocalDate parse(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw UserFacingException.badInput(
                    option + " takes a date as YYYY-MM-DD, not '" + text.strip() + "' (e.g. 2024-03-01).");
        }
    }
}
