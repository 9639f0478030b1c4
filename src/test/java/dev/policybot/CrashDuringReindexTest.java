package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.archive.VersionArchive;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FixtureClauses;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reindex (archive a version, rebuild the index) runs in a child JVM that is killed with SIGKILL at random points;
 * after every kill the previous index opens and answers, every archived version is complete, and temp files are not
 * counted as versions; at the end a reindex completes.
 */
class CrashDuringReindexTest {
    @TempDir
    Path tmp;

    @Test
    void twenty_kills_during_reindex_leave_a_working_index_and_a_whole_archive() throws Exception {
        crashRepeatedly(20);
    }

    @Test
    @Tag("soak")
    void two_hundred_kills_during_reindex_leave_a_working_index_and_a_whole_archive() throws Exception {
        crashRepeatedly(200);
    }

    private void crashRepeatedly(int trials) throws Exception {
        Path index = tmp.resolve("index");
        Path archiveDir = tmp.resolve("archive");
        BagOfWordsEmbedder embedder = new BagOfWordsEmbedder();
        reindexInProcess(index, archiveDir, embedder);
        Random random = new Random(8);
        for (int trial = 0; trial < trials; trial++) {
            killChildMidReindex(index, archiveDir, random.nextInt(600), trial);
            assertIndexAnswers(index, embedder);
            assertArchiveWhole(archiveDir);
        }
        reindexInProcess(index, archiveDir, embedder);
        assertIndexAnswers(index, embedder);
        assertArchiveWhole(archiveDir);
    }

    private void killChildMidReindex(Path index, Path archive, int delayMillis, int trial) throws Exception {
        Path ready = tmp.resolve("ready-" + trial);
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingReindexer.class.getName(),
                        index.toString(),
                        archive.toString(),
                        ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(child.isAlive())
                    .as("child died early: " + Files.readString(tmp.resolve("child.log")))
                    .isTrue();
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void reindexInProcess(Path index, Path archiveDir, BagOfWordsEmbedder embedder) {
        new VersionArchive(archiveDir)
                .store(CrashingReindexer.version(CrashingReindexer.FIRST_DAY.minusDays(1)), Instant.now());
        try (LuceneClauseIndex lucene = new LuceneClauseIndex(index, embedder, null)) {
            lucene.rebuild(FixtureClauses.all());
        }
    }

    private static void assertIndexAnswers(Path index, BagOfWordsEmbedder embedder) {
        try (LuceneClauseIndex lucene = new LuceneClauseIndex(index, embedder, null)) {
            SearchResult result = new HybridClauseSearch(lucene, embedder)
                    .search(new SearchRequest("Can Tunebox train AI on my tracks?", Set.of(), null, null, 3));
            assertThat(result.hits()).isNotEmpty();
            assertThat(result.hits().get(0).clause().text()).contains(FixtureClauses.AI_SENTENCE);
        }
    }

    private static void assertArchiveWhole(Path archiveDir) throws Exception {
        List<PolicyVersion> versions = new VersionArchive(archiveDir).versions();
        List<Path> visibleVersionFiles;
        try (Stream<Path> files = Files.walk(archiveDir)) {
            visibleVersionFiles = files.filter(
                            p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}(\\.\\d+)?\\.md"))
                    .toList();
        }
        assertThat(versions).hasSize(visibleVersionFiles.size());
        for (PolicyVersion version : versions) {
            assertThat(version.text().strip()).as(version.date().toString()).endsWith(CrashingReindexer.END);
        }
        assertThat(archiveDir.resolve("crashy" + File.separator + "terms-of-service"))
                .isDirectory();
    }
}
