package dev.policybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.policybot.config.YamlFiles;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Comparison;
import dev.policybot.domain.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code compare} as a compact table for a terminal, or as JSON with one entry per platform. */
final class CompareRendering {
    /** Quotes are cut to this many characters in the table; JSON has them whole. */
    static final int TABLE_QUOTE = 240;

    private CompareRendering() {}

    static String text(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        Comparison.Request request = comparison.request();
        out.append(comparison.subject())
                .append(" · ")
                .append(comparison.rows().size())
                .append(comparison.rows().size() == 1 ? " platform" : " platforms")
                .append(" · ")
                .append(request.asOf() == null ? "current versions" : "versions in force on " + request.asOf())
                .append("\n\n");
        int width = comparison.rows().stream()
                .mapToInt(row -> row.platform().length())
                .max()
                .orElse(8);
        for (Comparison.Row row : comparison.rows()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s  %-17s",
                    row.platform(),
                    row.outcome().label()));
            if (row.outcome() == Outcome.NOT_ADDRESSED) {
                out.append("in ").append(row.searchedList()).append('\n');
            } else {
                out.append("version ").append(row.version()).append("  ").append(lastChange(row.lastChange()));
                out.append('\n');
                for (Citation citation : row.citations()) {
                    out.append("    “")
                            .append(cut(citation.quote()))
                            .append("” — ")
                            .append(citation.clause().document())
                            .append(" · ")
                            .append(citation.clause().section())
                            .append(" · version ")
                            .append(citation.clause().version())
                            .append(" · ")
                            .append(citation.clause().link())
                            .append('\n');
                }
            }
        }
        return out.append('\n').append(Answer.DISCLAIMER).append('\n').toString();
    }

    private static String lastChange(Comparison.LastChange change) {
        if (change == null) {
            return "no archived change on the topic";
        }
        String stated = change.statedDateChanged() == null
                ? "states no date"
                : change.statedDateChanged() ? "stated date updated" : "⚑ stated date not updated";
        return "last change on the topic " + change.to() + " (" + change.document() + ", " + stated + ")";
    }

    private static String cut(String quote) {
        String line = quote.replaceAll("\\s+", " ").strip();
        return line.length() <= TABLE_QUOTE
                ? line
                : line.substring(0, TABLE_QUOTE - 1).strip() + "…";
    }

    static String json(Comparison comparison) {
        Map<String, Object> root = new LinkedHashMap<>();
        Comparison.Request request = comparison.request();
        root.put("subject", comparison.subject());
        root.put("topic", request.topic() == null ? null : request.topic().id());
        root.put("question", request.question());
        root.put("asOf", request.asOf() == null ? null : request.asOf().toString());
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (Comparison.Row row : comparison.rows()) {
            platforms.add(row(row));
        }
        root.put("platforms", platforms);
        try {
            return YamlFiles.json().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON failed", e);
        }
    }

    private static Map<String, Object> row(Comparison.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.platformId());
        json.put("name", row.platform());
        json.put("outcome", row.outcome().label());
        json.put("version", row.version() == null ? null : row.version().toString());
        List<Map<String, Object>> quotes = new ArrayList<>();
        for (Citation citation : row.citations()) {
            Map<String, Object> quote = new LinkedHashMap<>();
            quote.put("n", citation.n());
            quote.put("clauseId", citation.clause().id());
            quote.put("document", citation.clause().document());
            quote.put("section", citation.clause().section());
            quote.put("version", citation.clause().version().toString());
            quote.put("url", citation.clause().link());
            quote.put("quote", citation.quote());
            quotes.add(quote);
        }
        json.put("quotes", quotes);
        json.put(
                "notAddressed",
                row.outcome() == Outcome.NOT_ADDRESSED ? "not addressed in " + row.searchedList() : null);
        json.put("searched", row.searched());
        json.put("lastChange", lastChangeJson(row.lastChange()));
        json.put("relevance", Double.isNaN(row.relevance()) ? null : row.relevance());
        return json;
    }

    private static Map<String, Object> lastChangeJson(Comparison.LastChange change) {
        if (change == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("document", change.document());
        json.put("from", change.from() == null ? null : change.from().toString());
        json.put("changed", change.to().toString());
        json.put("statedDateChanged", change.statedDateChanged());
        json.put("toldUs", change.toldUs());
        json.put("url", change.url());
        return json;
    }
}
