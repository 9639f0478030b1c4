package dev.policybot.ingest;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.Source;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** A document kept as a local file (.md, .html, .txt, .pdf), read now; the version is dated today. */
public final class FileSource {
    private final Clock clock;
    private final long maxBytes;

    public FileSource(Clock clock, long maxBytes) {
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Larger files are refused: {@code fetch.maxBytes}, which archive folders use too. */
    long maxBytes() {
        return maxBytes;
    }

    public Source source(String platform, List<String> aliases, String document, Path file) {
        String platformId = Slugs.of(platform);
        String documentId = Slugs.of(document);
        return new Source(
                platform + " · " + document,
                platformId,
                platform,
                documentId,
                document,
                aliases,
                known -> List.of(read(platformId, platform, documentId, document, file)));
    }

    private SourceDocument read(String platformId, String platform, String documentId, String document, Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > maxBytes) {
                throw UserFacingException.failure(
                        file + ": the file is larger than the " + maxBytes + "-byte limit", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw UserFacingException.badInput(file + ": no such file");
        } catch (IOException e) {
            throw UserFacingException.failure(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        String text =
                Extraction.extract(bytes, null, file.getFileName().toString(), List.of(), List.of(), file.toString());
        PolicyVersion version =
                new PolicyVersion(platformId, platform, documentId, document, LocalDate.now(clock), null, text);
        return new SourceDocument(
                platformId, platform, documentId, document, null, List.of(version), false, null, false);
    }
}
