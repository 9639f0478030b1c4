package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import dev.policybot.archive.DatedArchive;
import dev.policybot.domain.ReindexReport;
import dev.policybot.fakes.CapturedLogs;
import dev.policybot.reindex.ChangeCheckScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule is captured, not waited for: the test runs the scheduled task itself. */
class ChangeCheckSchedulerTest {

    @TempDir
    Path dir;

    private final CapturingExecutor executor = new CapturingExecutor();
    private final ChangeAlertServiceTest.RecordingSink sink = new ChangeAlertServiceTest.RecordingSink();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void scheduled_run_reindexes_then_alerts_the_new_version_once() throws IOException {
        // given an archive with one version, already seen, and a reindex that brings the next one
        Path archive = dir.resolve("archive");
        copy(archive, "2023-01-10");
        ChangeAlertService alerts = alerts(archive);
        alerts.check();
        ChangeCheckScheduler scheduler = new ChangeCheckScheduler(
                (only, progress) -> {
                    copy(archive, "2024-02-07");
                    return ChangeAlertServiceTest.report(ReindexReport.Outcome.CHANGED);
                },
                alerts,
                Duration.ofDays(1),
                executor);

        // when
        scheduler.start();
        executor.task.run();
        executor.task.run();

        // then
        assertThat(executor.delayMillis).isEqualTo(Duration.ofDays(1).toMillis());
        assertThat(sink.posted).hasSize(1);
    }

    @Test
    void zero_interval_schedules_nothing() {
        ChangeCheckScheduler scheduler = new ChangeCheckScheduler(
                (only, progress) -> {
                    throw new AssertionError("not called");
                },
                alerts(dir),
                Duration.ZERO,
                executor);

        scheduler.start();

        assertThat(executor.task).isNull();
    }

    @Test
    void a_failing_run_does_not_stop_the_schedule() {
        ChangeCheckScheduler scheduler = new ChangeCheckScheduler(
                (only, progress) -> {
                    throw new IllegalStateException("network down");
                },
                alerts(dir),
                Duration.ofHours(6),
                executor);
        scheduler.start();

        assertThatCode(executor.task::run).doesNotThrowAnyException();
    }

    @Test
    void a_run_that_ends_in_an_error_is_logged_with_an_incident_id_and_the_next_run_still_happens() {
        // given a reindex that fails with an Error, not an exception
        AtomicInteger runs = new AtomicInteger();
        ChangeCheckScheduler scheduler = new ChangeCheckScheduler(
                (only, progress) -> {
                    runs.incrementAndGet();
                    throw new LinkageError("class went missing");
                },
                alerts(dir),
                Duration.ofHours(6),
                executor);
        scheduler.start();

        try (CapturedLogs logs = CapturedLogs.attach()) {
            // when it runs twice
            assertThatCode(executor.task::run).doesNotThrowAnyException();
            assertThatCode(executor.task::run).doesNotThrowAnyException();

            // then both runs happened, and each failure is logged as an incident
            assertThat(runs).hasValue(2);
            assertThat(logs.lines(Level.ERROR))
                    .hasSize(2)
                    .allMatch(line ->
                            line.matches(".*Scheduled policy-change check failed \\(incident [0-9a-f]{8}\\).*"));
        }
    }

    private ChangeAlertService alerts(Path archive) {
        DatedArchive source = new DatedArchive(archive);
        return new ChangeAlertService(source, source, Fixtures.differ(), sink, FileAlertLedger.in(dir), Set.of());
    }

    private static void copy(Path archive, String date) {
        try {
            Path target = archive.resolve("tunecloud/terms-of-service/" + date + ".md");
            Files.createDirectories(target.getParent());
            Files.copy(Fixtures.ARCHIVE.resolve("tunecloud/terms-of-service/" + date + ".md"), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the periodic task and its delay instead of running it. */
    static final class CapturingExecutor extends ScheduledThreadPoolExecutor {
        Runnable task;
        long delayMillis;

        CapturingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            task = command;
            delayMillis = unit.toMillis(delay);
            return null;
        }
    }
}
