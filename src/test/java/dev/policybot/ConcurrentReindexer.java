package dev.policybot;

import dev.policybot.archive.VersionArchive;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.Source;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.ProgressListener;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.reindex.ReindexLock;
import dev.policybot.reindex.ReindexService;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child process of {@link ConcurrentReindexTest}: waits for the go file, then runs reindexes through the real
 * lock and {@link ReindexService} until {@code ROUNDS} of them have completed, retrying shortly when told another
 * reindex runs. Each completed reindex stores a new version dated {@code FIRST_DAY + OFFSET + n}, and while still
 * holding the lock checks that {@code CURRENT} names an existing generation and that the index answers. Writes
 * "completed refused" to the result file. Usage: {@code INDEX ARCHIVE READY GO RESULT OFFSET ROUNDS}.
 */
public final class ConcurrentReindexer {
    static final LocalDate FIRST_DAY = LocalDate.parse("2021-01-01");
    static final String SENTENCE = "We never sell your playlists to advertisers";
    static final String QUESTION = "Do they sell my playlists to advertisers?";

    private ConcurrentReindexer() {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        VersionArchive archive = new VersionArchive(Path.of(args[1]));
        int offset = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        BagOfWordsEmbedder embedder = new BagOfWordsEmbedder();
        AtomicInteger completed = new AtomicInteger();
        int refused = 0;
        try (LuceneClauseIndex lucene = new LuceneClauseIndex(index, embedder, null)) {
            Source source = new Source(
                    "Tunebox · Terms of Service",
                    "tunebox",
                    "Tunebox",
                    "terms-of-service",
                    "Terms of Service",
                    List.of(),
                    known -> List.of(version(FIRST_DAY.plusDays(offset + completed.get()))));
            ReindexService service = new ReindexService(
                    () -> List.of(source), archive, new MarkdownClauseSplitter(), lucene, Clock.systemUTC());
            Reindexer locked = new ReindexLock(index, Clock.systemUTC()).around((platform, progress) -> {
                ReindexReport report = service.reindex(platform, progress);
                requireLiveGeneration(index);
                requireAnswers(lucene, embedder);
                return report;
            });
            Files.writeString(Path.of(args[2]), "ready");
            while (!Files.exists(Path.of(args[3]))) {
                Thread.sleep(5);
            }
            while (completed.get() < rounds) {
                try {
                    locked.reindex(null, ProgressListener.NONE);
                    completed.incrementAndGet();
                } catch (UserFacingException e) {
                    if (!e.getMessage().startsWith("A reindex is running since ")) {
                        throw e;
                    }
                    refused++;
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 15));
                }
            }
        }
        Files.writeString(Path.of(args[4]), completed.get() + " " + refused);
    }

    private static void requireLiveGeneration(Path index) {
        String current;
        try {
            current = Files.readString(index.resolve("CURRENT")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isDirectory(index.resolve(current))) {
            throw new IllegalStateException("CURRENT names " + current + ", which is missing");
        }
    }

    private static void requireAnswers(LuceneClauseIndex lucene, BagOfWordsEmbedder embedder) {
        var hits = new HybridClauseSearch(lucene, embedder)
                .search(new SearchRequest(QUESTION, Set.of(), null, null, 3))
                .hits();
        if (hits.isEmpty() || !hits.get(0).clause().text().contains(SENTENCE)) {
            throw new IllegalStateException("the index does not answer: " + hits);
        }
    }

    static SourceDocument version(LocalDate day) {
        String text = "# Terms of Service\n\n## Your music\n\n" + SENTENCE + " or data brokers, as of " + day
                + ". You keep the rights to every track you upload, and you may delete them at any time.\n\n"
                + "## Changes\n\nWe tell you about changes to these terms by email at least thirty days ahead.\n";
        String url = "https://tunebox.example/terms";
        return new SourceDocument(
                "tunebox",
                "Tunebox",
                "terms-of-service",
                "Terms of Service",
                url,
                List.of(new PolicyVersion(
                        "tunebox", "Tunebox", "terms-of-service", "Terms of Service", day, url, text)),
                false,
                null,
                false);
    }
}
