package dev.policybot.cli;

import dev.policybot.domain.change.DocumentHistory;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code policybot history PLATFORM}: the archived versions of a platform's documents, with what changed in each. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Lists the archived versions of a platform's documents, newest first, each with a one-line "
                + "summary: clauses added, removed and changed, the topics touched, and silent changes.")
public final class HistoryCommand implements Callable<Integer> {
    public static final String DOCUMENT = PlatformDocument.DOCUMENT;
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    PlatformDocument about;

    @Option(names = JSON, description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        List<DocumentHistory> histories = context.historyService().history(about.platform, about.document);
        String output = json ? HistoryJson.history(histories) : HistoryText.render(histories);
        spec.commandLine().getOut().print(output);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
