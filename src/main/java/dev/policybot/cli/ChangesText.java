package dev.policybot.cli;

import java.util.Locale;

import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.ClauseChange.Kind;
import dev.policybot.domain.change.DiffSegment;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.HistoryEntry;
import dev.policybot.domain.Topic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code changes} as text: per document the versions compared, counts and topics, whether the document's own date
 * changed, then each changed clause (word diff as {@code [-removed-]{+added+}}, unchanged stretches shortened).
 */
final class ChangesText {
    /** Unchanged text around an edit is kept to this many characters on each side. */
    static final int CONTEXT = 60;
    /** Added or removed clauses are quoted up to this many characters. */
    static final int MAX_QUOTE = 600;

    private ChangesText() {
    }

    static String render(List<ChangeResult> results) {
        StringBuilder out = new StringBuilder();
        for (ChangeResult result : results) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(result.document().platform()).append(" · ").append(result.document().document());
            if (result.change() == null) {
                out.append('\n').append("  ").append(result.note()).append('\n');
                continue;
            }
            change(out, result.change());
            earlier(out, result);
        }
        return out.toString();
    }

    private static void change(StringBuilder out, DocumentChange change) {
        out.append(" — ").append(change.from()).append(" → ").append(change.to()).append('\n');
        out.append("  ").append(change.summary()).append('\n');
        out.append("  ").append(toldUs(change)).append('\n');
        if (change.url() != null) {
            out.append("  ").append(change.url()).append('\n');
        }
        for (ClauseChange c : change.changes()) {
            if (c.isContent()) {
                clause(out, c);
            }
        }
        List<ClauseChange> formatting = change.changes().stream().filter(c -> !c.isContent()).toList();
        if (!formatting.isEmpty()) {
            out.append("\n  = Formatting only (same words): ").append(formatting.size()).append(" clause")
                    .append(formatting.size() == 1 ? "" : "s").append(" — ").append(formatting.stream()
                            .map(ChangesText::section).distinct().limit(6).collect(Collectors.joining("; ")))
                    .append('\n');
        }
    }

    /** The "did they tell us?" line. */
    static String toldUs(DocumentChange change) {
        return switch (change.notice()) {
            case NO_CONTENT_CHANGE -> "Did they tell us? Nothing to tell: only formatting changed.";
            case DATE_UPDATED -> change.statedBefore() == null
                    ? "Did they tell us? Yes: the document now states \"" + change.statedAfter().phrase() + "\"."
                    : "Did they tell us? Yes: the document's own date changed (\"" + change.statedBefore().phrase()
                    + "\" → \"" + change.statedAfter().phrase() + "\").";
            case DATE_NOT_UPDATED -> "Did they tell us? ⚑ No: the text changed, but the document still says \""
                    + change.statedAfter().phrase() + "\".";
            case NO_STATED_DATE -> "Did they tell us? Unknown: the document states no \"last updated\" date.";
        };
    }

    private static void clause(StringBuilder out, ClauseChange c) {
        String mark = switch (c.kind()) {
            case ADDED -> "+ Added";
            case REMOVED -> "- Removed";
            default -> "~ Changed";
        };
        out.append('\n').append("  ").append(mark).append(" · ").append(section(c));
        if (!c.topics().isEmpty()) {
            out.append(" · ").append(c.topics().stream().map(Topic::id).sorted().collect(Collectors.joining(", ")));
        }
        out.append('\n');
        if (c.kind() == Kind.CHANGED) {
            out.append("    ").append(words(c.words())).append('\n');
        } else {
            out.append("    ").append(cut(oneLine(c.clause().text()), MAX_QUOTE)).append('\n');
        }
        if (c.clause().deepLink() != null) {
            out.append("    ").append(c.clause().deepLink()).append('\n');
        }
    }

    /**
     * {@code [-deleted-]{+inserted+}}, with long unchanged stretches shortened to their ends. Edits that change no
     * words (spacing, bold) show the new text without marks, so the marks point at what a reader would notice.
     */
    static String words(List<DiffSegment> segments) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            DiffSegment s = segments.get(i);
            if (s.op() == DiffSegment.Op.EQUAL) {
                text.append(context(s.text(), i == 0, i == segments.size() - 1));
                continue;
            }
            String deleted = s.op() == DiffSegment.Op.DELETED ? s.text() : "";
            String inserted = s.op() == DiffSegment.Op.INSERTED ? s.text() : "";
            boolean insertionFollows = i + 1 < segments.size() && segments.get(i + 1).op() == DiffSegment.Op.INSERTED;
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
        return before + (d.isBlank() ? "" : "[-" + d.strip() + "-]") + (in.isBlank() ? "" : "{+" + in.strip() + "+}")
                + after;
    }

    private static boolean sameWords(String a, String b) {
        return a.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip()
                .equals(b.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip());
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
            return lead + t.substring(0, CONTEXT).stripTrailing() + " … " + t.substring(t.length() - CONTEXT)
                    .stripLeading() + trail;
        }
        return lead + t + trail;
    }

    private static void earlier(StringBuilder out, ChangeResult result) {
        if (result.earlier().isEmpty()) {
            return;
        }
        out.append("\n  Earlier changes (policybot changes ... --from DATE --to DATE shows one):\n");
        for (HistoryEntry entry : result.earlier()) {
            out.append("    ").append(entry.change().from()).append(" → ").append(entry.date()).append("  ")
                    .append(entry.summary()).append('\n');
        }
    }

    /** The clause's section without Markdown emphasis. */
    static String section(ClauseChange c) {
        return c.clause().section().replaceAll("[*_]+", "").strip();
    }

    static String oneLine(String text) {
        String spaces = text.replace('\u00a0', ' ').replace('\u202f', ' ');
        return spaces.replaceAll("\\s*\\n\\s*\\n\\s*", " ¶ ").replaceAll("\\s+", " ");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }
}
