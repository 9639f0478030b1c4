package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.archive.VersionArchive;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hardening #20, item 5: two processes reindex the same index folder at once, each until it has completed 20
 * reindexes (one asked for while the other runs is refused and tried again). Every completed reindex found, while
 * holding the lock, that {@code CURRENT} names an existing generation and that the index answers; afterwards the
 * index answers, {@code CURRENT} names an existing generation, and every version either process stored is in the
 * archive.
 */
class ConcurrentReindexTest {
    private static final int ROUNDS = 20;

    @TempDir
    Path tmp;

    @Test
    void two_processes_reindexing_at_once_twenty_times_leave_an_answering_index_and_no_generation_missing()
            throws Exception {
        Path index = tmp.resolve("index");
        Path archive = tmp.resolve("archive");
        Path go = tmp.resolve("go");
        List<Process> children = new ArrayList<>();
        try {
            // given two processes on the same index and archive, each ready to reindex
            for (int child = 0; child < 2; child++) {
                children.add(start(index, archive, go, child));
            }
            for (int child = 0; child < 2; child++) {
                awaitReady(child, children.get(child));
            }

            // when both start at once
            Files.writeString(go, "go");
            for (int child = 0; child < 2; child++) {
                assertThat(children.get(child).waitFor(120, TimeUnit.SECONDS))
                        .as("child " + child + " finished")
                        .isTrue();
                assertThat(children.get(child).exitValue())
                        .as("child " + child + ": " + Files.readString(tmp.resolve("child-" + child + ".log")))
                        .isZero();
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        // then each completed 20 reindexes, and the lock turned some attempts away
        int refused = 0;
        for (int child = 0; child < 2; child++) {
            String[] result = Files.readString(tmp.resolve("result-" + child)).split(" ");
            assertThat(Integer.parseInt(result[0])).isEqualTo(ROUNDS);
            refused += Integer.parseInt(result[1]);
        }
        assertThat(refused)
                .as("attempts refused because the other process was reindexing")
                .isPositive();
        // and the index answers from a generation that exists, and no stored version is missing
        String current = Files.readString(index.resolve("CURRENT")).strip();
        assertThat(index.resolve(current)).isDirectory();
        assertIndexAnswers(index);
        List<PolicyVersion> versions = new VersionArchive(archive).versions();
        assertThat(versions).hasSize(2 * ROUNDS);
        try (Stream<Path> files = Files.list(index)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")))
                    .as("only the live generation is left")
                    .containsExactly(current);
        }
    }

    private Process start(Path index, Path archive, Path go, int child) throws IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ConcurrentReindexer.class.getName(),
                        index.toString(),
                        archive.toString(),
                        tmp.resolve("ready-" + child).toString(),
                        go.toString(),
                        tmp.resolve("result-" + child).toString(),
                        String.valueOf(child * 1_000),
                        String.valueOf(ROUNDS))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child-" + child + ".log").toFile())
                .start();
    }

    private void awaitReady(int child, Process process) throws Exception {
        Path ready = tmp.resolve("ready-" + child);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ready) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ready)
                .as("child " + child + " ready: " + Files.readString(tmp.resolve("child-" + child + ".log")))
                .exists();
    }

    private static void assertIndexAnswers(Path index) {
        BagOfWordsEmbedder embedder = new BagOfWordsEmbedder();
        try (LuceneClauseIndex lucene = new LuceneClauseIndex(index, embedder, null)) {
            SearchResult result = new HybridClauseSearch(lucene, embedder)
                    .search(new SearchRequest(ConcurrentReindexer.QUESTION, Set.of(), null, null, 3));
            assertThat(result.hits()).isNotEmpty();
            assertThat(result.hits().get(0).clause().text()).contains(ConcurrentReindexer.SENTENCE);
        }
    }
}
