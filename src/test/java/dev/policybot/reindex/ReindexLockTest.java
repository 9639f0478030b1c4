package dev.policybot.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.domain.port.Reindexer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexLockTest {
    private static final Instant STARTED = Instant.parse("2026-08-20T09:00:00Z");
    private static final ReindexReport DONE = new ReindexReport(List.of(), 0, Duration.ZERO);

    @TempDir
    Path index;

    @Test
    void a_reindex_asked_for_while_one_runs_is_told_since_when_and_does_not_run() {
        // given a reindex that, while it runs, has a second one asked for
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Reindexer> locked = new AtomicReference<>();
        AtomicReference<Throwable> second = new AtomicReference<>();
        locked.set(new ReindexLock(index, Clock.fixed(STARTED, ZoneOffset.UTC)).around((platform, progress) -> {
            runs.incrementAndGet();
            try {
                locked.get().reindex(null, ProgressListener.NONE);
            } catch (RuntimeException e) {
                second.set(e);
            }
            return DONE;
        }));

        // when
        locked.get().reindex(null, ProgressListener.NONE);

        // then the second did not run and said why
        assertThat(runs).hasValue(1);
        assertThat(second.get())
                .isInstanceOf(UserFacingException.class)
                .hasMessage("A reindex is running since 2026-08-20T09:00:00Z; try again when it has finished.");
        assertThat(index.resolve(".reindex.lock")).isRegularFile();
    }

    @Test
    void the_lock_is_given_back_when_a_reindex_ends_even_in_a_failure() {
        AtomicInteger runs = new AtomicInteger();
        Reindexer failing = new ReindexLock(index, Clock.fixed(STARTED, ZoneOffset.UTC))
                .around((platform, progress) -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("disk full");
                });

        assertThatThrownBy(() -> failing.reindex(null, ProgressListener.NONE)).hasMessage("disk full");
        assertThatThrownBy(() -> failing.reindex(null, ProgressListener.NONE)).hasMessage("disk full");

        assertThat(runs).hasValue(2);
    }

    @Test
    void a_reindex_in_another_process_holds_the_lock_until_it_ends() throws Exception {
        // given another process reindexing the same index folder
        Path holding = index.resolve("holding");
        Path release = index.resolve("release");
        Process other = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReindexLockHolder.class.getName(),
                        index.toString(),
                        holding.toString(),
                        release.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        AtomicInteger runs = new AtomicInteger();
        Reindexer here = new ReindexLock(index, Clock.fixed(STARTED, ZoneOffset.UTC)).around((platform, progress) -> {
            runs.incrementAndGet();
            return DONE;
        });
        try {
            awaitFile(holding, other);

            // when this process asks for a reindex, then again after the other has finished
            assertThatThrownBy(() -> here.reindex(null, ProgressListener.NONE))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("A reindex is running since 20")
                    .hasMessageEndingWith("; try again when it has finished.");
            Files.writeString(release, "go");
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            here.reindex(null, ProgressListener.NONE);

            // then only the second one ran here
            assertThat(runs).hasValue(1);
        } finally {
            other.destroyForcibly();
            Files.deleteIfExists(holding);
            Files.deleteIfExists(release);
        }
    }

    private static void awaitFile(Path file, Process writer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) && writer.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(file).as("the other process holds the lock").exists();
    }
}
