package dev.policybot.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.policybot.core.DiffSegment;
import dev.policybot.core.DiffSegment.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Word-level diff of two texts through java-diff-utils, cleaned up for people: short common runs between two edits
 * ("the", ", and") are folded into the edit, so a rewritten sentence reads as one deletion and one insertion
 * instead of a comb of tiny edits.
 */
final class WordDiff {
    /** Common runs with at most this many words, between two edits, are folded into the edit. */
    static final int MAX_WORDS_FOLDED = 2;

    private WordDiff() {
    }

    static List<DiffSegment> between(String before, String after) {
        List<String> a = Words.tokens(before);
        List<String> b = Words.tokens(after);
        List<DiffSegment> raw = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            raw.add(new DiffSegment(Op.EQUAL, String.join("", a.subList(position, start))));
            raw.add(new DiffSegment(Op.DELETED, String.join("", delta.getSource().getLines())));
            raw.add(new DiffSegment(Op.INSERTED, String.join("", delta.getTarget().getLines())));
            position = start + delta.getSource().size();
        }
        raw.add(new DiffSegment(Op.EQUAL, String.join("", a.subList(position, a.size()))));
        return merge(foldShortCommonRuns(withoutEmpty(raw)));
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
        return (int) Words.tokens(text).stream().filter(Words::isWord).count();
    }
}
