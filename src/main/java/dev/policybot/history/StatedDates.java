package dev.policybot.history;

import dev.policybot.domain.StatedDate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date a document states about itself: "Last updated: February 1, 2023", "Effective Date: 31 March 2023",
 * "Effective as of 2024-02-07", "Stand: 01.02.2024". The first such phrase in the text wins.
 */
public final class StatedDates {
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String LABEL = "(?:last\\s+(?:updated|modified|revised|changed|amended)"
            + "|(?:date\\s+of\\s+)?last\\s+revision|effective(?:\\s+date)?|updated|revised|version\\s+date"
            + "|in\\s+(?:force|effect)\\s+(?:from|since|as\\s+of)|zuletzt\\s+(?:aktualisiert|geändert)|stand)";
    private static final String DATE =
            "(?<mdy>" + MONTH + "\\s+(?<mdyDay>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<mdyYear>\\d{4}))"
                    + "|(?<dmy>(?<dmyDay>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<dmyMonth>" + MONTH + "),?"
                    + "\\s+(?<dmyYear>\\d{4}))"
                    + "|(?<iso>(?<isoYear>\\d{4})-(?<isoMonth>\\d{1,2})-(?<isoDay>\\d{1,2}))"
                    + "|(?<dotted>(?<dotDay>\\d{1,2})\\.(?<dotMonth>\\d{1,2})\\.(?<dotYear>\\d{4}))"
                    + "|(?<slashed>(?<slashMonth>\\d{1,2})/(?<slashDay>\\d{1,2})/(?<slashYear>\\d{4}))"
                    + "|(?<my>(?<myMonth>" + MONTH + ")\\s+(?<myYear>\\d{4}))";
    /** The label, then at most a few joining words or marks ("on", "as of", ":", "**"), then the date. */
    private static final Pattern PHRASE = Pattern.compile(
            "\\b" + LABEL
                    + "\\b(?:\\s*(?:on|as\\s+of|from|am|date)\\b)?(?:\\s+the\\b)?"
                    + "[\\s:*_\\-–—]{0,6}(?:" + DATE + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern MONTH_NAME = Pattern.compile(MONTH, Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    private StatedDates() {}

    /** The first stated date in {@code text}, or {@code null} when it states none. */
    public static StatedDate find(String text) {
        Matcher matcher = PHRASE.matcher(text);
        while (matcher.find()) {
            String phrase = matcher.group()
                    .replaceAll("[*_]", "")
                    .replaceAll("\\s+", " ")
                    .strip();
            try {
                return new StatedDate(dateOf(matcher), phrase);
            } catch (DateTimeException e) {
                // "Effective Date: 31/31/2023" is no date; look for the next phrase
            }
        }
        return null;
    }

    private static LocalDate dateOf(Matcher m) {
        if (m.group("mdy") != null) {
            return date(m.group("mdyYear"), month(m.group("mdy")), m.group("mdyDay"));
        }
        if (m.group("dmy") != null) {
            return date(m.group("dmyYear"), month(m.group("dmyMonth")), m.group("dmyDay"));
        }
        if (m.group("iso") != null) {
            return date(m.group("isoYear"), Integer.parseInt(m.group("isoMonth")), m.group("isoDay"));
        }
        if (m.group("dotted") != null) {
            return date(m.group("dotYear"), Integer.parseInt(m.group("dotMonth")), m.group("dotDay"));
        }
        if (m.group("slashed") != null) {
            // US order (month/day), as in the English-language policies that write dates this way
            return date(m.group("slashYear"), Integer.parseInt(m.group("slashMonth")), m.group("slashDay"));
        }
        return date(m.group("myYear"), month(m.group("myMonth")), "1");
    }

    private static int month(String text) {
        Matcher name = MONTH_NAME.matcher(text);
        if (!name.find()) {
            throw new DateTimeException("no month in " + text);
        }
        return MONTHS.get(name.group().substring(0, 3).toLowerCase(Locale.ROOT));
    }

    private static LocalDate date(String year, int month, String day) {
        return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    }
}
