package dev.policybot.archive;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Source;
import dev.policybot.domain.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A source that imports an archive folder (either layout, see {@link ArchiveImport}): one document per folder. */
public final class ArchiveSource {
    private ArchiveSource() {}

    public static Source of(Path dir) {
        return of(dir, ArchiveImport.MAX_FILE_BYTES);
    }

    /** Files larger than {@code maxBytes} ({@code fetch.maxBytes}) are refused, as fetched pages are. */
    public static Source of(Path dir, long maxBytes) {
        return new Source("archive " + dir, null, null, null, null, List.of(), known -> read(dir, maxBytes));
    }

    static List<SourceDocument> read(Path dir, long maxBytes) {
        Map<String, List<PolicyVersion>> byDocument = new LinkedHashMap<>();
        for (PolicyVersion version : ArchiveImport.read(dir, maxBytes)) {
            byDocument
                    .computeIfAbsent(version.documentKey(), k -> new ArrayList<>())
                    .add(version);
        }
        List<SourceDocument> documents = new ArrayList<>();
        for (List<PolicyVersion> versions : byDocument.values()) {
            PolicyVersion newest = versions.get(versions.size() - 1);
            documents.add(new SourceDocument(
                    newest.platformId(),
                    newest.platform(),
                    newest.documentId(),
                    newest.document(),
                    newest.url(),
                    versions,
                    false,
                    null,
                    true));
        }
        return documents;
    }
}
