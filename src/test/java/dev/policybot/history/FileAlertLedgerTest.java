package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.policybot.fakes.CapturedLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAlertLedgerTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_file_means_nothing_handled_yet() {
        assertThat(FileAlertLedger.in(dir).handled()).isEmpty();
    }

    @Test
    void what_is_saved_is_read_back_and_readable_by_people() throws IOException {
        Map<String, LocalDate> handled = Map.of(
                "zoom/terms-of-service",
                LocalDate.of(2023, 8, 11),
                "soundcloud/terms-of-service",
                LocalDate.of(2025, 5, 27));

        FileAlertLedger.in(dir.resolve("index")).save(handled);

        assertThat(FileAlertLedger.in(dir.resolve("index")).handled()).isEqualTo(handled);
        assertThat(Files.readString(dir.resolve("index/alerts.json"))).isEqualTo("""
                {
                  "handled": {
                    "soundcloud/terms-of-service": "2025-05-27",
                    "zoom/terms-of-service": "2023-08-11"
                  }
                }
                """);
        try (var files = Files.list(dir.resolve("index"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("alerts.json");
        }
    }

    @Test
    void an_empty_ledger_round_trips() {
        FileAlertLedger.in(dir).save(Map.of());

        assertThat(FileAlertLedger.in(dir).handled()).isEmpty();
    }

    @Test
    void a_damaged_file_is_moved_aside_with_a_warning_and_the_ledger_starts_afresh() throws IOException {
        // given a ledger cut off mid-write
        String damaged = "{\"handled\": {\"a/b\": \"2024-01-01\"";
        Files.writeString(dir.resolve("alerts.json"), damaged);

        try (CapturedLogs logs = CapturedLogs.attach()) {
            // when
            Map<String, LocalDate> handled = FileAlertLedger.in(dir).handled();

            // then nothing counts as handled (the next check records the current versions), and the damaged file is
            // kept
            assertThat(handled).isEmpty();
            assertThat(dir.resolve("alerts.json")).doesNotExist();
            try (var files = Files.list(dir)) {
                assertThat(files).singleElement().satisfies(aside -> {
                    assertThat(aside.getFileName().toString()).startsWith("alerts.json.damaged-");
                    assertThat(Files.readString(aside)).isEqualTo(damaged);
                });
            }
            assertThat(logs.lines(Level.WARN))
                    .anySatisfy(line -> assertThat(line)
                            .contains("alerts.json")
                            .contains("damaged")
                            .contains("moved aside"));
        }
    }

    @Test
    void an_empty_file_left_by_a_power_cut_blocks_no_check() throws IOException {
        Files.writeString(dir.resolve("alerts.json"), "");

        assertThat(FileAlertLedger.in(dir).handled()).isEmpty();
        FileAlertLedger.in(dir).save(Map.of("a/b", LocalDate.of(2024, 1, 1)));
        assertThat(FileAlertLedger.in(dir).handled()).containsEntry("a/b", LocalDate.of(2024, 1, 1));
    }
}
