package dev.policybot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.eval.AnswerEvaluation;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.EvalReport;
import dev.policybot.eval.EvalRun;
import dev.policybot.eval.Evaluation;
import dev.policybot.eval.Halves;
import dev.policybot.eval.QuestionSetReader;
import dev.policybot.eval.RunOutWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: runs a question set through retrieval systems and prints recall@1/3/5/10 and MRR@10 per system and
 * category, under the scoring rule of ARCHITECTURE.md.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Measures retrieval on a question set (JSON Lines) for one or more systems.")
public final class EvalCommand implements Callable<Integer> {
    public static final String QUESTIONS = "--questions";
    public static final String ARCHIVE = "--archive";
    public static final String SYSTEMS = "--systems";
    public static final String SCOPE = "--scope";
    public static final String K = "--k";
    public static final String RUN_OUT = "--run-out";
    public static final String JSON = "--json";
    public static final String ANSWERS = "--answers";
    public static final String HALF = "--half";
    public static final String BASELINE = "--baseline";
    public static final String NO_ANSWERS = "--no-answers";
    private static final String AUTO = "auto";
    private static final List<String> ANSWERERS = List.of(AUTO, "extractive", "llm", "both");
    private static final String HYBRID = "hybrid";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = QUESTIONS, required = true, description = "Question set in JSON Lines.")
    Path questions;

    @Option(
            names = ARCHIVE,
            description = "Archive folder to index into a temporary index (repeatable); default: the configured index.")
    List<Path> archives = new ArrayList<>();

    @Option(
            names = SYSTEMS,
            split = ",",
            defaultValue = "hybrid,bm25,dense,easyrag",
            description = "Systems to compare (default: ${DEFAULT-VALUE}).")
    List<String> systems;

    @Option(
            names = SCOPE,
            defaultValue = "given",
            description =
                    "given: restrict each question to its service; detect: the system finds the platform (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = K, defaultValue = "10", description = "Clauses retrieved per question (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = RUN_OUT, description = "Write every run as JSON Lines to this file.")
    Path runOut;

    @Option(names = JSON, description = "Print the metrics as JSON.")
    boolean json;

    @Option(
            names = ANSWERS,
            arity = "0..1",
            fallbackValue = AUTO,
            paramLabel = "WHO",
            description = "Also answer every question over the hybrid system and score the answers' outcomes: "
                    + "extractive, llm (the configured language model's), both, or, with no value, extractive and the "
                    + "model's when an LLM is configured (default: so when the set has unanswerable questions).")
    String answers;

    @Option(names = NO_ANSWERS, description = "Score no answers, only retrieval.")
    boolean noAnswers;

    @Option(
            names = "--answers-out",
            description = "Write each answer's score (outcome, relevance, cites gold, "
                    + "retrieval's first gold rank, half) as JSON Lines to this file.")
    Path answersOut;

    @Option(
            names = HALF,
            defaultValue = "all",
            description =
                    "tune: only the tuning half of the set; check: only the "
                            + "check half; all (default). Questions about one platform are split by the platform, cross-platform ones by id.")
    String half;

    @Option(
            names = BASELINE,
            description = "An earlier --answers-out file: its outcome metrics are shown in brackets "
                    + "beside this run's, per category, over the same questions.")
    Path baseline;

    @Override
    public Integer call() {
        Evaluation evaluation = new Evaluation(scope(), checkedK());
        List<String> names = checkedSystems();
        String which = checkedAnswers();
        if (!Files.isRegularFile(questions)) {
            throw UserFacingException.badInput("The question file " + questions + " does not exist.");
        }
        List<EvalQuestion> set = Halves.select(QuestionSetReader.read(questions), checkedHalf());
        EvalReport report = new EvalReport();
        PrintWriter err = spec.commandLine().getErr();
        if (archives.isEmpty()) {
            context.ensureIndex(err);
        }
        try (RetrievalSystems.Opened opened = context.retrievalSystems().open(archives, names);
                RunOutWriter writer = runOut == null ? null : new RunOutWriter(runOut)) {
            err.println(opened.summary());
            Map<String, Integer> hybridRanks = new HashMap<>();
            Consumer<EvalRun> write = writer == null ? run -> {} : writer::write;
            Consumer<EvalRun> sink = run -> {
                write.accept(run);
                if (HYBRID.equals(run.system())) {
                    hybridRanks.put(run.question().id(), run.firstHitRank());
                }
            };
            for (Map.Entry<String, ClauseSearch> system : opened.systems().entrySet()) {
                long start = System.nanoTime();
                List<EvalRun> runs = evaluation.run(system.getKey(), system.getValue(), set, sink);
                report.add(system.getKey(), Evaluation.score(runs), (System.nanoTime() - start) / 1_000_000);
            }
            ClauseSearch hybrid = opened.systems().get(HYBRID);
            if (hybrid != null && answersWanted(set)) {
                List<AnswerEvaluation.Answered> scored = new ArrayList<>();
                for (AnswerEvaluation.Answerer answerer : answerers(hybrid, which)) {
                    List<AnswerEvaluation.Answered> own = new ArrayList<>();
                    new AnswerEvaluation(evaluation.scope()).run(answerer, set, hybridRanks, own::add);
                    report.addAnswers(
                            HYBRID,
                            answerer.name(),
                            own,
                            baseline == null ? null : baseline.toString(),
                            baselineAnswers(set, answerer.name()));
                    reportModelFaults(answerer, own, err);
                    scored.addAll(own);
                }
                writeAnswers(scored);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() + "\n" : report.table());
        out.flush();
        return ExitCodes.OK;
    }

    private void writeAnswers(List<AnswerEvaluation.Answered> scored) {
        if (answersOut == null) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        try {
            for (AnswerEvaluation.Answered answered : scored) {
                lines.append(mapper.writeValueAsString(answered)).append('\n');
            }
            Files.writeString(answersOut, lines);
        } catch (IOException e) {
            throw UserFacingException.badInput("Cannot write " + answersOut + ": " + e.getMessage());
        }
    }

    /** The answerers {@code --answers} asks for; {@code llm} and {@code both} need a configured model. */
    private List<AnswerEvaluation.Answerer> answerers(ClauseSearch hybrid, String which) {
        List<AnswerEvaluation.Answerer> all = context.answerersOver(hybrid, !"extractive".equals(which));
        boolean model = all.stream().anyMatch(AnswerEvaluation.Answerer::model);
        if (!model && ("llm".equals(which) || "both".equals(which))) {
            throw UserFacingException.badInput(ANSWERS + " " + which + " needs a language model: set llm.provider in "
                    + "policybot.yaml or POLICYBOT_LLM_PROVIDER.");
        }
        return "llm".equals(which)
                ? all.stream().filter(AnswerEvaluation.Answerer::model).toList()
                : all;
    }

    private String checkedAnswers() {
        String which = answers == null ? AUTO : answers.strip().toLowerCase(Locale.ROOT);
        if (!ANSWERERS.contains(which)) {
            throw UserFacingException.badInput(ANSWERS + " must be one of " + String.join(", ", ANSWERERS.subList(1, 4))
                    + ", not \"" + answers + "\".");
        }
        return which;
    }

    /** One line for all the questions a model gave no usable reply to (each is scored as its extractive fallback). */
    private static void reportModelFaults(
            AnswerEvaluation.Answerer answerer, List<AnswerEvaluation.Answered> scored, PrintWriter err) {
        List<String> faults = scored.stream()
                .map(AnswerEvaluation.Answered::modelFault)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (!faults.isEmpty()) {
            err.println(answerer.name() + " gave no usable reply to " + faults.size() + " of " + scored.size()
                    + " questions (first: " + faults.get(0) + "); each is scored as the extractive answer shown "
                    + "instead.");
            err.flush();
        }
    }

    private List<AnswerEvaluation.Answered> baselineAnswers(List<EvalQuestion> set, String answerer) {
        if (baseline == null) {
            return List.of();
        }
        if (!Files.isRegularFile(baseline)) {
            throw UserFacingException.badInput("The baseline file " + baseline + " does not exist.");
        }
        return AnswerEvaluation.readAnswers(
                baseline, set.stream().map(EvalQuestion::id).collect(Collectors.toSet()), answerer);
    }

    private Halves.Half checkedHalf() {
        try {
            return Halves.Half.parse(half);
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput(e.getMessage() + ".");
        }
    }

    private boolean answersWanted(List<EvalQuestion> set) {
        if (noAnswers) {
            return false;
        }
        return answers != null || set.stream().anyMatch(q -> !q.answerable());
    }

    private Evaluation.Scope scope() {
        return switch (scope.toLowerCase(Locale.ROOT)) {
            case "given" -> Evaluation.Scope.GIVEN;
            case "detect" -> Evaluation.Scope.DETECT;
            default -> throw UserFacingException.badInput("--scope must be given or detect, not \"" + scope + "\".");
        };
    }

    private int checkedK() {
        if (k < 1 || k > 100) {
            throw UserFacingException.badInput("--k must be between 1 and 100.");
        }
        return k;
    }

    private List<String> checkedSystems() {
        List<String> names = systems.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        for (String name : names) {
            if (!RetrievalSystems.NAMES.contains(name)) {
                throw UserFacingException.badInput("Unknown system \"" + name + "\"; choose from "
                        + String.join(", ", RetrievalSystems.NAMES) + ".");
            }
        }
        return names;
    }
}
