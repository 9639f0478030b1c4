package dev.policybot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The metrics of several systems, per category, side by side: as a text table or as JSON. */
public final class EvalReport {
    private final Map<String, Map<String, Metrics>> bySystem = new LinkedHashMap<>();
    private final Map<String, Long> millisBySystem = new LinkedHashMap<>();
    private String answeringSystem;
    private final AnswerReport answers = new AnswerReport();

    public void add(String system, Map<String, Metrics> metrics, long millis) {
        bySystem.put(system, metrics);
        millisBySystem.put(system, millis);
    }

    /**
     * The answers the product gave over {@code system}'s retrieval, scored one by one, so that outcomes are shown per
     * category; with the answers of a baseline run over the same questions (or none) side by side.
     */
    public void addAnswers(
            String system,
            List<AnswerEvaluation.Answered> answered,
            String baseline,
            List<AnswerEvaluation.Answered> baselineAnswers) {
        addAnswers(system, AnswerEvaluation.EXTRACTIVE, answered, baseline, baselineAnswers);
    }

    /** As above, for one answerer of several ({@code extractive}, {@code llm:<provider>}), shown side by side. */
    public void addAnswers(
            String system,
            String answerer,
            List<AnswerEvaluation.Answered> answered,
            String baseline,
            List<AnswerEvaluation.Answered> baselineAnswers) {
        this.answeringSystem = system;
        answers.add(answerer, answered, baseline, baselineAnswers);
    }

    public Map<String, Map<String, Metrics>> metrics() {
        return bySystem;
    }

    /** One row per category, one column group per system: n, R@1, R@3, R@5, R@10, MRR@10. */
    public String table() {
        Set<String> categories = new LinkedHashSet<>();
        bySystem.values().forEach(m -> categories.addAll(m.keySet()));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-16s %5s", "category", "n"));
        for (String system : bySystem.keySet()) {
            out.append(String.format(Locale.ROOT, " | %-34s", system + "  R@1  R@3  R@5  R@10 MRR"));
        }
        out.append('\n');
        for (String category : categories) {
            int n = bySystem.values().stream()
                    .map(m -> m.get(category))
                    .filter(Objects::nonNull)
                    .mapToInt(Metrics::n)
                    .max()
                    .orElse(0);
            out.append(String.format(Locale.ROOT, "%-16s %5d", category, n));
            for (Map<String, Metrics> metrics : bySystem.values()) {
                Metrics m = metrics.get(category);
                out.append(
                        m == null
                                ? String.format(Locale.ROOT, " | %-34s", "-")
                                : String.format(
                                        Locale.ROOT,
                                        " | %.3f %.3f %.3f %.3f %.3f      ",
                                        m.r1(),
                                        m.r3(),
                                        m.r5(),
                                        m.r10(),
                                        m.mrr10()));
            }
            out.append('\n');
        }
        List<String> times = new ArrayList<>();
        millisBySystem.forEach((system, ms) -> times.add(system + " " + ms / 1000.0 + " s"));
        out.append("time: ").append(String.join(", ", times)).append('\n');
        if (!answers.isEmpty()) {
            Metrics retrieval = bySystem.get(answeringSystem).get(Evaluation.ALL);
            out.append(answers.table(answeringSystem, retrieval == null ? Double.NaN : retrieval.r3()));
        }
        return out.toString();
    }

    public String json() {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        bySystem.forEach((system, metrics) -> {
            ObjectNode node = root.putObject(system);
            metrics.forEach((category, m) -> node.set(category, json.valueToTree(m)));
            node.put("millis", millisBySystem.get(system));
        });
        if (!answers.isEmpty()) {
            answers.json(json, root, answeringSystem);
        }
        try {
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
