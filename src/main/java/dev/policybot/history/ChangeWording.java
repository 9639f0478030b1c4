package dev.policybot.history;

import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.DiffSegment;
import dev.policybot.domain.change.DocumentChange;
import java.util.List;
import java.util.Locale;

/** How changes are worded wherever people read them (the command line, Discord's /changes and alerts). */
public final class ChangeWording {
    /** Characters of unchanged text kept around an edit. */
    static final int CONTEXT = 60;

    private ChangeWording() {}

    /** The "did they tell us?" line. */
    public static String toldUs(DocumentChange change) {
        return switch (change.notice()) {
            case NO_CONTENT_CHANGE -> "Did they tell us? Nothing to tell: only formatting changed.";
            case DATE_UPDATED ->
                change.statedBefore() == null
                        ? "Did they tell us? Yes: the document now states \""
                                + change.statedAfter().phrase() + "\"."
                        : "Did they tell us? Yes: the document's own date changed (\""
                                + change.statedBefore().phrase() + "\" → \""
                                + change.statedAfter().phrase() + "\").";
            case DATE_NOT_UPDATED ->
                "Did they tell us? ⚑ No: the text changed, but the document still says \""
                        + change.statedAfter().phrase() + "\".";
            case NO_STATED_DATE -> "Did they tell us? Unknown: the document states no \"last updated\" date.";
        };
    }

    /**
     * {@code [-deleted-]{+inserted+}}, with long unchanged stretches shortened to their ends. Edits that change no
     * words (spacing, bold) show the new text without marks, so the marks point at what a reader would notice.
     */
    public static String words(List<DiffSegment> segments) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            DiffSegment s = segments.get(i);
            if (s.op() == DiffSegment.Op.EQUAL) {
                text.append(context(s.text(), i == 0, i == segments.size() - 1));
                continue;
            }
            String deleted = s.op() == DiffSegment.Op.DELETED ? s.text() : "";
            String inserted = s.op() == DiffSegment.Op.INSERTED ? s.text() : "";
            boolean insertionFollows =
                    i + 1 < segments.size() && segments.get(i + 1).op() == DiffSegment.Op.INSERTED;
            if (!deleted.isEmpty() && insertionFollows) {
                inserted = segments.get(++i).text();
            }
            text.append(edit(deleted, inserted));
        }
        return text.toString().replaceAll(" {2,}", " ").strip();
    }

    /** One edit, with the spacing around it kept outside the marks. */
    private static String edit(String deleted, String inserted) {
        String d = oneLine(deleted);
        String in = oneLine(inserted);
        String before = d.startsWith(" ") || in.startsWith(" ") ? " " : "";
        String after = d.endsWith(" ") || in.endsWith(" ") ? " " : "";
        if (d.isBlank() && in.isBlank()) {
            return before.isEmpty() && after.isEmpty() ? "" : " ";
        }
        if (sameWords(d, in)) {
            return before + in.strip() + after;
        }
        return before
                + (d.isBlank() ? "" : "[-" + d.strip() + "-]")
                + (in.isBlank() ? "" : "{+" + in.strip() + "+}")
                + after;
    }

    private static boolean sameWords(String a, String b) {
        return a.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip()
                .equals(b.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip());
    }

    private static String context(String text, boolean first, boolean last) {
        String t = oneLine(text);
        String lead = t.startsWith(" ") ? " " : "";
        String trail = t.endsWith(" ") ? " " : "";
        t = t.strip();
        if (first && t.length() > CONTEXT) {
            return "…" + t.substring(t.length() - CONTEXT).stripLeading() + trail;
        }
        if (last && t.length() > CONTEXT) {
            return lead + t.substring(0, CONTEXT).stripTrailing() + "…";
        }
        if (!first && !last && t.length() > 2 * CONTEXT) {
            return lead + t.substring(0, CONTEXT).stripTrailing() + " … "
                    + t.substring(t.length() - CONTEXT).stripLeading() + trail;
        }
        return lead + t + trail;
    }

    /** The compact word diff ({@code [-old-]{+new+}}) between two wordings of a passage. */
    public static String diff(String before, String after) {
        return words(WordDiff.between(before, after));
    }

    /** The clause's section without Markdown emphasis. */
    public static String section(ClauseChange c) {
        return c.clause().section().replaceAll("[*_]+", "").strip();
    }

    public static String oneLine(String text) {
        String spaces = text.replace('\u00a0', ' ').replace('\u202f', ' ');
        return spaces.replaceAll("\\s*\\n\\s*\\n\\s*", " ¶ ").replaceAll("\\s+", " ");
    }
}
