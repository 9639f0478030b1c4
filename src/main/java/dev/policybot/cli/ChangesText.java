package dev.policybot.cli;

import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.ClauseChange.Kind;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.HistoryEntry;
import dev.policybot.history.ChangeWording;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code changes} as text: per document the versions compared, counts and topics, whether the document's own date
 * changed, then each changed clause (word diff as {@code [-removed-]{+added+}}, unchanged stretches shortened).
 */
final class ChangesText {
    /** Unchanged text around an edit is kept to this many characters on each side. */
    /** Added or removed clauses are quoted up to this many characters. */
    static final int MAX_QUOTE = 600;

    private ChangesText() {}

    static String render(List<ChangeResult> results) {
        StringBuilder out = new StringBuilder();
        for (ChangeResult result : results) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(result.document().platform())
                    .append(" · ")
                    .append(result.document().document());
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
        out.append(" — ")
                .append(change.from())
                .append(" → ")
                .append(change.to())
                .append('\n');
        out.append("  ").append(change.summary()).append('\n');
        out.append("  ").append(ChangeWording.toldUs(change)).append('\n');
        if (change.url() != null) {
            out.append("  ").append(change.url()).append('\n');
        }
        for (ClauseChange c : change.changes()) {
            if (c.isContent()) {
                clause(out, c);
            }
        }
        List<ClauseChange> formatting =
                change.changes().stream().filter(c -> !c.isContent()).toList();
        if (!formatting.isEmpty()) {
            out.append("\n  = Formatting only (same words): ")
                    .append(formatting.size())
                    .append(" clause")
                    .append(formatting.size() == 1 ? "" : "s")
                    .append(" — ")
                    .append(formatting.stream()
                            .map(ChangeWording::section)
                            .distinct()
                            .limit(6)
                            .collect(Collectors.joining("; ")))
                    .append('\n');
        }
    }

    private static void clause(StringBuilder out, ClauseChange c) {
        String mark = switch (c.kind()) {
            case ADDED -> "+ Added";
            case REMOVED -> "- Removed";
            default -> "~ Changed";
        };
        out.append('\n').append("  ").append(mark).append(" · ").append(ChangeWording.section(c));
        if (!c.topics().isEmpty()) {
            out.append(" · ").append(c.topics().stream().map(Topic::id).sorted().collect(Collectors.joining(", ")));
        }
        out.append('\n');
        if (c.kind() == Kind.CHANGED) {
            out.append("    ").append(ChangeWording.words(c.words())).append('\n');
        } else {
            out.append("    ")
                    .append(cut(ChangeWording.oneLine(c.clause().text()), MAX_QUOTE))
                    .append('\n');
        }
        if (c.clause().deepLink() != null) {
            out.append("    ").append(c.clause().deepLink()).append('\n');
        }
    }

    private static void earlier(StringBuilder out, ChangeResult result) {
        if (result.earlier().isEmpty()) {
            return;
        }
        out.append("\n  Earlier changes (policybot changes ... --from DATE --to DATE shows one):\n");
        for (HistoryEntry entry : result.earlier()) {
            out.append("    ")
                    .append(entry.change().from())
                    .append(" → ")
                    .append(entry.date())
                    .append("  ")
                    .append(entry.summary())
                    .append('\n');
        }
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }
}
