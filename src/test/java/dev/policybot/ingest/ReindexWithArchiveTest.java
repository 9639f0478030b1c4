package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.archive.ArchiveSource;
import dev.policybot.archive.VersionArchive;
import dev.policybot.domain.Clause;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.Source;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.fakes.CapturedLogs;
import dev.policybot.reindex.ReindexService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexWithArchiveTest {
    @TempDir
    Path tmp;

    /** Hand-written fake of the index: remembers what it was asked to hold. */
    static final class RecordingIndex implements ClauseIndexWriter {
        final List<List<Clause>> rebuilds = new ArrayList<>();

        @Override
        public IndexStats rebuild(List<Clause> clauses) {
            rebuilds.add(List.copyOf(clauses));
            return new IndexStats(clauses.size(), 0, 0, 0);
        }
    }

    private final RecordingIndex index = new RecordingIndex();
    private final Clock clock = Clock.fixed(Instant.parse("2026-08-20T09:00:00Z"), ZoneOffset.UTC);

    private Path givenArchive() throws IOException {
        Path dir = tmp.resolve("import");
        write(
                dir.resolve("tunewave/terms-of-service/2025-01-01.md"),
                "# Terms\n\n" + "You keep your rights. ".repeat(10));
        write(
                dir.resolve("tunewave/terms-of-service/2026-01-01.md"),
                "# Terms\n\n" + "We never train on your music. ".repeat(10));
        write(dir.resolve("beatbox/privacy-policy/2026-02-02.md"), "# Privacy\n\n" + "We collect little. ".repeat(10));
        return dir;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ReindexService service(List<Source> sources) {
        return new ReindexService(
                () -> sources,
                new VersionArchive(tmp.resolve("index/archive")),
                new MarkdownClauseSplitter(),
                index,
                clock);
    }

    private long archivedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(tmp.resolve("index/archive"))) {
            return files.filter(p -> p.toString().endsWith(".md")).count();
        }
    }

    @Test
    void aSecondIdenticalReindexReportsEverySourceUnchangedAndWritesNothing() throws IOException {
        ReindexService service = service(List.of(ArchiveSource.of(givenArchive())));

        ReindexReport first = service.reindex(null, (done, total, what) -> {});
        long filesAfterFirst = archivedFiles();
        ReindexReport second = service.reindex(null, (done, total, what) -> {});

        assertThat(first.count(ReindexReport.Outcome.CHANGED)).isEqualTo(2);
        assertThat(second.sources())
                .extracting(ReindexReport.SourceOutcome::outcome)
                .containsOnly(ReindexReport.Outcome.UNCHANGED)
                .hasSize(2);
        assertThat(archivedFiles()).isEqualTo(filesAfterFirst).isEqualTo(3);
        assertThat(second.clauses())
                .isEqualTo(first.clauses())
                .isEqualTo(index.rebuilds.get(1).size());
    }

    @Test
    void clausesOfOlderVersionsAreValidUntilTheNextVersion() throws IOException {
        service(List.of(ArchiveSource.of(givenArchive()))).reindex(null, (d, t, w) -> {});

        List<Clause> terms = index.rebuilds.get(0).stream()
                .filter(c -> c.documentKey().equals("tunewave/terms-of-service"))
                .toList();
        assertThat(terms)
                .filteredOn(c -> c.text().startsWith("You keep"))
                .allSatisfy(c -> assertThat(c.validTo()).hasToString("2026-01-01"));
        assertThat(terms)
                .filteredOn(c -> c.text().startsWith("We never"))
                .allSatisfy(c -> assertThat(c.isCurrent()).isTrue());
    }

    @Test
    void oneFailingSourceNeverStopsTheOthers() throws IOException {
        Source broken = new Source(
                "TuneWave · Privacy Policy",
                "tunewave",
                "TuneWave",
                "privacy-policy",
                "Privacy Policy",
                List.of(),
                known -> {
                    throw UserFacingException.failure("https://tunewave.example/privacy: unknown host", null);
                });

        ReindexReport report =
                service(List.of(broken, ArchiveSource.of(givenArchive()))).reindex(null, (d, t, w) -> {});

        assertThat(report.sources())
                .filteredOn(o -> o.outcome() == ReindexReport.Outcome.FAILED)
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.source()).isEqualTo("TuneWave · Privacy Policy");
                    assertThat(o.reason()).contains("unknown host");
                });
        assertThat(report.count(ReindexReport.Outcome.CHANGED)).isEqualTo(2);
        assertThat(new VersionArchive(tmp.resolve("index/archive")).sources())
                .anySatisfy(s -> assertThat(s.lastError()).contains("unknown host"));
    }

    @Test
    void onlyReadsThePlatformAskedForButIndexesTheWholeArchive() throws IOException {
        ReindexService service = service(List.of(ArchiveSource.of(givenArchive())));
        service.reindex(null, (d, t, w) -> {});

        ReindexReport report = service.reindex("TuneWave", (d, t, w) -> {});

        assertThat(report.sources())
                .singleElement()
                .extracting(ReindexReport.SourceOutcome::source)
                .isEqualTo("Tunewave · Terms of Service");
        assertThat(index.rebuilds.get(1)).extracting(Clause::platformId).contains("beatbox", "tunewave");
    }

    @Test
    void progressIsReportedOncePerSource() throws IOException {
        List<String> lines = new ArrayList<>();

        service(List.of(ArchiveSource.of(givenArchive())))
                .reindex(null, (done, total, what) -> lines.add(done + "/" + total + " " + what));

        assertThat(lines).singleElement().asString().startsWith("1/1 archive ").endsWith("2 documents");
    }

    @Test
    void aBadlyNamedDatedFileInTheArchiveFailsNeitherTheReindexNorTheSourcesList() throws IOException {
        ReindexService service = service(List.of(ArchiveSource.of(givenArchive())));
        service.reindex(null, (d, t, w) -> {});
        write(tmp.resolve("index/archive/tunewave/terms-of-service/2024-99-99.md"), "# Terms\n\nNot a day.");

        ReindexReport report = service.reindex(null, (d, t, w) -> {});

        assertThat(report.count(ReindexReport.Outcome.FAILED)).isZero();
        assertThat(index.rebuilds.get(1)).extracting(Clause::platformId).contains("beatbox", "tunewave");
        assertThat(new VersionArchive(tmp.resolve("index/archive")).sources())
                .anySatisfy(s -> assertThat(s.documentId()).isEqualTo("terms-of-service"));
    }

    @Test
    void aFailureReasonIsRecordedWithItsCredentialsMaskedInTheReportTheStateAndTheLog() throws IOException {
        String url = "https://user:pass@tunewave.example/tos?key=SECRET42&auth=TOKEN42";
        Source broken = new Source("TuneWave · Terms", "tunewave", "TuneWave", "terms", "Terms", List.of(), known -> {
            throw new IllegalStateException(url + ": connection reset");
        });

        try (CapturedLogs logs = CapturedLogs.attach()) {
            ReindexReport report = service(List.of(broken)).reindex(null, (d, t, w) -> {});

            assertThat(report.sources())
                    .singleElement()
                    .satisfies(o -> assertThat(o.reason())
                            .contains("tunewave.example/tos", "connection reset")
                            .doesNotContain("pass@", "SECRET42", "TOKEN42"));
            assertThat(new VersionArchive(tmp.resolve("index/archive")).sources())
                    .singleElement()
                    .satisfies(s -> assertThat(s.lastError()).doesNotContain("pass@", "SECRET42", "TOKEN42"));
            assertThat(logs.everything()).doesNotContain("SECRET42", "TOKEN42");
        }
    }
}
