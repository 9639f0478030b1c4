package dev.policybot.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.ReindexReport.Outcome;
import dev.policybot.domain.ReindexReport.SourceOutcome;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Reindexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexStatusFileTest {
    private static final Instant DAY1 = Instant.parse("2026-08-20T09:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-08-21T09:00:00Z");
    private static final Instant DAY3 = Instant.parse("2026-08-22T09:00:00Z");

    @TempDir
    Path index;

    private static ReindexReport report(SourceOutcome... outcomes) {
        return new ReindexReport(List.of(outcomes), 42, Duration.ofMillis(1500));
    }

    private static SourceOutcome ok(String source) {
        return new SourceOutcome(source, Outcome.UNCHANGED, 1, null, null);
    }

    private static SourceOutcome failed(String source, String reason) {
        return new SourceOutcome(source, Outcome.FAILED, 0, null, reason);
    }

    @Test
    void eachSourceKeepsItsLastSuccessAndItsLastFailureAcrossRuns() throws IOException {
        ReindexStatusFile status = new ReindexStatusFile(index);

        status.record(report(ok("Tunebox · Terms"), ok("Beatly · Privacy")), DAY1);
        status.record(
                report(
                        failed("Tunebox · Terms", "https://tunebox.example/terms: HTTP 500"),
                        ok("Beatly · Privacy"),
                        new SourceOutcome("Zoomly · Terms", Outcome.CHANGED, 1, null, null)),
                DAY2);
        status.record(report(ok("Tunebox · Terms")), DAY3);

        ReindexStatusFile.Status read = new ReindexStatusFile(index).read().orElseThrow();
        assertThat(read.lastRun()).isEqualTo(DAY3.toString());
        assertThat(read.outcome()).isEqualTo("completed");
        assertThat(read.unchanged()).isEqualTo(1);
        assertThat(read.clauses()).isEqualTo(42);
        assertThat(read.sources())
                .containsExactlyInAnyOrder(
                        new ReindexStatusFile.SourceHealth(
                                "Tunebox · Terms",
                                DAY3.toString(),
                                DAY2.toString(),
                                "https://tunebox.example/terms: HTTP 500"),
                        new ReindexStatusFile.SourceHealth("Beatly · Privacy", DAY2.toString(), null, null),
                        new ReindexStatusFile.SourceHealth("Zoomly · Terms", DAY2.toString(), null, null));
        try (Stream<Path> files = Files.list(index)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ReindexStatusFile.FILE_NAME);
        }
    }

    @Test
    void aRunThatFailsAsAWholeIsRecordedAndStillThrown() {
        ReindexStatusFile status = new ReindexStatusFile(index);
        status.record(report(ok("Tunebox · Terms")), DAY1);
        Reindexer broken = (platform, progress) -> {
            throw UserFacingException.failure("cannot write the index: no space left on device", null);
        };

        Reindexer recording = status.recording(broken, Clock.fixed(DAY2, ZoneOffset.UTC));

        assertThatThrownBy(() -> recording.reindex(null, (d, t, w) -> {})).hasMessageContaining("no space left");
        ReindexStatusFile.Status read = status.read().orElseThrow();
        assertThat(read.lastRun()).isEqualTo(DAY2.toString());
        assertThat(read.outcome()).isEqualTo("failed: cannot write the index: no space left on device");
        assertThat(read.sources())
                .extracting(ReindexStatusFile.SourceHealth::lastSuccess)
                .containsExactly(DAY1.toString());
    }

    @Test
    void anUnreadableStatusStartsAfreshInsteadOfFailingTheReindex() throws IOException {
        Files.writeString(index.resolve(ReindexStatusFile.FILE_NAME), "{ half a fi");
        ReindexStatusFile status = new ReindexStatusFile(index);

        assertThat(status.read()).isEmpty();
        status.recording((platform, progress) -> report(ok("Tunebox · Terms")), Clock.fixed(DAY1, ZoneOffset.UTC))
                .reindex(null, (d, t, w) -> {});

        assertThat(status.read().orElseThrow().sources()).hasSize(1);
    }

    @Test
    void aRunThatEndsInAnErrorIsRecordedAsFailedSoSourcesShowsTheLastCheck() {
        ReindexStatusFile status = new ReindexStatusFile(index);
        Reindexer broken = (platform, progress) -> {
            throw new OutOfMemoryError("Java heap space");
        };

        assertThatThrownBy(() -> status.recording(broken, Clock.fixed(DAY2, ZoneOffset.UTC))
                        .reindex(null, (d, t, w) -> {}))
                .isInstanceOf(OutOfMemoryError.class);

        ReindexStatusFile.Status read = status.read().orElseThrow();
        assertThat(read.lastRun()).isEqualTo(DAY2.toString());
        assertThat(read.outcome()).isEqualTo("failed: Java heap space");
    }
}
