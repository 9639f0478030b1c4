package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.archive.DatedArchive;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.AlertSink;
import dev.policybot.domain.change.ChangeAlert;
import dev.policybot.history.ChangeAlertService.CheckReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts over a growing archive on disk (the fixture versions arriving one by one), with the ledger file. */
class ChangeAlertServiceTest {

    @TempDir
    Path dir;

    private Path archive;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void firstVersionIsArchived() throws IOException {
        archive = dir.resolve("archive");
        arrive("2023-01-10");
    }

    @Test
    void first_check_only_records_what_is_there() {
        CheckReport report = service(Set.of()).check();

        assertThat(report).isEqualTo(new CheckReport(0, 0, 1, 0));
        assertThat(sink.posted).isEmpty();
        assertThat(FileAlertLedger.in(dir).handled())
                .containsEntry("tunecloud/terms-of-service", LocalDate.of(2023, 1, 10));
    }

    @Test
    void a_new_version_is_alerted_once_with_its_changed_clauses_and_links() throws IOException {
        // given
        service(Set.of()).check();
        arrive("2024-02-07");

        // when
        CheckReport report = service(Set.of()).check();
        CheckReport again = service(Set.of()).check();

        // then
        assertThat(report.alerted()).isEqualTo(1);
        assertThat(again).isEqualTo(new CheckReport(0, 0, 0, 0));
        ChangeAlert alert = only(sink.posted);
        assertThat(alert.platform()).isEqualTo("TuneCloud");
        assertThat(alert.document()).isEqualTo("Terms of Service");
        assertThat(alert.from()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(alert.to()).isEqualTo(LocalDate.of(2024, 2, 7));
        assertThat(alert.changes())
                .first()
                .asString()
                .startsWith("Changed: Your Content (ai-training) — added "
                        + "\"You explicitly agree that your Content may be used to inform, train");
        assertThat(alert.links()).containsExactly("https://tunecloud.example/terms");
        assertThat(alert.note()).isNull();
    }

    @Test
    void a_change_without_a_new_stated_date_carries_the_note() throws IOException {
        service(Set.of()).check();
        arrive("2024-02-07");
        arrive("2025-05-27");

        CheckReport report = service(Set.of()).check();

        assertThat(report.alerted()).isEqualTo(2);
        assertThat(sink.posted)
                .extracting(ChangeAlert::to)
                .containsExactly(LocalDate.of(2024, 2, 7), LocalDate.of(2025, 5, 27));
        assertThat(sink.posted.get(1).note())
                .isEqualTo("The text changed, but the document's own date did not "
                        + "(it still says \"Last updated: February 7, 2024\").");
    }

    @Test
    void only_changes_on_watched_topics_are_listed_and_others_are_recorded_quietly() throws IOException {
        service(Set.of(Topic.MONETISATION)).check();
        arrive("2024-02-07");
        arrive("2025-05-27");

        CheckReport report = service(Set.of(Topic.MONETISATION)).check();

        assertThat(report).isEqualTo(new CheckReport(1, 1, 0, 0));
        assertThat(only(sink.posted).changes())
                .containsExactly(
                        "Added: Payouts (monetisation) — added \"Eligible artists receive payouts every month.\"");
    }

    @Test
    void a_failed_post_is_retried_next_time_and_then_sent_once() throws IOException {
        service(Set.of()).check();
        arrive("2024-02-07");
        sink.failNext = true;

        CheckReport failed = service(Set.of()).check();
        CheckReport retried = service(Set.of()).check();
        CheckReport done = service(Set.of()).check();

        assertThat(failed.failed()).isEqualTo(1);
        assertThat(retried.alerted()).isEqualTo(1);
        assertThat(done.alerted()).isZero();
        assertThat(sink.posted).hasSize(1);
    }

    @Test
    void after_reindex_checks_only_when_a_source_changed() throws IOException {
        ChangeAlertService alerts = service(Set.of());
        alerts.check();
        arrive("2024-02-07");

        alerts.afterReindex(report(ReindexReport.Outcome.UNCHANGED));
        assertThat(sink.posted).isEmpty();

        alerts.afterReindex(report(ReindexReport.Outcome.CHANGED));
        assertThat(sink.posted).hasSize(1);
    }

    private ChangeAlertService service(Set<Topic> watched) {
        DatedArchive source = new DatedArchive(archive);
        return new ChangeAlertService(source, source, Fixtures.differ(), sink, FileAlertLedger.in(dir), watched);
    }

    private void arrive(String date) throws IOException {
        Path target = archive.resolve("tunecloud/terms-of-service/" + date + ".md");
        Files.createDirectories(target.getParent());
        Files.copy(Fixtures.ARCHIVE.resolve("tunecloud/terms-of-service/" + date + ".md"), target);
        Files.copy(
                Fixtures.ARCHIVE.resolve("manifest.json"),
                archive.resolve("manifest.json"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    static ReindexReport report(ReindexReport.Outcome outcome) {
        return new ReindexReport(
                List.of(new ReindexReport.SourceOutcome("TuneCloud · Terms of Service", outcome, 2, null, null)),
                10,
                Duration.ofSeconds(1));
    }

    private static ChangeAlert only(List<ChangeAlert> alerts) {
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    /** Fake sink: records what was posted; can fail once like an unreachable Discord. */
    static final class RecordingSink implements AlertSink {
        final List<ChangeAlert> posted = new ArrayList<>();
        boolean failNext;

        @Override
        public void post(ChangeAlert alert) {
            if (failNext) {
                failNext = false;
                throw UserFacingException.failure("Discord is unreachable", null);
            }
            posted.add(alert);
        }
    }
}
