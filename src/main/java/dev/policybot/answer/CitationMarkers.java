package dev.policybot.answer;

import dev.policybot.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Citation markers ({@code [1]}, {@code [1, 3]}, {@code [2-4]}) in answer text, and the sentences they support. */
public final class CitationMarkers {
    public static final Pattern MARKER =
            Pattern.compile("\\s?\\[(\\s*\\d{1,3}(?:\\s*[,;\\-\u2013]\\s*\\d{1,3})*\\s*)]");
    /** Markers after a sentence's full stop, followed by more text: the sentence ends after them. */
    private static final Pattern MARKERS_AFTER_STOP =
            Pattern.compile("[.!?][\"\u201d\u2019)]?(?:\\s*\\[\\s*\\d[\\d\\s,;\\-\u2013]*])+(?=\\s+\\S)");

    private CitationMarkers() {}

    /**
     * The answer's sentences, each with the markers that support it, also when a marker is written after the full
     * stop ("… tracks. [1] Next …"), which sentence rules would give to the next sentence.
     */
    public static List<Sentences.Span> sentences(String text) {
        List<Sentences.Span> out = new ArrayList<>();
        for (Sentences.Span span : Sentences.split(text)) {
            int start = span.start();
            Matcher m = MARKERS_AFTER_STOP.matcher(span.text());
            while (m.find()) {
                int cut = span.start() + m.end();
                out.add(new Sentences.Span(start, cut, text.substring(start, cut)));
                start = cut;
                while (start < span.end() && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
            if (start < span.end()) {
                out.add(new Sentences.Span(start, span.end(), text.substring(start, span.end())));
            }
        }
        return out;
    }

    /** The numbers in each marker of a sentence ("[1, 3]" → [1, 3]; "[2-4]" → [2, 3, 4]). */
    public static List<List<Integer>> numbersIn(String sentence) {
        List<List<Integer>> all = new ArrayList<>();
        Matcher m = MARKER.matcher(sentence);
        while (m.find()) {
            all.add(numbers(m.group(1)));
        }
        return all;
    }

    static List<Integer> numbers(String inside) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : inside.split("[,;]")) {
            String[] range = part.trim().split("\\s*[\\-\u2013]\\s*");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
            for (int n = from; n <= Math.min(to, from + 20); n++) {
                numbers.add(n);
            }
        }
        return numbers;
    }
}
