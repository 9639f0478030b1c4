package dev.policybot.question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The curated lay-vocabulary map ({@value #RESOURCE}): how people say it ("wipe my stuff", "spits out") → how
 * policies word it ("delete your content", "outputs"). Immutable and thread-safe.
 */
final class Paraphrases {
    static final String RESOURCE = "policybot/paraphrases-en.tsv";

    /**
     * One row.
     *
     * @param when    the lay wording
     * @param wording the policy wording it stands for
     * @param example a question the row must match
     * @param line    line in the resource
     */
    record Row(PatternSet when, List<String> wording, String example, int line) {}

    private final String version;
    private final List<Row> rows = new ArrayList<>();

    Paraphrases(ResourceTable table) {
        this.version = table.version();
        for (ResourceTable.Row row : table.rows()) {
            List<String> wording = ResourceTable.alternatives(row.cell(1));
            if (wording.isEmpty() || row.cell(2).isBlank()) {
                throw row.problem(table.name(), "a row needs a pattern, policy wording and an example");
            }
            try {
                rows.add(new Row(PatternSet.of(row.cell(0)), wording, row.cell(2), row.line()));
            } catch (IllegalArgumentException e) {
                throw row.problem(table.name(), e.getMessage());
            }
        }
    }

    static Paraphrases load() {
        return new Paraphrases(ResourceTable.load(RESOURCE));
    }

    String version() {
        return version;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The rows whose lay wording occurs in {@code text}. */
    List<Row> matching(String text) {
        List<String> words = QueryWords.tokens(text);
        return rows.stream().filter(r -> r.when().matches(words)).toList();
    }

    /** The policy wording of every row that matches {@code text}, without repeats, in file order. */
    List<String> wordingFor(String text) {
        Set<String> wording = new LinkedHashSet<>();
        matching(text).forEach(r -> wording.addAll(r.wording()));
        return List.copyOf(wording);
    }
}
