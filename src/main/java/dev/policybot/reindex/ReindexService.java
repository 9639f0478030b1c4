package dev.policybot.reindex;

import dev.policybot.config.Secrets;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.Source;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Archive;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.domain.port.Reindexer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reindex: read every source, archive what changed, split every archived version into clauses, and rebuild the
 * index from them. One source failing never stops the others; its reason goes into the report.
 */
public final class ReindexService implements Reindexer {
    private static final Logger LOG = LoggerFactory.getLogger(ReindexService.class);

    private final Supplier<List<Source>> sources;
    private final Archive archive;
    private final ClauseSplitter splitter;
    private final ClauseIndexWriter index;
    private final Clock clock;

    public ReindexService(
            Supplier<List<Source>> sources,
            Archive archive,
            ClauseSplitter splitter,
            ClauseIndexWriter index,
            Clock clock) {
        this.sources = sources;
        this.archive = archive;
        this.splitter = splitter;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public ReindexReport reindex(String onlyPlatform, ProgressListener progress) {
        long start = System.nanoTime();
        List<Source> selected = select(sources.get(), onlyPlatform);
        List<ReindexReport.SourceOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            List<ReindexReport.SourceOutcome> read = readAndArchive(selected.get(i), onlyPlatform);
            outcomes.addAll(read);
            progress.progress(i + 1, selected.size(), summary(selected.get(i), read));
        }
        List<PolicyVersion> versions = archive.versions();
        ClauseIndexWriter.IndexStats stats = index.rebuildFrom(versions, splitter);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.info(
                "reindex: {} sources ({} changed, {} unchanged, {} failed), {} versions, {} clauses, {}, in {}",
                outcomes.size(),
                count(outcomes, ReindexReport.Outcome.CHANGED),
                count(outcomes, ReindexReport.Outcome.UNCHANGED),
                count(outcomes, ReindexReport.Outcome.FAILED),
                versions.size(),
                stats.clauses(),
                stats.unchanged() ? "index unchanged" : stats.embedded() + " embedded",
                elapsed);
        return new ReindexReport(outcomes, stats.clauses(), elapsed, stats.unchanged());
    }

    private static List<Source> select(List<Source> all, String onlyPlatform) {
        if (onlyPlatform == null || onlyPlatform.isBlank()) {
            return all;
        }
        List<String> wanted = platforms(onlyPlatform);
        return all.stream().filter(s -> wanted.stream().anyMatch(s::mayHold)).toList();
    }

    /** "soundcloud,spotify" (the platforms of a group) → each platform. */
    private static List<String> platforms(String onlyPlatforms) {
        return java.util.Arrays.stream(onlyPlatforms.split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private List<ReindexReport.SourceOutcome> readAndArchive(Source source, String onlyPlatform) {
        Instant now = clock.instant();
        List<SourceDocument> documents;
        try {
            documents = source.reader().read(archive::validators);
        } catch (RuntimeException e) {
            return List.of(failed(source, e, now));
        }
        List<ReindexReport.SourceOutcome> outcomes = new ArrayList<>();
        for (SourceDocument document : documents) {
            if (onlyPlatform == null || matches(document, onlyPlatform, source)) {
                outcomes.add(archiveOne(document, now));
            }
        }
        return outcomes;
    }

    private static boolean matches(SourceDocument document, String onlyPlatforms, Source source) {
        return platforms(onlyPlatforms).stream().anyMatch(only -> matchesOne(document, only, source));
    }

    private static boolean matchesOne(SourceDocument document, String onlyPlatform, Source source) {
        String wanted = Slugs.of(onlyPlatform);
        return document.platformId().equals(wanted)
                || Slugs.of(document.platform()).equals(wanted)
                || (source.platformId() != null && source.mayHold(onlyPlatform));
    }

    private ReindexReport.SourceOutcome archiveOne(SourceDocument document, Instant now) {
        try {
            Archive.Stored stored = archive.store(document, now);
            return new ReindexReport.SourceOutcome(
                    document.label(),
                    stored.changed() ? ReindexReport.Outcome.CHANGED : ReindexReport.Outcome.UNCHANGED,
                    stored.versions(),
                    stored.newest(),
                    null);
        } catch (RuntimeException e) {
            String reason = reason(e);
            LOG.warn("cannot archive {}: {}", document.label(), reason);
            LOG.debug("cannot archive {}", document.label(), e);
            return new ReindexReport.SourceOutcome(document.label(), ReindexReport.Outcome.FAILED, 0, null, reason);
        }
    }

    private ReindexReport.SourceOutcome failed(Source source, RuntimeException e, Instant now) {
        String reason = reason(e);
        if (e instanceof UserFacingException) {
            LOG.warn("{} failed: {}", source.name(), reason);
        } else {
            // the exception's own message may hold the URL's credentials: the trace only at DEBUG
            LOG.warn(
                    "{} failed unexpectedly ({}): {}",
                    source.name(),
                    e.getClass().getSimpleName(),
                    reason);
            LOG.debug("{} failed unexpectedly", source.name(), e);
        }
        if (source.isOneDocument()) {
            archive.recordFailure(
                    source.platformId(), source.platform(), source.documentId(), source.document(), reason, now);
        }
        return new ReindexReport.SourceOutcome(source.name(), ReindexReport.Outcome.FAILED, 0, null, reason);
    }

    /**
     * The one place a failure reason is made: with credentials masked ({@link Secrets#redact}), so that the report,
     * state.json's last error, reindex-status.json, /sources and the log never show a URL's password or key.
     */
    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : Secrets.redact(message);
    }

    private static String summary(Source source, List<ReindexReport.SourceOutcome> outcomes) {
        if (outcomes.size() == 1) {
            ReindexReport.SourceOutcome o = outcomes.get(0);
            return o.source() + ": " + o.outcome().name().toLowerCase(Locale.ROOT)
                    + (o.reason() == null ? "" : " (" + o.reason() + ")");
        }
        return source.name() + ": " + outcomes.size() + " documents";
    }

    private static long count(List<ReindexReport.SourceOutcome> outcomes, ReindexReport.Outcome outcome) {
        return outcomes.stream().filter(o -> o.outcome() == outcome).count();
    }
}
