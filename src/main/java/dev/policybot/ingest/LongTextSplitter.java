package dev.policybot.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a text longer than the target into pieces of similar length at sentence boundaries (at spaces when a
 * single sentence is longer than the cap, and mid-word only for a run of text without spaces). Pieces are
 * substrings of the text, so nothing is reworded; only the whitespace at each cut is dropped.
 */
final class LongTextSplitter {
    /** After . ! ? ; : (optionally closing quotes/brackets), whitespace, then something that can start a sentence. */
    private static final Pattern SENTENCE_END =
            Pattern.compile("(?<=[.!?;:][\"”’')\\]]{0,2})\\s+(?=[\"“‘'(\\[\\p{Lu}\\p{N}•])|\\s*\\n\\s*");

    private LongTextSplitter() {}

    static List<String> split(String text, int target, int cap) {
        if (text.length() <= target) {
            return List.of(text);
        }
        int pieces = (text.length() + target - 1) / target;
        int goal = text.length() / pieces;
        List<int[]> units = units(text, cap);
        List<String> out = new ArrayList<>();
        int pieceStart = -1;
        int pieceEnd = -1;
        for (int[] unit : units) {
            if (pieceStart >= 0) {
                int length = pieceEnd - pieceStart;
                boolean full = length >= goal || unit[1] - pieceStart > target;
                if (full) {
                    out.add(text.substring(pieceStart, pieceEnd));
                    pieceStart = -1;
                }
            }
            if (pieceStart < 0) {
                pieceStart = unit[0];
            }
            pieceEnd = unit[1];
        }
        if (pieceStart >= 0) {
            out.add(text.substring(pieceStart, pieceEnd));
        }
        return out;
    }

    /** [start, end) of each sentence; a sentence over the cap is further cut at spaces, then hard. */
    private static List<int[]> units(String text, int cap) {
        List<int[]> units = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (m.find()) {
            addUnit(units, text, start, m.start(), cap);
            start = m.end();
        }
        addUnit(units, text, start, text.length(), cap);
        return units;
    }

    private static void addUnit(List<int[]> units, String text, int start, int end, int cap) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        if (end - start <= cap) {
            units.add(new int[] {start, end});
            return;
        }
        int cut = text.lastIndexOf(' ', start + cap);
        if (cut <= start + cap / 2) {
            cut = start + cap;
        }
        addUnit(units, text, start, cut, cap);
        addUnit(units, text, cut, end, cap);
    }
}
