package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.UserFacingException;
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
        Map<String, LocalDate> handled = Map.of("zoom/terms-of-service", LocalDate.of(2023, 8, 11),
                "soundcloud/terms-of-service", LocalDate.of(2025, 5, 27));

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
    void a_damaged_file_is_reported_not_ignored() throws IOException {
        Files.writeString(dir.resolve("alerts.json"), "{\"handled\": {\"a/b\": \"2024-01-01\"");

        assertThatThrownBy(() -> FileAlertLedger.in(dir).handled()).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is damaged; fix it or delete it");
    }
}
