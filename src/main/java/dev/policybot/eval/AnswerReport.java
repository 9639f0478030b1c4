package dev.policybot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scored answers of one run, one block per answerer (the extractive writer, a language model), each per category
 * and beside a baseline run's answers when one is given; side by side when there are several.
 */
final class AnswerReport {
    /** One answerer's answers as scored. */
    record Block(
            String answerer,
            AnswerEvaluation.AnswerMetrics all,
            Map<String, AnswerEvaluation.AnswerMetrics> byCategory,
            Map<String, AnswerEvaluation.AnswerMetrics> baseline,
            ModelAnswerMetrics model) {}

    private final List<Block> blocks = new ArrayList<>();
    private String baselineName;

    void add(
            String answerer,
            List<AnswerEvaluation.Answered> answered,
            String baseline,
            List<AnswerEvaluation.Answered> baselineAnswers) {
        boolean model = answered.stream().anyMatch(a -> a.modelCitations() != null);
        blocks.add(new Block(
                answerer,
                AnswerEvaluation.AnswerMetrics.of(answered),
                AnswerEvaluation.AnswerMetrics.byCategory(answered),
                baselineAnswers == null || baselineAnswers.isEmpty()
                        ? Map.of()
                        : AnswerEvaluation.AnswerMetrics.byCategory(baselineAnswers),
                model ? ModelAnswerMetrics.of(answered) : null));
        baselineName = baseline;
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    List<Block> blocks() {
        return blocks;
    }

    /** For each answerer its summary line (and the model's verification line) and its outcomes per category. */
    String table(String system, double retrievalR3) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            AnswerEvaluation.AnswerMetrics answers = block.all();
            out.append(String.format(
                    Locale.ROOT,
                    "answers over %s%s: abstain accuracy %.3f (%d of %d unanswerable), "
                            + "citation recall %.3f (%d of %d answerable; retrieval R@3 %.3f), wrongly abstained %d%n",
                    system,
                    blocks.size() == 1 && block.model() == null ? "" : " by " + block.answerer(),
                    answers.abstainAccuracy(),
                    answers.abstainedRightly(),
                    answers.unanswerable(),
                    answers.citationRecall(),
                    answers.citationHits(),
                    answers.answerable(),
                    retrievalR3,
                    answers.abstainedWrongly()));
            if (block.model() != null) {
                out.append(modelLine(block.answerer(), block.model()));
            }
            out.append(outcomeTable(block));
        }
        if (blocks.size() > 1) {
            out.append(sideBySide());
        }
        return out.toString();
    }

    private static String modelLine(String answerer, ModelAnswerMetrics m) {
        return String.format(
                Locale.ROOT,
                "%s: verified citations %s (%d of %d cited); shown as the model wrote them %d of %d (declined %d), "
                        + "replaced by the extractive answer after verification %d, no usable reply %d%n",
                answerer,
                number(m.verifiedCitationRate()),
                m.verifiedCitations(),
                m.modelCitations(),
                m.byModel(),
                m.answers(),
                m.declinedByModel(),
                m.replaced(),
                m.noUsableReply());
    }

    /**
     * Outcomes per category: answerable questions' retrieval R@3, gold cited, declined outright and answered with the
     * closest passages; unanswerable questions answered "not addressed" or with the closest passages (never a
     * confident answer). A baseline's value follows in brackets.
     */
    private String outcomeTable(Block block) {
        StringBuilder out = new StringBuilder("outcomes"
                + (blocks.size() == 1 && block.model() == null ? "" : " of " + block.answerer() + " answers")
                + (block.baseline().isEmpty() || baselineName == null
                        ? ""
                        : " (baseline in brackets: " + baselineName + ")")
                + ":\n");
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
        block.byCategory().forEach((category, m) -> {
            AnswerEvaluation.AnswerMetrics b = block.baseline().get(category);
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

    /** Every answerer's totals on the same questions, one row each. */
    private String sideBySide() {
        StringBuilder out = new StringBuilder("answers side by side, same questions:\n");
        out.append(String.format(
                Locale.ROOT,
                "%-16s | %-10s %-8s %-8s %-8s | %-13s %-13s | %s%n",
                "answerer",
                "gold cited",
                "declined",
                "closest",
                "answered",
                "not-addr/clos",
                "not-addressed",
                "verified citations"));
        for (Block block : blocks) {
            AnswerEvaluation.AnswerMetrics m = block.all();
            int answered = m.answerable() - m.abstainedWrongly() - m.answerableClosest();
            out.append(String.format(
                    Locale.ROOT,
                    "%-16s | %-10s %-8s %-8s %-8s | %-13s %-13s | %s%n",
                    block.answerer(),
                    number(m.citationRecall()),
                    number(m.falseAbstainRate()),
                    number(share(m.answerableClosest(), m.answerable())),
                    number(share(answered, m.answerable())),
                    number(m.notConfidentRate()),
                    number(m.abstainAccuracy()),
                    block.model() == null
                            ? "-"
                            : number(block.model().verifiedCitationRate()) + " ("
                                    + block.model().verifiedCitations() + " of "
                                    + block.model().modelCitations()
                                    + ")"));
        }
        return out.toString();
    }

    /** The first block as {@code answers} (as before several answerers were scored), every block under its name. */
    void json(ObjectMapper json, ObjectNode root, String system) {
        Map<String, ObjectNode> byAnswerer = new LinkedHashMap<>();
        for (Block block : blocks) {
            ObjectNode node = json.createObjectNode();
            node.put("system", system);
            node.put("answerer", block.answerer());
            node.put("abstainAccuracy", block.all().abstainAccuracy());
            node.put("citationRecall", block.all().citationRecall());
            node.put("falseAbstainRate", block.all().falseAbstainRate());
            node.put("notConfidentRate", block.all().notConfidentRate());
            node.set("counts", json.valueToTree(block.all()));
            ObjectNode categories = node.putObject("byCategory");
            block.byCategory().forEach((category, m) -> categories.set(category, json.valueToTree(m)));
            if (!block.baseline().isEmpty()) {
                ObjectNode baseline = node.putObject("baseline");
                block.baseline().forEach((category, m) -> baseline.set(category, json.valueToTree(m)));
            }
            if (block.model() != null) {
                ObjectNode model = json.valueToTree(block.model());
                model.put("verifiedCitationRate", block.model().verifiedCitationRate());
                node.set("model", model);
            }
            byAnswerer.put(block.answerer(), node);
        }
        root.set("answers", byAnswerer.values().iterator().next());
        ObjectNode all = root.putObject("answerers");
        byAnswerer.forEach(all::set);
    }

    static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cell(double value, Double baseline) {
        String own = number(value);
        if (baseline == null || Double.isNaN(value)) {
            return own;
        }
        return own + " (" + number(baseline) + ")";
    }
}
