package dev.policybot.cli;

import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ChangeQuery;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.input.TopicNames;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code policybot changes PLATFORM}: what changed between two versions of a platform's documents. */
@Command(
        name = "changes",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what changed between two archived versions, clause by clause: added, removed, changed "
                    + "(word by word) and formatting-only, with topics and whether the document's own date changed.",
            "Default: the newest two versions of each document, and a list of earlier changes."
        })
public final class ChangesCommand implements Callable<Integer> {
    public static final String DOCUMENT = PlatformDocument.DOCUMENT;
    public static final String FROM = "--from";
    public static final String TO = "--to";
    public static final String TOPIC = "--topic";
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    PlatformDocument about;

    @Option(
            names = FROM,
            paramLabel = "DATE",
            description = "Compare from the version in force on this day "
                    + "(YYYY-MM-DD). Default: the version before the --to version.")
    LocalDate from;

    @Option(
            names = TO,
            paramLabel = "DATE",
            description = "Compare to the version in force on this day " + "(YYYY-MM-DD). Default: the newest version.")
    LocalDate to;

    @Option(
            names = TOPIC,
            paramLabel = "T",
            description = "Only changes on this topic (e.g. ai-training, ai, "
                    + "content-licence, arbitration). Without dates: the newest change on it.")
    String topic;

    @Option(names = JSON, description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Set<Topic> topics = TopicNames.parse(topic);
        List<ChangeResult> results =
                context.historyService().changes(new ChangeQuery(about.platform, about.document, from, to, topics));
        String output = json ? HistoryJson.changes(results) : ChangesText.render(results);
        spec.commandLine().getOut().print(output);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
