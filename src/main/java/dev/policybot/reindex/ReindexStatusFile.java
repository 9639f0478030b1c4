package dev.policybot.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.archive.AtomicFiles;
import dev.policybot.config.Secrets;
import dev.policybot.config.YamlFiles;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.port.Reindexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of reindexing, for operators ({@code sources}): when the last reindex ran and how it ended, and per
 * source its last success and last failure with the reason. Kept in {@code reindex-status.json} next to the
 * archive, replaced atomically after every run; a source the run did not read (with {@code --only}) keeps its
 * entry. Holds source names, URLs and reasons only — nothing anyone asked.
 */
public final class ReindexStatusFile {
    public static final String FILE_NAME = "reindex-status.json";
    private static final Logger LOG = LoggerFactory.getLogger(ReindexStatusFile.class);
    private static final ObjectMapper JSON = YamlFiles.json();

    private final Path file;

    /**
     * @param lastRun      when the last reindex ended (ISO instant)
     * @param outcome      "completed", or "failed: reason" when the whole run failed
     * @param changed      sources with a new version in that run
     * @param unchanged    sources read without change
     * @param failed       sources that failed
     * @param clauses      clauses in the index it built (0 when the run failed)
     * @param elapsedMillis how long it took
     * @param sources      every source ever reindexed, in the order last seen
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(
            String lastRun,
            String outcome,
            long changed,
            long unchanged,
            long failed,
            int clauses,
            long elapsedMillis,
            List<SourceHealth> sources) {
        public Status {
            sources = List.copyOf(sources == null ? List.of() : sources);
        }
    }

    /** One source: when it last succeeded, when it last failed and why (ISO instants, or {@code null}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceHealth(String source, String lastSuccess, String lastFailure, String lastFailureReason) {}

    public ReindexStatusFile(Path indexDir) {
        this.file = indexDir.resolve(FILE_NAME);
    }

    /** The reindexer, recording each run's outcome here (also a run that failed as a whole, then rethrown). */
    public Reindexer recording(Reindexer reindexer, Clock clock) {
        return (platform, progress) -> {
            ReindexReport report;
            try {
                report = reindexer.reindex(platform, progress);
            } catch (RuntimeException | Error e) { // an Error too: sources then shows the last check failed
                recordFailedRun(
                        clock.instant(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : Secrets.redact(e.getMessage()));
                throw e;
            }
            record(report, clock.instant());
            return report;
        };
    }

    /** Records a finished run, merging per-source health with what was known before. */
    public void record(ReindexReport report, Instant finished) {
        Map<String, SourceHealth> sources = previousSources();
        for (ReindexReport.SourceOutcome outcome : report.sources()) {
            SourceHealth before = sources.remove(outcome.source());
            sources.put(
                    outcome.source(),
                    outcome.outcome() == ReindexReport.Outcome.FAILED
                            ? new SourceHealth(
                                    outcome.source(),
                                    before == null ? null : before.lastSuccess(),
                                    finished.toString(),
                                    outcome.reason())
                            : new SourceHealth(
                                    outcome.source(),
                                    finished.toString(),
                                    before == null ? null : before.lastFailure(),
                                    before == null ? null : before.lastFailureReason()));
        }
        write(new Status(
                finished.toString(),
                "completed",
                report.count(ReindexReport.Outcome.CHANGED),
                report.count(ReindexReport.Outcome.UNCHANGED),
                report.count(ReindexReport.Outcome.FAILED),
                report.clauses(),
                report.elapsed().toMillis(),
                new ArrayList<>(sources.values())));
    }

    /** Records a run that failed as a whole (the index was not rebuilt); per-source health stays as it was. */
    public void recordFailedRun(Instant finished, String reason) {
        write(new Status(
                finished.toString(),
                "failed: " + reason,
                0,
                0,
                0,
                0,
                0,
                new ArrayList<>(previousSources().values())));
    }

    /** The last status, or empty when no run was recorded (or the file cannot be read, which is logged). */
    /** The last run as {@code sources} shows it; empty when no reindex was recorded. */
    public Optional<ReindexHealth> health() {
        return read().map(s -> new ReindexHealth(
                Instant.parse(s.lastRun()),
                s.outcome(),
                s.changed(),
                s.unchanged(),
                s.failed(),
                s.clauses(),
                s.sources().stream()
                        .map(h -> new ReindexHealth.Source(
                                h.source(), instant(h.lastSuccess()), instant(h.lastFailure()), h.lastFailureReason()))
                        .toList()));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    public Optional<Status> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Status.class));
        } catch (IOException e) {
            LOG.warn("cannot read {} ({}); the reindex health starts afresh", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Map<String, SourceHealth> previousSources() {
        Map<String, SourceHealth> sources = new LinkedHashMap<>();
        read().ifPresent(status -> status.sources().forEach(s -> sources.put(s.source(), s)));
        return sources;
    }

    /** A status that cannot be written must not fail the reindex it describes: logged instead. */
    private void write(Status status) {
        try {
            AtomicFiles.replace(file, JSON.writeValueAsBytes(status));
        } catch (IOException e) {
            LOG.warn("cannot write {} ({}); 'sources' will show an older reindex health", file, e.getMessage());
        }
    }
}
