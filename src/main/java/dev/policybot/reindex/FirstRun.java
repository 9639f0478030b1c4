package dev.policybot.reindex;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.port.Archive;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.domain.port.Reindexer;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first command on a machine without an index (ask, search, eval, the bot) builds it from the archive that
 * ships with PolicyBot, offline: no source is fetched, so the first answer never waits for, or fails with, the
 * network. Live fetching is for {@code reindex}, {@code /reindex} and the scheduled check.
 */
public final class FirstRun {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRun.class);

    private final BooleanSupplier indexExists;
    private final Archive archive;
    private final Reindexer archiveOnly;

    /**
     * @param indexExists whether a built index is there already
     * @param archive     the archived versions (the shipped snapshot and whatever was fetched since)
     * @param archiveOnly a reindex that reads no source: it splits the archived versions and builds the index
     */
    public FirstRun(BooleanSupplier indexExists, Archive archive, Reindexer archiveOnly) {
        this.indexExists = indexExists;
        this.archive = archive;
        this.archiveOnly = archiveOnly;
    }

    /**
     * Builds the index when there is none, telling {@code notes} what it does.
     *
     * @return the build's report, or empty when an index existed or nothing is archived to build it from
     */
    public Optional<ReindexReport> ensureIndex(Consumer<String> notes) {
        if (indexExists.getAsBoolean()) {
            return Optional.empty();
        }
        List<PolicyVersion> versions = archive.versions();
        if (versions.isEmpty()) {
            notes.accept("No index and nothing archived yet: run 'reindex' to fetch the sources.");
            return Optional.empty();
        }
        long documents =
                versions.stream().map(PolicyVersion::documentKey).distinct().count();
        notes.accept("No index yet: building it from the archive (" + versions.size() + " versions of " + documents
                + " documents, offline; first run only)...");
        LOG.info("First run: building the index from {} archived versions of {} documents", versions.size(), documents);
        ReindexReport report = archiveOnly.reindex(null, ProgressListener.NONE);
        notes.accept(String.format(
                java.util.Locale.ROOT,
                "Indexed %d clauses in %.0f s.",
                report.clauses(),
                report.elapsed().toMillis() / 1000.0));
        return Optional.of(report);
    }
}
