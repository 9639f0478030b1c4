package dev.policybot;

import dev.policybot.archive.VersionArchive;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceDocument;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FixtureClauses;
import dev.policybot.search.LuceneClauseIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The child process of {@link CrashDuringReindexTest}: archives a new version and rebuilds the fixture index in a
 * loop until it is killed. Usage: {@code CrashingReindexer INDEX_DIR ARCHIVE_DIR READY_FILE}.
 */
public final class CrashingReindexer {
    static final String END = "END-OF-VERSION";
    static final LocalDate FIRST_DAY = LocalDate.parse("2020-01-01");

    private CrashingReindexer() {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        VersionArchive archive = new VersionArchive(Path.of(args[1]));
        try (LuceneClauseIndex lucene = new LuceneClauseIndex(index, new BagOfWordsEmbedder(), null)) {
            Files.writeString(Path.of(args[2]), "ready");
            for (int i = 0; ; i++) {
                LocalDate day = FIRST_DAY.plusDays((System.nanoTime() & 0xffff) + i);
                archive.store(version(day), Instant.now());
                lucene.rebuild(FixtureClauses.all());
            }
        }
    }

    /** A version large enough that a kill can land mid-write; its last line says it is complete. */
    static SourceDocument version(LocalDate day) {
        String text = ("## Clause of " + day + "\n\n" + "We may change these terms for day " + day + ". ").repeat(4000)
                + "\n\n" + END + "\n";
        return new SourceDocument(
                "crashy",
                "Crashy",
                "terms-of-service",
                "Terms of Service",
                "https://crashy.example/terms",
                List.of(new PolicyVersion(
                        "crashy",
                        "Crashy",
                        "terms-of-service",
                        "Terms of Service",
                        day,
                        "https://crashy.example/terms",
                        text)),
                false,
                null,
                false);
    }
}
