package dev.policybot.cli;

import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.change.HistoryEntry;
import java.util.List;

/** {@code history} as text: per document, one line per version, newest first. */
final class HistoryText {
    private HistoryText() {}

    static String render(List<DocumentHistory> histories) {
        StringBuilder out = new StringBuilder();
        for (DocumentHistory history : histories) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            int n = history.entries().size();
            out.append(history.document().platform())
                    .append(" · ")
                    .append(history.document().document())
                    .append(" — ")
                    .append(n)
                    .append(n == 1 ? " version" : " versions")
                    .append('\n');
            for (HistoryEntry entry : history.entries()) {
                out.append("  ")
                        .append(entry.date())
                        .append("  ")
                        .append(entry.change() != null && entry.change().silentChange() ? "⚑ " : "")
                        .append(entry.summary())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
