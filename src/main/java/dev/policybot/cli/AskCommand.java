package dev.policybot.cli;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.Slugs;
import dev.policybot.input.AsOfDates;
import dev.policybot.input.Questions;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ask "QUESTION" [--platform P] [--as-of YYYY-MM-DD] [--json]}: answers from the policies, with citations. */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = "Answers a question from the indexed policies, quoting them with numbered citations.")
public final class AskCommand implements Callable<Integer> {
    public static final String PLATFORM = "--platform";
    public static final String AS_OF = "--as-of";
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Option(
            names = PLATFORM,
            paramLabel = "P",
            description =
                    "Only this platform (e.g. soundcloud); " + "by default the platform named in the question, or all.")
    String platform;

    @Option(names = AS_OF, paramLabel = "YYYY-MM-DD", description = "Answer from the versions in force on this day.")
    String asOf;

    @Option(names = JSON, description = "Print the answer as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Question parsed = new Question(questionText(), platformId(), day());
        PrintWriter out = spec.commandLine().getOut();
        context.ensureIndex(spec.commandLine().getErr());
        Answer answer = context.asker().ask(parsed);
        out.print(json ? AnswerRendering.json(answer) : AnswerRendering.text(answer));
        out.flush();
        return 0;
    }

    private String questionText() {
        return Questions.check(question);
    }

    private String platformId() {
        return platform == null || platform.isBlank() ? null : Slugs.of(platform);
    }

    private LocalDate day() {
        return AsOfDates.parse(AS_OF, asOf);
    }
}
