package dev.policybot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.policybot.config.YamlFiles;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.SourceStatus;
import dev.policybot.reindex.ReindexHealth;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sources}: platforms and documents with current version date, number of versions, last checked, last error;
 * then the reindex health: the last run and each source's last success and last failure.
 */
@Command(
        name = "sources",
        mixinStandardHelpOptions = true,
        description = "List the archived platforms and documents with their versions and last check.")
public final class SourcesCommand implements Callable<Integer> {
    public static final String JSON = "--json";

    @ParentCommand
    CliContext context;

    @Spec
    CommandSpec spec;

    @Option(
            names = JSON,
            description = "Print JSON: {\"platforms\": [{id, name, documents: [...]}], \"groups\": [{id, aliases, "
                    + "platforms}], \"health\": {...}}.")
    boolean json;

    /**
     * One document in the JSON output.
     *
     * @param lastLiveFetch   when it was last fetched live with success, or {@code null} (never)
     * @param shippedSnapshot the date of the snapshot it shipped in, or {@code null}
     * @param needsChromium   whether its configured page is rendered with Chromium ({@code executeClientScripts})
     */
    record DocumentJson(
            String id,
            String name,
            String currentVersion,
            int versions,
            String lastChecked,
            String lastError,
            String url,
            String lastLiveFetch,
            String shippedSnapshot,
            boolean needsChromium) {}

    /** One platform in the JSON output. */
    record PlatformJson(String id, String name, List<DocumentJson> documents) {}

    /** The health block in the JSON output. */
    record HealthJson(
            String lastRun,
            String outcome,
            long changed,
            long unchanged,
            long failed,
            int clauses,
            List<SourceHealthJson> sources) {}

    /** One source in the health block. */
    record SourceHealthJson(
            String source, String state, String lastSuccess, String lastFailure, String lastFailureReason) {}

    @Override
    public Integer call() throws JsonProcessingException {
        List<SourceStatus> sources = context.sourceCatalog().sources();
        Set<String> chromium = context.clientRenderedDocuments();
        Optional<ReindexHealth> health = context.reindexHealth();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("platforms", group(sources, chromium));
            document.put("groups", groupsJson(context.platformGroups()));
            document.put("health", health.map(SourcesCommand::healthJson).orElse(null));
            out.println(YamlFiles.json()
                    .copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(document));
        } else {
            if (sources.isEmpty()) {
                out.println("Nothing archived yet: run 'reindex' first.");
            } else {
                table(sources, chromium, out);
            }
            groups(context.platformGroups(), out);
            health(health, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** One line per group: its name and platforms (for {@code compare --group}, {@code --only} and alerts). */
    private static void groups(List<PlatformGroup> groups, PrintWriter out) {
        if (groups.isEmpty()) {
            return;
        }
        out.println();
        out.println("Groups (compare --group, reindex --only, alerts.platforms):");
        for (PlatformGroup group : groups) {
            out.printf(Locale.ROOT, "  %-12s %s%n", group.id(), String.join(", ", group.platformIds()));
        }
    }

    private static List<Map<String, Object>> groupsJson(List<PlatformGroup> groups) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (PlatformGroup group : groups) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", group.id());
            entry.put("aliases", group.aliases());
            entry.put("platforms", group.platformIds());
            json.add(entry);
        }
        return json;
    }

