package dev.policybot.cli;

import dev.policybot.domain.Comparison;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.input.AsOfDates;
import dev.policybot.input.Questions;
import dev.policybot.input.TopicNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code compare [QUESTION] [--topic T] [--platforms a,b | --group G] [--as-of DATE] [--json]}. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Answers one topic or question per platform: the clauses that address it (quoted, cited, linked), the "
                    + "version, the last change on the topic and whether the document's own date changed with it; "
                    + "or 'not addressed in' the documents searched.",
            "Default: every indexed platform. Groups are listed by 'sources'."
        })
public final class CompareCommand implements Callable<Integer> {
    public static final String TOPIC = "--topic";
    public static final String PLATFORMS = "--platforms";
    public static final String GROUP = "--group";
    public static final String AS_OF = "--as-of";
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "QUESTION",
            description = "A question to ask each platform, in quotes (or use --topic).")
    String question;

    @Option(
            names = TOPIC,
            paramLabel = "T",
            description = "The topic (ai-training, content-licence, deletion-retention, age-limits, arbitration, …).")
    String topic;

    @Option(
            names = PLATFORMS,
            split = ",",
            paramLabel = "P",
            description = "Platforms (names, slugs, aliases or group names), comma-separated.")
    List<String> platforms = new ArrayList<>();

    @Option(names = GROUP, paramLabel = "G", description = "A group of platforms from sources.yaml (e.g. music).")
    String group;

    @Option(names = AS_OF, paramLabel = "YYYY-MM-DD", description = "Compare the versions in force on this day.")
    String asOf;

    @Option(names = JSON, description = "Print JSON: one entry per platform.")
    boolean json;

    @Override
    public Integer call() {
        Comparison.Request request = new Comparison.Request(
                topic(), question == null ? null : Questions.check(question), platforms, group, day(), null);
        context.ensureIndex(spec.commandLine().getErr());
        Comparison comparison = context.comparer().compare(request);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? CompareRendering.json(comparison) : CompareRendering.text(comparison));
        out.flush();
        return ExitCodes.OK;
    }

    private Topic topic() {
        Set<Topic> topics = TopicNames.parse(topic);
        if (topics.size() > 1) {
            throw UserFacingException.badInput("'" + topic + "' means several topics; compare one of: "
                    + topics.stream().map(Topic::id).sorted().toList() + ".");
        }
        return topics.isEmpty() ? null : topics.iterator().next();
    }

    private java.time.LocalDate day() {
        return AsOfDates.parse(AS_OF, asOf);
    }
}
