package dev.policybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.policybot.config.YamlFiles;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.change.HistoryNote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer as the terminal shows it (text, numbered citations with quotes, note, reminder) or as JSON. */
final class AnswerRendering {
    private static final String QUOTE_INDENT = "    ";

    private AnswerRendering() {}

    static String text(Answer answer) {
        StringBuilder out = new StringBuilder(answer.text().strip()).append("\n");
        if (!answer.citations().isEmpty()) {
            out.append("\n");
        }
        for (Citation citation : answer.citations()) {
            quoted(out, citation);
        }
        for (HistoryNote note : answer.history()) {
            out.append("\n").append(note.line()).append("\n");
            quoted(out, note.later() && note.after() != null ? note.after() : note.before());
        }
        if (answer.note() != null && !answer.note().isBlank()) {
            out.append("\nNote: ").append(answer.note().strip()).append("\n");
        }
        return out.append("\n").append(Answer.DISCLAIMER).append("\n").toString();
    }

    private static void quoted(StringBuilder out, Citation citation) {
        out.append(citationLine(citation)).append("\n");
        out.append(QUOTE_INDENT)
                .append('\u201c')
                .append(citation.quote().strip().replace("\n", "\n" + QUOTE_INDENT))
                .append("\u201d\n");
    }

    /** "[1] SoundCloud · Terms of Service · Grant of license · version 2025-09-10 · https://…". */
    static String citationLine(Citation citation) {
        Clause clause = citation.clause();
        List<String> parts = new ArrayList<>(
                List.of(clause.platform(), clause.document(), clause.section(), "version " + clause.version()));
        String link = link(clause);
        if (link != null) {
            parts.add(link);
        }
        return "[" + citation.n() + "] " + String.join(" \u00b7 ", parts);
    }

    private static String link(Clause clause) {
        return clause.link();
    }

    private static Map<String, Object> citationJson(Citation citation) {
        Clause clause = citation.clause();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("n", citation.n());
        c.put("clauseId", clause.id());
        c.put("platform", clause.platform());
        c.put("document", clause.document());
        c.put("section", clause.section());
        c.put("version", clause.version().toString());
        c.put("url", link(clause));
        c.put("quote", citation.quote());
        return c;
    }

    static String json(Answer answer) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("answer", answer.text());
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Citation citation : answer.citations()) {
            citations.add(citationJson(citation));
        }
        root.put("citations", citations);
        List<Map<String, Object>> history = new ArrayList<>();
        for (HistoryNote note : answer.history()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("changed", note.changed().toString());
            h.put("statedDateChanged", note.statedDateChanged());
            h.put("later", note.later());
            h.put("line", note.line());
            h.put("before", citationJson(note.before()));
            h.put("beforeSince", note.beforeSince().toString());
            h.put("after", note.after() == null ? null : citationJson(note.after()));
            history.add(h);
        }
        root.put("history", history);
        root.put("abstained", answer.abstained());
        root.put("outcome", answer.outcome().label());
        root.put("language", answer.language());
        root.put("mode", answer.mode());
        root.put("platforms", answer.platforms());
        root.put("searched", answer.searched());
        root.put("note", answer.note());
        root.put("relevance", Double.isNaN(answer.relevance()) ? null : answer.relevance());
        try {
            return YamlFiles.json().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }
}
