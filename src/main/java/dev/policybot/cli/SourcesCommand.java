package dev.policybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.policybot.config.YamlFiles;
import dev.policybot.core.SourceStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sources}: platforms and documents with current version date, number of versions, last checked, last error. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "List the archived platforms and documents with their versions and last check.")
public final class SourcesCommand implements Callable<Integer> {
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = JSON, description = "Print JSON: {\"platforms\": [{id, name, documents: [...]}]}.")
    boolean json;

    /** One document in the JSON output. */
    record DocumentJson(String id, String name, String currentVersion, int versions, String lastChecked,
                        String lastError, String url) {
    }

    /** One platform in the JSON output. */
    record PlatformJson(String id, String name, List<DocumentJson> documents) {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        List<SourceStatus> sources = context.sourceCatalog().sources();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(YamlFiles.json().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("platforms", group(sources))));
        } else if (sources.isEmpty()) {
            out.println("Nothing archived yet: run 'reindex' first.");
        } else {
            table(sources, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static List<PlatformJson> group(List<SourceStatus> sources) {
        Map<String, List<SourceStatus>> byPlatform = new LinkedHashMap<>();
        sources.forEach(s -> byPlatform.computeIfAbsent(s.platformId(), k -> new ArrayList<>()).add(s));
        List<PlatformJson> platforms = new ArrayList<>();
        byPlatform.forEach((id, documents) -> platforms.add(new PlatformJson(id, documents.get(0).platform(),
                documents.stream().map(s -> new DocumentJson(s.documentId(), s.document(),
                        s.currentVersion() == null ? null : s.currentVersion().toString(), s.versions(),
                        s.lastChecked() == null ? null : s.lastChecked().toString(), s.lastError(), s.url())).toList())));
        return platforms;
    }

    private static void table(List<SourceStatus> sources, PrintWriter out) {
        out.printf(Locale.ROOT, "%-28s %-30s %-10s %8s  %-20s %s%n", "PLATFORM", "DOCUMENT", "CURRENT", "VERSIONS",
                "LAST CHECKED", "LAST ERROR");
        for (SourceStatus s : sources) {
            out.printf(Locale.ROOT, "%-28.28s %-30.30s %-10s %8d  %-20s %s%n", s.platform(), s.document(),
                    s.currentVersion() == null ? "-" : s.currentVersion(), s.versions(),
                    s.lastChecked() == null ? "-" : s.lastChecked().toString().substring(0, 19).replace('T', ' '),
                    s.lastError() == null ? "" : s.lastError());
        }
        long platforms = sources.stream().map(SourceStatus::platformId).distinct().count();
        out.printf(Locale.ROOT, "%d platforms, %d documents%n", platforms, sources.size());
    }
}
