package dev.policybot.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.policybot.domain.change.DiffSegment;
import dev.policybot.domain.change.DiffSegment.Op;
import dev.policybot.text.DiffWords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level diff of two texts through java-diff-utils, cleaned up for people. DiffSentences are diffed first and only
 * the changed stretches word by word (which keeps long clauses fast); short common runs between two edits ("the",
 * ", and") are folded into the edit, so a rewritten sentence reads as one deletion and one insertion instead of a
 * comb of tiny edits.
 */
final class WordDiff {
    /** Common runs with at most this many words, between two edits, are folded into the edit. */
    static final int MAX_WORDS_FOLDED = 2;
    /** Stretches of changed sentences with more tokens than this (both sides) are not diffed word by word. */
    static final int MAX_TOKENS = 6_000;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+\\s+|\\n\\s*");

    private WordDiff() {}

    static List<DiffSegment> between(String before, String after) {
        List<String> a = sentenceUnits(before);
        List<String> b = sentenceUnits(after);
        List<DiffSegment> raw = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            raw.add(new DiffSegment(Op.EQUAL, String.join("", a.subList(position, start))));
            String removed = String.join("", delta.getSource().getLines());
            raw.addAll(words(removed, String.join("", delta.getTarget().getLines())));
            position = start + delta.getSource().size();
        }
        raw.add(new DiffSegment(Op.EQUAL, String.join("", a.subList(position, a.size()))));
        return merge(foldShortCommonRuns(withoutEmpty(raw)));
    }

    /**
     * Word diff of one stretch of changed sentences; a stretch too long for that (a rewritten document glued into
     * one clause) is reported as replaced whole, so that the cost stays bounded.
     */
    private static List<DiffSegment> words(String before, String after) {
        List<String> a = DiffWords.tokens(before);
        List<String> b = DiffWords.tokens(after);
        if (a.size() + b.size() > MAX_TOKENS) {
            return List.of(new DiffSegment(Op.DELETED, before), new DiffSegment(Op.INSERTED, after));
        }
        List<DiffSegment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            segments.add(new DiffSegment(Op.EQUAL, String.join("", a.subList(position, start))));
            segments.add(new DiffSegment(
                    Op.DELETED, String.join("", delta.getSource().getLines())));
            segments.add(new DiffSegment(
                    Op.INSERTED, String.join("", delta.getTarget().getLines())));
            position = start + delta.getSource().size();
        }
        segments.add(new DiffSegment(Op.EQUAL, String.join("", a.subList(position, a.size()))));
        return segments;
    }

    /** The text cut after each sentence end and line break, keeping every character, so the units join back to it. */
    static List<String> sentenceUnits(String text) {
        List<String> units = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            units.add(text.substring(start, end.end()));
            start = end.end();
        }
        if (start < text.length()) {
            units.add(text.substring(start));
        }
        return units;
    }

    private static List<DiffSegment> withoutEmpty(List<DiffSegment> segments) {
        return segments.stream().filter(s -> !s.text().isEmpty()).toList();
    }

    /** EQUAL runs of few words between two edits become a deletion plus an insertion of the same words. */
    private static List<DiffSegment> foldShortCommonRuns(List<DiffSegment> segments) {
        List<DiffSegment> result = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            DiffSegment segment = segments.get(i);
            boolean between = i > 0 && i < segments.size() - 1;
            if (segment.op() == Op.EQUAL && between && wordCount(segment.text()) <= MAX_WORDS_FOLDED) {
                result.add(new DiffSegment(Op.DELETED, segment.text()));
                result.add(new DiffSegment(Op.INSERTED, segment.text()));
            } else {
                result.add(segment);
            }
        }
        return result;
    }

    /** Within each stretch between EQUAL runs, all deleted text first, then all inserted text. */
    private static List<DiffSegment> merge(List<DiffSegment> segments) {
        List<DiffSegment> result = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (DiffSegment segment : segments) {
            switch (segment.op()) {
                case DELETED -> deleted.append(segment.text());
                case INSERTED -> inserted.append(segment.text());
                case EQUAL -> {
                    flush(result, deleted, inserted);
                    result.add(segment);
                }
            }
        }
        flush(result, deleted, inserted);
        return result;
    }

    private static void flush(List<DiffSegment> result, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.toString().equals(inserted.toString())) {
            // a folded run with nothing around it: it was common after all
            if (!deleted.isEmpty()) {
                result.add(new DiffSegment(Op.EQUAL, deleted.toString()));
            }
        } else {
            if (!deleted.isEmpty()) {
                result.add(new DiffSegment(Op.DELETED, deleted.toString()));
            }
            if (!inserted.isEmpty()) {
                result.add(new DiffSegment(Op.INSERTED, inserted.toString()));
            }
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    private static int wordCount(String text) {
        return (int) DiffWords.tokens(text).stream().filter(DiffWords::isWord).count();
    }
}
