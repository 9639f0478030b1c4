package dev.policybot.reindex;

import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.history.ChangeAlertService;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduled policy-change check: every {@code interval}, reindex all sources, then alert what changed.
 * One named daemon thread; a zero or negative interval turns the schedule off. A failed run, even one that ends in
 * an {@link Error}, is logged with an incident id and the next run still happens.
 */
public final class ChangeCheckScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeCheckScheduler.class);
    public static final String THREAD_NAME = "policy-change-check";

    private final Reindexer reindexer;
    private final ChangeAlertService alerts;
    private final Duration interval;
    private final ScheduledExecutorService executor;

    public ChangeCheckScheduler(Reindexer reindexer, ChangeAlertService alerts, Duration interval) {
        this(reindexer, alerts, interval, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** With an executor the caller owns (tests capture the schedule this way); {@link #close()} shuts it down. */
    public ChangeCheckScheduler(
            Reindexer reindexer, ChangeAlertService alerts, Duration interval, ScheduledExecutorService executor) {
        this.reindexer = Objects.requireNonNull(reindexer, "reindexer");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Schedules the check every interval, the first one interval from now; does nothing when the interval is off. */
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Scheduled policy-change checks are off");
            return;
        }
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("Checking the sources for policy changes every {}", interval);
    }

    /** One check: reindex, then alert. Never throws, so that the schedule goes on. */
    void runOnce() {
        try {
            ReindexReport report = reindexer.reindex(null, ProgressListener.NONE);
            ChangeAlertService.CheckReport check = alerts.afterReindex(report);
            LOG.info(
                    "Scheduled check: {} sources changed, {} unchanged, {} failed; {} alerts sent",
                    report.count(ReindexReport.Outcome.CHANGED),
                    report.count(ReindexReport.Outcome.UNCHANGED),
                    report.count(ReindexReport.Outcome.FAILED),
                    check.alerted());
        } catch (UserFacingException e) {
            LOG.warn("Scheduled policy-change check did not run: {}", e.getMessage());
        } catch (Throwable e) { // an Error too: scheduleWithFixedDelay would cancel every later run
            LOG.error(
                    "Scheduled policy-change check failed (incident {}); the next check runs as scheduled",
                    newIncidentId(),
                    e);
        }
    }

    private static String newIncidentId() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
