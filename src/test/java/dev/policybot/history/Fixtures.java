package dev.policybot.history;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.topic.TopicClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** The hand-written fixture archive under src/test/resources/archive, and the shared corpus when present. */
final class Fixtures {
    static final Path ARCHIVE = Path.of("src/test/resources/archive");
    static final Path SHARED_CORPUS = Path.of("../shared/corpus");

    private Fixtures() {}

    static PolicyVersion version(Path archive, String platformId, String documentId, String date) {
        Path file = archive.resolve(platformId).resolve(documentId).resolve(date + ".md");
        try {
            return new PolicyVersion(
                    platformId, null, documentId, null, LocalDate.parse(date), null, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The differ as wired: paragraph splitter, rule-based topics. */
    static ClauseDiffer differ() {
        return new ClauseDiffer(new ParagraphClauseSplitter(), new TopicClassifier());
    }

    static PolicyVersion tunecloudTerms(String date) {
        return version(ARCHIVE, "tunecloud", "terms-of-service", date);
    }
}
