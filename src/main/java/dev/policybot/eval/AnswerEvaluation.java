package dev.policybot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.Question;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Asker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Asks every question of a set through the product's {@link Asker} and scores the answers (ARCHITECTURE.md) by their
 * {@link Outcome}. For answerable questions: the share whose answer cites a clause holding a gold quote (citation
 * recall, to set beside retrieval's R@3) and the share declined outright (not addressed). For unanswerable ones
 * ({@code gold: []}): the share answered "not addressed" (abstain accuracy) and the share answered "not addressed" or
 * with the closest passages, i.e. never a confident answer.
 */
public final class AnswerEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Evaluation.Scope scope;

    public AnswerEvaluation(Evaluation.Scope scope) {
        this.scope = scope;
    }

    /**
     * The answer metrics of one group of questions.
     *
     * @param unanswerable           questions with no gold
     * @param abstainedRightly       of those, answered "not addressed"
     * @param unanswerableClosest    of those, answered with the closest passages (not sure)
     * @param answerable             questions with gold
     * @param abstainedWrongly       of those, answered "not addressed" all the same (declined outright)
     * @param answerableClosest      of those, answered with the closest passages
     * @param citationHits           of those, answers citing a clause that holds a gold quote (any outcome)
     * @param retrievedTop3          of those, questions whose gold retrieval found in its top 3 (-1 when not known)
     */
    public record AnswerMetrics(
            int unanswerable,
            int abstainedRightly,
            int unanswerableClosest,
            int answerable,
            int abstainedWrongly,
            int answerableClosest,
            int citationHits,
            int retrievedTop3) {
        /** Share of unanswerable questions answered "not addressed". */
        public double abstainAccuracy() {
            return unanswerable == 0 ? Double.NaN : abstainedRightly / (double) unanswerable;
        }

        /** Share of unanswerable questions answered "not addressed" or with the closest passages. */
        public double notConfidentRate() {
            return unanswerable == 0 ? Double.NaN : (abstainedRightly + unanswerableClosest) / (double) unanswerable;
        }

        public double citationRecall() {
            return answerable == 0 ? Double.NaN : citationHits / (double) answerable;
        }

        /** Share of answerable questions declined outright. */
        public double falseAbstainRate() {
            return answerable == 0 ? Double.NaN : abstainedWrongly / (double) answerable;
        }

        public double retrievalR3() {
            return answerable == 0 || retrievedTop3 < 0 ? Double.NaN : retrievedTop3 / (double) answerable;
        }

        /** The metrics of scored answers. */
        public static AnswerMetrics of(List<Answered> answers) {
            int unanswerable = 0;
            int notAddressed = 0;
            int unanswerableClosest = 0;
            int answerable = 0;
            int declined = 0;
            int closest = 0;
            int hits = 0;
            int top3 = 0;
            boolean ranksKnown = true;
            for (Answered a : answers) {
                Outcome outcome = Outcome.ofLabel(a.outcome());
                if (!a.answerable()) {
                    unanswerable++;
                    notAddressed += outcome == Outcome.NOT_ADDRESSED ? 1 : 0;
                    unanswerableClosest += outcome == Outcome.CLOSEST_PASSAGES ? 1 : 0;
                    continue;
                }
                answerable++;
                declined += outcome == Outcome.NOT_ADDRESSED ? 1 : 0;
                closest += outcome == Outcome.CLOSEST_PASSAGES ? 1 : 0;
                hits += a.citesGold() ? 1 : 0;
                ranksKnown &= a.firstHitRank() != null;
                top3 += a.firstHitRank() != null && a.firstHitRank() > 0 && a.firstHitRank() <= 3 ? 1 : 0;
            }
            return new AnswerMetrics(
                    unanswerable,
                    notAddressed,
                    unanswerableClosest,
                    answerable,
                    declined,
                    closest,
                    hits,
                    ranksKnown ? top3 : -1);
        }

        /** Metrics per category (in order of first appearance), then {@link Evaluation#ALL}. */
        public static Map<String, AnswerMetrics> byCategory(List<Answered> answers) {
            Map<String, List<Answered>> groups = new LinkedHashMap<>();
            for (Answered a : answers) {
                groups.computeIfAbsent(a.category() == null ? "-" : a.category(), k -> new ArrayList<>())
                        .add(a);
            }
            Map<String, AnswerMetrics> metrics = new LinkedHashMap<>();
            groups.forEach((category, group) -> metrics.put(category, of(group)));
            metrics.put(Evaluation.ALL, of(answers));
            return metrics;
        }
    }

    /** The name of the product's extractive answers in reports and {@code --answers-out}. */
    public static final String EXTRACTIVE = "extractive";

    /**
     * One way of answering that {@code eval} scores.
     *
     * @param name   {@value #EXTRACTIVE} or the model's mode ({@code llm:<provider>})
     * @param asker  the product's asker with this writer
     * @param drafts what a model's writer drafted before verification, or {@code null} for extractive answers
     */
    public record Answerer(String name, Asker asker, DraftRecorder drafts) {
        public boolean model() {
            return drafts != null;
        }
    }

    /**
     * One question's answer as scored; a line of {@code eval --answers-out}.
     *
     * @param outcome           {@code answered}, {@code closest-passages} or {@code not-addressed}
     * @param relevance         the extractive writer's relevance score (for tuning)
     * @param firstHitRank      1-based rank of retrieval's first gold hit, 0 when none; {@code null} when not known
     * @param half              {@code tune} or {@code check} (see {@link Halves})
     * @param answerer          {@value #EXTRACTIVE} or {@code llm:<provider>} ({@code null} in files written before
     *                          models were scored: extractive)
     * @param mode              the mode of the answer shown: a model's answer replaced after verification, or one
     *                          whose model gave no usable reply, is {@code extractive}
     * @param modelCitations    for a model: the distinct clauses its draft cited; {@code null} for extractive answers
     * @param verifiedCitations for a model: how many of those the verified answer still cites (0 when it was replaced)
     * @param modelFault        for a model that gave no usable reply: the note saying why; else {@code null}
     */
    public record Answered(
            String id,
            String category,
            boolean answerable,
            boolean abstained,
            String outcome,
            double relevance,
            boolean citesGold,
            Integer firstHitRank,
            String half,
            String answerer,
            String mode,
            Integer modelCitations,
            Integer verifiedCitations,
            String modelFault) {
        /** An extractive answer. */
        public Answered(
                String id,
                String category,
                boolean answerable,
                boolean abstained,
                String outcome,
                double relevance,
                boolean citesGold,
                Integer firstHitRank,
                String half) {
            this(
                    id,
                    category,
                    answerable,
                    abstained,
                    outcome,
                    relevance,
                    citesGold,
                    firstHitRank,
                    half,
                    EXTRACTIVE,
                    null,
                    null,
                    null,
                    null);
        }

        /** Whether the model's draft was shown (not replaced after verification, not fallen back before it). */
        public boolean byModel() {
            return mode != null && mode.startsWith(DraftRecorder.MODEL_MODE);
        }
    }

    public AnswerMetrics run(Asker asker, List<EvalQuestion> questions) {
        return run(asker, questions, Map.of(), answered -> {});
    }

    public AnswerMetrics run(Asker asker, List<EvalQuestion> questions, Consumer<Answered> sink) {
        return run(asker, questions, Map.of(), sink);
    }

    /** @param firstHitRanks retrieval's first gold rank per question id (recorded with each answer) */
    public AnswerMetrics run(
            Asker asker, List<EvalQuestion> questions, Map<String, Integer> firstHitRanks, Consumer<Answered> sink) {
        return run(new Answerer(EXTRACTIVE, asker, null), questions, firstHitRanks, sink);
    }

    /** As above, for any answerer; a model's answers also record how many of its citations verification kept. */
    public AnswerMetrics run(
            Answerer answerer,
            List<EvalQuestion> questions,
            Map<String, Integer> firstHitRanks,
            Consumer<Answered> sink) {
        List<Answered> all = new ArrayList<>();
        for (EvalQuestion question : questions) {
            Answer answer = answerer.asker().ask(question(question));
            DraftRecorder.Draft draft = answerer.model() ? answerer.drafts().take() : null;
            Answered answered = new Answered(
                    question.id(),
                    question.category(),
                    question.answerable(),
                    answer.abstained(),
                    answer.outcome().label(),
                    answer.relevance(),
                    citesGold(question, answer.citations()),
                    firstHitRanks.get(question.id()),
                    Halves.of(question).name().toLowerCase(java.util.Locale.ROOT),
                    answerer.name(),
                    answer.mode(),
                    draft == null ? null : draft.citations(),
                    draft == null ? null : verifiedCitations(draft, answer),
                    draft == null || draft.byModel() ? null : faultOf(draft));
            all.add(answered);
            sink.accept(answered);
        }
        return AnswerMetrics.of(all);
    }

    private static String faultOf(DraftRecorder.Draft draft) {
        return draft.note() == null ? "no passage was found to give the model" : draft.note();
    }

    /** The model's citations the shown answer still has: none when verification replaced the draft. */
    private static int verifiedCitations(DraftRecorder.Draft draft, Answer shown) {
        return draft.byModel() && draft.mode().equals(shown.mode())
                ? Math.min(draft.citations(), shown.citations().size())
                : 0;
    }

    /**
     * Answers scored earlier ({@code eval --answers-out}), for comparison; lines written before outcomes existed count
     * as answered or not addressed as their {@code abstained} says.
     *
     * @param ids only these questions (the ones of this run)
     */
    public static List<Answered> readAnswers(Path file, Set<String> ids) {
        return readAnswers(file, ids, EXTRACTIVE);
    }

    /**
     * As above, the answers of one answerer only (lines without an {@code answerer} are extractive).
     *
     * @param answerer {@value #EXTRACTIVE} or {@code llm:<provider>}
     */
    public static List<Answered> readAnswers(Path file, Set<String> ids, String answerer) {
        List<Answered> answers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String id = node.path("id").asText();
                String by = node.path("answerer").asText(EXTRACTIVE);
                if (!ids.contains(id) || !by.equals(answerer)) {
                    continue;
                }
                boolean abstained = node.path("abstained").asBoolean();
                String outcome = node.hasNonNull("outcome")
                        ? node.get("outcome").asText()
                        : Outcome.of(abstained).label();
                Integer rank = node.hasNonNull("firstHitRank")
                        ? node.get("firstHitRank").asInt()
                        : null;
                answers.add(new Answered(
                        id,
                        node.path("category").asText(null),
                        node.path("answerable").asBoolean(),
                        abstained,
                        outcome,
                        node.path("relevance").asDouble(Double.NaN),
                        node.path("citesGold").asBoolean(),
                        rank,
                        node.path("half").asText(null),
                        by,
                        node.path("mode").asText(null),
                        node.hasNonNull("modelCitations")
                                ? node.get("modelCitations").asInt()
                                : null,
                        node.hasNonNull("verifiedCitations")
                                ? node.get("verifiedCitations").asInt()
                                : null,
                        node.path("modelFault").asText(null)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw UserFacingException.badInput("Cannot read the baseline answers " + file + ": " + e.getMessage());
        }
        return answers;
    }

    Question question(EvalQuestion question) {
        String platform =
                scope == Evaluation.Scope.GIVEN && !question.anyService() ? Slugs.of(question.service()) : null;
        return new Question(question.question(), platform, question.asOf());
    }

    static boolean citesGold(EvalQuestion question, List<Citation> citations) {
        return citations.stream()
                .anyMatch(c -> question.gold().stream().anyMatch(g -> QuoteMatcher.hits(c.clause(), g)));
    }
}
