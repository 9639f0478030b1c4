package dev.policybot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.port.Archive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionArchiveTest {
    private static final Instant NOW = Instant.parse("2026-08-20T09:00:00Z");

    @TempDir
    Path root;

    private VersionArchive archive() {
        return new VersionArchive(root);
    }

    private static SourceDocument document(String text, LocalDate day) {
        return new SourceDocument(
                "tunewave",
                "TuneWave",
                "terms-of-service",
                "Terms of Service",
                "https://tunewave.example/terms",
                List.of(new PolicyVersion(
                        "tunewave",
                        "TuneWave",
                        "terms-of-service",
                        "Terms of Service",
                        day,
                        "https://tunewave.example/terms",
                        text)),
                false,
                new SourceDocument.Validators("\"v1\"", null),
                false);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aNewTextIsStoredAsADatedFileWithItsState() throws IOException {
        Archive.Stored stored = archive().store(document("# Terms\n\nBe nice.", LocalDate.of(2026, 8, 1)), NOW);

        assertThat(stored).isEqualTo(new Archive.Stored(1, 1, LocalDate.of(2026, 8, 1)));
        assertThat(files())
                .containsExactly("tunewave/terms-of-service/2026-08-01.md", "tunewave/terms-of-service/state.json");
        assertThat(Files.readString(root.resolve("tunewave/terms-of-service/2026-08-01.md")))
                .isEqualTo("# Terms\n\nBe nice.\n");
        assertThat(archive().validators("tunewave", "terms-of-service").etag()).isEqualTo("\"v1\"");
    }

    @Test
    void theSameTextLaterOnlyRecordsLastChecked() throws IOException {
        archive().store(document("# Terms\n\nBe nice.", LocalDate.of(2026, 8, 1)), NOW);

        Archive.Stored again = archive()
                .store(document("# Terms\n\n  Be   nice.\n", LocalDate.of(2026, 8, 2)), NOW.plusSeconds(86_400));

        assertThat(again.changed()).isFalse();
        assertThat(files()).hasSize(2);
        SourceStatus status = archive().sources().get(0);
        assertThat(status.lastChecked()).isEqualTo(NOW.plusSeconds(86_400));
        assertThat(status.currentVersion()).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void aChangedTextOnTheSameDayIsKeptBesideTheFirstAndCountsForThatDay() throws IOException {
        archive().store(document("Morning text.", LocalDate.of(2026, 8, 1)), NOW);

        Archive.Stored evening = archive().store(document("Evening text.", LocalDate.of(2026, 8, 1)), NOW);

        assertThat(evening.changed()).isTrue();
        assertThat(files())
                .contains("tunewave/terms-of-service/2026-08-01.md", "tunewave/terms-of-service/2026-08-01.2.md");
        assertThat(Files.readString(root.resolve("tunewave/terms-of-service/2026-08-01.md")))
                .isEqualTo("Morning text.\n");
        assertThat(archive().versions())
                .singleElement()
                .extracting(PolicyVersion::text)
                .isEqualTo("Evening text.\n");
        assertThat(archive().sources().get(0).versions()).isEqualTo(1);
    }

    @Test
    void versionsComeBackWithTheirNamesAndUrl() {
        archive().store(document("Old.", LocalDate.of(2025, 1, 1)), NOW);
        archive().store(document("New.", LocalDate.of(2026, 1, 1)), NOW);

        List<PolicyVersion> versions = archive().versions();

        assertThat(versions)
                .extracting(PolicyVersion::date)
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.platform()).isEqualTo("TuneWave");
            assertThat(v.document()).isEqualTo("Terms of Service");
            assertThat(v.url()).isEqualTo("https://tunewave.example/terms");
        });
    }

    @Test
    void aFailureIsRecordedWithoutTouchingVersionsAndClearedByTheNextSuccess() {
        archive().store(document("Text.", LocalDate.of(2026, 1, 1)), NOW);

        archive().recordFailure("tunewave", "TuneWave", "terms-of-service", "Terms of Service", "HTTP 500", NOW);

        SourceStatus failing = archive().sources().get(0);
        assertThat(failing.lastError()).isEqualTo("HTTP 500");
        assertThat(failing.versions()).isEqualTo(1);
        assertThat(archive().validators("tunewave", "terms-of-service").etag()).isEqualTo("\"v1\"");

        archive().store(document("Text.", LocalDate.of(2026, 1, 2)), NOW);
        assertThat(archive().sources().get(0).lastError()).isNull();
    }

    @Test
    void aFirstFailureShowsTheSourceWithNoVersions() {
        archive().recordFailure("tunewave", "TuneWave", "privacy-policy", "Privacy Policy", "unknown host", NOW);

        assertThat(archive().sources()).singleElement().satisfies(s -> {
            assertThat(s.platform()).isEqualTo("TuneWave");
            assertThat(s.versions()).isZero();
            assertThat(s.currentVersion()).isNull();
            assertThat(s.lastError()).isEqualTo("unknown host");
        });
        assertThat(archive().versions()).isEmpty();
    }

    @Test
    void anImportedHistoryKeepsEveryDateEvenWhenTheTextDidNotChange() {
        SourceDocument history = new SourceDocument(
                "tunewave",
                "TuneWave",
                "terms-of-service",
                "Terms of Service",
                null,
                List.of(version("Same.", LocalDate.of(2025, 1, 1)), version("Same.", LocalDate.of(2025, 2, 1))),
                false,
                null,
                true);

        Archive.Stored first = archive().store(history, NOW);
        Archive.Stored second = archive().store(history, NOW);

        assertThat(first.newVersions()).isEqualTo(2);
        assertThat(second.changed()).isFalse();
        assertThat(archive().versions()).hasSize(2);
    }

    private static PolicyVersion version(String text, LocalDate day) {
        return new PolicyVersion("tunewave", "TuneWave", "terms-of-service", "Terms of Service", day, null, text);
    }

    @Test
    void importingAnOlderVersionAfterANewerOneAddsItToTheHistory() {
        archive().store(document("New.", LocalDate.of(2026, 1, 1)), NOW);

        Archive.Stored older = archive().store(document("Old.", LocalDate.of(2020, 1, 1)), NOW);

        assertThat(older.changed()).isTrue();
        assertThat(archive().versions()).extracting(PolicyVersion::text).containsExactly("Old.\n", "New.\n");
    }

    private static SourceDocument imported(String text, LocalDate day) {
        return new SourceDocument(
                "tunewave",
                "TuneWave",
                "terms-of-service",
                "Terms of Service",
                "https://tunewave.example/terms",
                List.of(new PolicyVersion(
                        "tunewave",
                        "TuneWave",
                        "terms-of-service",
                        "Terms of Service",
                        day,
                        "https://tunewave.example/terms",
                        text)),
                false,
                SourceDocument.Validators.NONE,
                true);
    }

    private String stamps() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String file : files()) {
            out.append(file)
                    .append(' ')
                    .append(Files.getLastModifiedTime(root.resolve(file)))
                    .append('\n');
        }
        return out.toString();
    }

    @Test
    void anImportThatBringsNothingNewWritesNoFile() throws IOException {
        archive().store(imported("# Terms\n\nBe nice.", LocalDate.of(2026, 8, 1)), NOW);
        String before = stamps();

        Archive.Stored again =
                archive().store(imported("# Terms\n\nBe nice.", LocalDate.of(2026, 8, 1)), NOW.plusSeconds(86_400));

        assertThat(again.changed()).isFalse();
        assertThat(stamps()).isEqualTo(before);
    }

    @Test
    void onlyALiveFetchCountsAsTheLastLiveFetch() {
        archive().store(imported("# Terms\n\nBe nice.", LocalDate.of(2026, 8, 1)), NOW);
        assertThat(archive().sources().get(0).lastFetched()).isNull();

        archive().store(document("# Terms\n\nBe nice.", LocalDate.of(2026, 8, 2)), NOW.plusSeconds(86_400));
        assertThat(archive().sources().get(0).lastFetched()).isEqualTo(NOW.plusSeconds(86_400));

        archive()
                .recordFailure(
                        "tunewave",
                        "TuneWave",
                        "terms-of-service",
                        "Terms of Service",
                        "timeout",
                        NOW.plusSeconds(2 * 86_400));
        SourceStatus status = archive().sources().get(0);
        assertThat(status.lastFetched()).isEqualTo(NOW.plusSeconds(86_400));
        assertThat(status.lastError()).isEqualTo("timeout");
    }

    @Test
    void aFailedLiveFetchKeepsEveryArchivedVersionAsItWas() throws IOException {
        archive().store(imported("# Terms\n\nBe nice.", LocalDate.of(2024, 2, 7)), NOW);
        archive().store(imported("# Terms\n\nBe nicer.", LocalDate.of(2026, 8, 17)), NOW);
        Path newest = root.resolve("tunewave/terms-of-service/2026-08-17.md");
        String before = Files.readString(newest) + Files.getLastModifiedTime(newest);

        archive()
                .recordFailure(
                        "tunewave",
                        "TuneWave",
                        "terms-of-service",
                        "Terms of Service",
                        "https://tunewave.example/terms: timeout",
                        NOW.plusSeconds(86_400));

        assertThat(archive().versions())
                .extracting(PolicyVersion::date)
                .containsExactly(LocalDate.of(2024, 2, 7), LocalDate.of(2026, 8, 17));
        assertThat(Files.readString(newest) + Files.getLastModifiedTime(newest)).isEqualTo(before);
    }
}
