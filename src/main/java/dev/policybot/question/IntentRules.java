package dev.policybot.question;

import dev.policybot.domain.Topic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The intent rules ({@value #RESOURCE}): wording in a question → the topics it is about and the kinds of documents
 * that answer it ("my tracks" → licence and ownership, terms; "my data" → privacy). Retrieval uses them as boosts only.
 * Immutable and thread-safe.
 */
final class IntentRules {
    static final String RESOURCE = "policybot/intents-en.tsv";

    /**
     * One rule.
     *
     * @param when           the wording
     * @param topics         topics it points at
     * @param documents      fragments of document slugs it points at
     * @param example        a question it must match
     * @param counterExample a question it must not match, or ""
     * @param line           line in the resource
     */
    record Rule(
            PatternSet when,
            Set<Topic> topics,
            Set<String> documents,
            String example,
            String counterExample,
            int line) {}

    /** What a question is about. */
    record Intent(Set<Topic> topics, Set<String> documents) {
        static final Intent NONE = new Intent(Set.of(), Set.of());
    }

    private final String version;
    private final List<Rule> rules = new ArrayList<>();

    IntentRules(ResourceTable table) {
        this.version = table.version();
        for (ResourceTable.Row row : table.rows()) {
            if (row.cell(3).isBlank()) {
                throw row.problem(table.name(), "a rule needs an example question");
            }
            try {
                Set<Topic> topics = EnumSet.noneOf(Topic.class);
                ResourceTable.alternatives(row.cell(1).replace(',', ';')).forEach(id -> topics.add(Topic.fromId(id)));
                Set<String> documents = new LinkedHashSet<>(
                        ResourceTable.alternatives(row.cell(2).replace(',', ';')));
                if (topics.isEmpty() && documents.isEmpty()) {
                    throw new IllegalArgumentException("a rule needs a topic or a document");
                }
                rules.add(new Rule(
                        PatternSet.of(row.cell(0)),
                        Set.copyOf(topics),
                        Set.copyOf(documents),
                        row.cell(3),
                        row.cell(4),
                        row.line()));
            } catch (RuntimeException e) {
                throw row.problem(table.name(), e.getMessage());
            }
        }
    }

    static IntentRules load() {
        return new IntentRules(ResourceTable.load(RESOURCE));
    }

    String version() {
        return version;
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** The rules that match {@code text}. */
    List<Rule> matching(String text) {
        List<String> words = QueryWords.tokens(text);
        return rules.stream().filter(r -> r.when().matches(words)).toList();
    }

    /** The topics and documents of all matching rules. */
    Intent of(String text) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        Set<String> documents = new LinkedHashSet<>();
        for (Rule rule : matching(text)) {
            topics.addAll(rule.topics());
            documents.addAll(rule.documents());
        }
        return new Intent(Set.copyOf(topics), Set.copyOf(documents));
    }
}
