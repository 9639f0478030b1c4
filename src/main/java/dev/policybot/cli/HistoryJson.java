package dev.policybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.StatedDate;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.DiffSegment;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.change.HistoryEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code changes --json} and {@code history --json}, built as explicit maps so the JSON shape reads field by field. */
final class HistoryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HistoryJson() {}

    static String changes(List<ChangeResult> results) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (ChangeResult result : results) {
            Map<String, Object> doc = document(result.document());
            doc.put("note", result.note());
            if (result.change() != null) {
                doc.putAll(change(result.change()));
                doc.put(
                        "changes",
                        result.change().changes().stream()
                                .map(HistoryJson::clause)
                                .toList());
            }
            doc.put("earlier", result.earlier().stream().map(HistoryJson::entry).toList());
            documents.add(doc);
        }
        return write(Map.of("documents", documents));
    }

    static String history(List<DocumentHistory> histories) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (DocumentHistory history : histories) {
            Map<String, Object> doc = document(history.document());
            doc.put(
                    "versions",
                    history.entries().stream().map(HistoryJson::entry).toList());
            documents.add(doc);
        }
        return write(Map.of("documents", documents));
    }

    private static Map<String, Object> document(SourceStatus source) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("platformId", source.platformId());
        doc.put("platform", source.platform());
        doc.put("documentId", source.documentId());
        doc.put("document", source.document());
        doc.put("url", source.url());
        return doc;
    }

    /** Dates, counts, topics and the "did they tell us?" fields of one change. */
    private static Map<String, Object> change(DocumentChange change) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", change.from().toString());
        map.put("to", change.to().toString());
        map.put("summary", change.summary());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (ClauseChange.Kind kind : ClauseChange.Kind.values()) {
            counts.put(kind.label(), change.count(kind));
        }
        counts.put("unchanged", change.unchanged());
        map.put("counts", counts);
        map.put("topics", change.topics().stream().map(Topic::id).toList());
        map.put("statedDateBefore", stated(change.statedBefore()));
        map.put("statedDateAfter", stated(change.statedAfter()));
        map.put("notice", change.notice().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        map.put("silentChange", change.silentChange());
        return map;
    }

    private static Map<String, Object> clause(ClauseChange c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", c.kind().label());
        map.put("clauseId", c.clause().id());
        map.put("section", c.clause().section());
        map.put("headingPath", c.clause().headingPath());
        map.put("topics", c.topics().stream().map(Topic::id).sorted().toList());
        map.put("before", c.before() == null ? null : c.before().text());
        map.put("after", c.after() == null ? null : c.after().text());
        map.put("removedSentences", c.removedSentences());
        map.put("addedSentences", c.addedSentences());
        map.put("words", c.words().stream().map(HistoryJson::segment).toList());
        map.put("deepLink", c.clause().deepLink());
        return map;
    }

    private static Map<String, Object> segment(DiffSegment s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("op", s.op().name().toLowerCase(Locale.ROOT));
        map.put("text", s.text());
        return map;
    }

    private static Map<String, Object> entry(HistoryEntry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", entry.date().toString());
        map.put("summary", entry.summary());
        if (entry.change() != null) {
            Map<String, Object> change = change(entry.change());
            change.remove("to");
            change.remove("summary");
            map.putAll(change);
        }
        return map;
    }

    private static Map<String, Object> stated(StatedDate stated) {
        if (stated == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", stated.date() == null ? null : stated.date().toString());
        map.put("phrase", stated.phrase());
        return map;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
