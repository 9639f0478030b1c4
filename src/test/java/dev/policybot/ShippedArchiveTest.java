package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.archive.VersionArchive;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.ingest.ConfiguredSources;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.reindex.ReindexService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy archive that ships in {@code index/archive}: what it holds, and that the corpus it came from finds it whole. */
class ShippedArchiveTest {
    private static final Path SHIPPED = Path.of("index", "archive");
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theShippedArchiveHoldsEveryDatedVersionWithItsAttribution() throws IOException {
        List<PolicyVersion> versions = ArchiveImport.read(SHIPPED);

        assertThat(versions).hasSize(166);
        assertThat(versions.stream().map(PolicyVersion::documentKey).distinct()).hasSize(109);
        Map<LocalDate, PolicyVersion> soundCloudTerms = versions.stream()
                .filter(v -> v.documentKey().equals("soundcloud/terms-of-service"))
                .collect(Collectors.toMap(PolicyVersion::date, v -> v, (a, b) -> b, TreeMap::new));
        assertThat(soundCloudTerms).hasSize(19).containsKeys(LocalDate.of(2024, 2, 7), LocalDate.of(2026, 8, 17));
        assertThat(soundCloudTerms.get(LocalDate.of(2026, 8, 17)).platform()).isEqualTo("SoundCloud");
        assertThat(soundCloudTerms.get(LocalDate.of(2026, 8, 17)).text())
                .contains("We will not use your content to train generative AI models");
        assertThat(Files.readString(SHIPPED.resolve("NOTICE")))
                .contains("ODC-By 1.0", "Open Terms Archive contributors", "ToS;DR", "Katzenbach");
        assertThat(SHIPPED.resolve("declarations")).doesNotExist();
    }

    @Test
    void sourcesShowShippedDocumentsByTheirNamesAsNeverFetchedLive() {
        List<SourceStatus> sources = new VersionArchive(SHIPPED).sources();

        SourceStatus terms = sources.stream()
                .filter(s -> s.documentKey().equals("soundcloud/terms-of-service"))
                .findFirst()
                .orElseThrow();
        assertThat(terms.platform()).isEqualTo("SoundCloud");
        assertThat(terms.currentVersion()).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(terms.versions()).isEqualTo(19);
        assertThat(terms.url()).isEqualTo("https://soundcloud.com/terms-of-use");
        assertThat(terms.lastFetched()).isNull();
        assertThat(terms.shipped()).isEqualTo(LocalDate.of(2026, 8, 22));
    }

    @Test
    void importingTheCorpusOnTopOfTheShippedArchiveFindsEverySourceUnchangedAndRewritesNothing() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), CORPUS + " is not present");
        // given a copy of the shipped archive
        Path archive = copy(SHIPPED, tmp.resolve("archive"));
        Map<String, String> before = versionFiles(archive);

        // when the corpus it was taken from is imported on top
        ReindexReport report = new ReindexService(
                        () -> ConfiguredSources.archives(List.of(CORPUS)),
                        new VersionArchive(archive),
                        new MarkdownClauseSplitter(),
                        new NoIndex(),
                        CLOCK)
                .reindex(null, ProgressListener.NONE);

        // then every source is unchanged and every version file is as it was
        assertThat(report.sources()).hasSize(109);
        assertThat(report.count(ReindexReport.Outcome.UNCHANGED)).isEqualTo(109);
        assertThat(versionFiles(archive)).isEqualTo(before);
    }

    /** Path → size and modification time of every version file and the manifest. */
    private static Map<String, String> versionFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                if (p.toString().endsWith(".md") || p.getFileName().toString().equals("manifest.json")) {
                    files.put(root.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p));
                }
            }
        }
        return files;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** An index that only counts: this test is about the archive. */
    private static final class NoIndex implements ClauseIndexWriter {
        @Override
        public IndexStats rebuild(List<dev.policybot.domain.Clause> clauses) {
            return new IndexStats(clauses.size(), 0, 0, 0);
        }

        @Override
        public IndexStats rebuildFrom(List<PolicyVersion> versions, ClauseSplitter splitter) {
            return new IndexStats(0, 0, 0, 0, true);
        }
    }
}
