package dev.policybot.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The "last updated" or "effective" date a document states about itself.
 *
 * @param date   the date, or {@code null} when the phrase names one we cannot read
 * @param phrase the phrase as written, e.g. {@code Effective Date: March 31, 2023}
 */
public record StatedDate(LocalDate date, String phrase) {

    public StatedDate {
        Objects.requireNonNull(phrase, "phrase");
    }

    /** Whether both name the same day (or, when a date is unreadable, are written alike). */
    public boolean sameAs(StatedDate other) {
        if (other == null) {
            return false;
        }
        if (date != null && other.date != null) {
            return date.equals(other.date);
        }
        return normalised(phrase).equals(normalised(other.phrase));
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
