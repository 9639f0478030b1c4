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
    private AnswerEvaluation.AnswerMetrics answers;
    private Map<String, AnswerEvaluation.AnswerMetrics> answersByCategory = Map.of();
    private Map<String, AnswerEvaluation.AnswerMetrics> baselineByCategory = Map.of();
    private String baselineName;

    public void add(String system, Map<String, Metrics> metrics, long millis) {
        bySystem.put(system, metrics);
        millisBySystem.put(system, millis);
    }

    /** The answers the product gave over {@code system}'s retrieval (see {@link AnswerEvaluation}). */
    public void addAnswers(String system, AnswerEvaluation.AnswerMetrics metrics) {
        this.answeringSystem = system;
        this.answers = metrics;
    }

    /**
     * The answers the product gave, scored one by one, so that outcomes are shown per category; with the answers of a
     * baseline run over the same questions (or none) side by side.
     */
    public void addAnswers(
            String system,
            List<AnswerEvaluation.Answered> answered,
            String baseline,
            List<AnswerEvaluation.Answered> baselineAnswers) {
        addAnswers(system, AnswerEvaluation.AnswerMetrics.of(answered));
        this.answersByCategory = AnswerEvaluation.AnswerMetrics.byCategory(answered);
        this.baselineName = baseline;
        this.baselineByCategory = baselineAnswers == null || baselineAnswers.isEmpty()
                ? Map.of()
                : AnswerEvaluation.AnswerMetrics.byCategory(baselineAnswers);
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
        if (answers != null) {
            Metrics retrieval = bySystem.get(answeringSystem).get(Evaluation.ALL);
            out.append(String.format(
                    Locale.ROOT,
                    "answers over %s: abstain accuracy %.3f (%d of %d unanswerable), "
                            + "citation recall %.3f (%d of %d answerable; retrieval R@3 %.3f), wrongly abstained %d%n",
                    answeringSystem,
                    answers.abstainAccuracy(),
                    answers.abstainedRightly(),
                    answers.unanswerable(),
                    answers.citationRecall(),
                    answers.citationHits(),
                    answers.answerable(),
                    retrieval == null ? Double.NaN : retrieval.r3(),
                    answers.abstainedWrongly()));
            out.append(outcomeTable());
        }
        return out.toString();
    }

    /**
     * Outcomes per category: answerable questions' retrieval R@3, gold cited, declined outright and answered with the
     * closest passages; unanswerable questions answered "not addressed" or with the closest passages (never a
     * confident answer). A baseline's value follows in brackets.
     */
    private String outcomeTable() {
        if (answersByCategory.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(
                "outcomes" + (baselineName == null ? "" : " (baseline in brackets: " + baselineName + ")") + ":\n");
        out.append(String.format(
                Locale.ROOT,
                "%-16s %4s %4s | %-13s %-13s %-13s %-13s | %-13s %-13s%n",
                "category",
                "ans",
                "unan",
                "R@3",
                "gold cited",
                "declined",
                "closest",
                "not-addr/clos",
                "not-addressed"));
        answersByCategory.forEach((category, m) -> {
            AnswerEvaluation.AnswerMetrics b = baselineByCategory.get(category);
            out.append(String.format(
                    Locale.ROOT,
                    "%-16s %4d %4d | %-13s %-13s %-13s %-13s | %-13s %-13s%n",
                    category,
                    m.answerable(),
                    m.unanswerable(),
                    cell(m.retrievalR3(), b == null ? null : b.retrievalR3()),
                    cell(m.citationRecall(), b == null ? null : b.citationRecall()),
                    cell(m.falseAbstainRate(), b == null ? null : b.falseAbstainRate()),
                    cell(
                            share(m.answerableClosest(), m.answerable()),
                            b == null ? null : share(b.answerableClosest(), b.answerable())),
                    cell(m.notConfidentRate(), b == null ? null : b.notConfidentRate()),
                    cell(m.abstainAccuracy(), b == null ? null : b.abstainAccuracy())));
        });
        return out.toString();
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }

    private static String cell(double value, Double baseline) {
        String own = Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
        if (baseline == null || Double.isNaN(value)) {
            return own;
        }
        return own + " (" + (Double.isNaN(baseline) ? "-" : String.format(Locale.ROOT, "%.3f", baseline)) + ")";
    }

    public String json() {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        bySystem.forEach((system, metrics) -> {
            ObjectNode node = root.putObject(system);
            metrics.forEach((category, m) -> node.set(category, json.valueToTree(m)));
            node.put("millis", millisBySystem.get(system));
        });
        if (answers != null) {
            ObjectNode node = root.putObject("answers");
            node.put("system", answeringSystem);
            node.put("abstainAccuracy", answers.abstainAccuracy());
            node.put("citationRecall", answers.citationRecall());
            node.put("falseAbstainRate", answers.falseAbstainRate());
            node.put("notConfidentRate", answers.notConfidentRate());
            node.set("counts", json.valueToTree(answers));
            ObjectNode categories = node.putObject("byCategory");
            answersByCategory.forEach((category, m) -> categories.set(category, json.valueToTree(m)));
            if (!baselineByCategory.isEmpty()) {
                ObjectNode baseline = node.putObject("baseline");
                baselineByCategory.forEach((category, m) -> baseline.set(category, json.valueToTree(m)));
            }
        }
        try {
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