    private static HealthJson healthJson(ReindexHealth h) {
        return new HealthJson(
                h.lastRun().toString(),
                h.outcome(),
                h.changed(),
                h.unchanged(),
                h.failed(),
                h.clauses(),
                h.sources().stream()
                        .map(s -> new SourceHealthJson(
                                s.name(),
                                s.failing() ? "failing" : "ok",
                                text(s.lastSuccess()),
                                text(s.lastFailure()),
                                s.lastFailureReason()))
                        .toList());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The health block: the last run, then one line per source, failing ones first. */
    private static void health(Optional<ReindexHealth> health, PrintWriter out) {
        out.println();
        if (health.isEmpty()) {
            out.println("Health: no reindex recorded yet.");
            return;
        }
        ReindexHealth h = health.get();
        out.printf(
                Locale.ROOT,
                "Health: last reindex %s, %s%s%n",
                time(h.lastRun()),
                h.outcome(),
                h.outcome().equals("completed")
                        ? String.format(
                                Locale.ROOT,
                                " (%d changed, %d unchanged, %d failed; %d clauses indexed)",
                                h.changed(),
                                h.unchanged(),
                                h.failed(),
                                h.clauses())
                        : "");
        List<ReindexHealth.Source> ordered = new ArrayList<>(h.sources());
        ordered.sort(Comparator.comparing((ReindexHealth.Source s) -> !s.failing()));
        for (ReindexHealth.Source s : ordered) {
            out.printf(
                    Locale.ROOT,
                    "  %-7s %-40.40s last success %-19s last failure %-19s%s%n",
                    s.failing() ? "FAILING" : "ok",
                    s.name(),
                    time(s.lastSuccess()),
                    time(s.lastFailure()),
                    s.lastFailureReason() == null ? "" : "  " + s.lastFailureReason());
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.toString().substring(0, 19).replace('T', ' ');
    }

    static List<PlatformJson> group(List<SourceStatus> sources, Set<String> chromium) {
        Map<String, List<SourceStatus>> byPlatform = new LinkedHashMap<>();
        sources.forEach(s -> byPlatform
                .computeIfAbsent(s.platformId(), k -> new ArrayList<>())
                .add(s));
        List<PlatformJson> platforms = new ArrayList<>();
        byPlatform.forEach((id, documents) -> platforms.add(new PlatformJson(
                id,
                documents.get(0).platform(),
                documents.stream()
                        .map(s -> new DocumentJson(
                                s.documentId(),
                                s.document(),
                                s.currentVersion() == null
                                        ? null
                                        : s.currentVersion().toString(),
                                s.versions(),
                                s.lastChecked() == null ? null : s.lastChecked().toString(),
                                s.lastError(),
                                s.url(),
                                text(s.lastFetched()),
                                s.shipped() == null ? null : s.shipped().toString(),
                                chromium.contains(s.documentKey())))
                        .toList())));
        return platforms;
    }

    /**
     * The newest archived version, when the document was last fetched live (or that it never was, only shipped),
     * whether its page needs Chromium, and the last error.
     */
    private static void table(List<SourceStatus> sources, Set<String> chromium, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%-28s %-30s %-10s %8s  %-37s %-8s %s%n",
                "PLATFORM",
                "DOCUMENT",
                "CURRENT",
                "VERSIONS",
                "LAST LIVE FETCH",
                "CHROMIUM",
                "LAST ERROR");
        for (SourceStatus s : sources) {
            out.printf(
                    Locale.ROOT,
                    "%-28.28s %-30.30s %-10s %8d  %-37s %-8s %s%n",
                    s.platform(),
                    s.document(),
                    s.currentVersion() == null ? "-" : s.currentVersion(),
                    s.versions(),
                    lastLiveFetch(s),
                    chromium.contains(s.documentKey()) ? "needed" : "",
                    s.lastError() == null ? "" : s.lastError());
        }
        long platforms =
                sources.stream().map(SourceStatus::platformId).distinct().count();
        long needChromium =
                sources.stream().filter(s -> chromium.contains(s.documentKey())).count();
        out.printf(
                Locale.ROOT,
                "%d platforms, %d documents%s%n",
                platforms,
                sources.size(),
                needChromium == 0
                        ? ""
                        : "; " + needChromium + " need Chromium to be fetched live (see the README, \"Chromium\")");
    }

    /** "2026-12-02 10:00:00", "never: shipped snapshot of 2026-08-22", or "never". */
    private static String lastLiveFetch(SourceStatus s) {
        if (s.lastFetched() != null) {
            return time(s.lastFetched());
        }
        return s.shipped() == null ? "never" : "never: shipped snapshot of " + s.shipped();
    }
}
