package dev.policybot.domain;

import dev.policybot.domain.port.SourceReader;
import java.util.List;
import java.util.Objects;

/**
 * A configured source, as the reindex sees it.
 *
 * @param name       how reports name it ("SoundCloud · Terms of Service", "archive ../shared/corpus")
 * @param platformId the platform slug, or {@code null} when the source holds many platforms (an archive folder)
 * @param platform   the platform display name, or {@code null} with {@code platformId}
 * @param documentId the document slug, or {@code null} when the source holds many documents
 * @param document   the document display name, or {@code null} with {@code documentId}
 * @param aliases    other names people use for the platform, for {@code --only}
 * @param reader     reads it
 */
public record Source(
        String name,
        String platformId,
        String platform,
        String documentId,
        String document,
        List<String> aliases,
        SourceReader reader) {
    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
    }

    /** Whether this source may hold documents of the platform a user named (slug, display name or alias). */
    public boolean mayHold(String platformName) {
        if (platformId == null) {
            return true;
        }
        String wanted = Slugs.of(platformName);
        return platformId.equals(wanted)
                || Slugs.of(platform).equals(wanted)
                || aliases.stream().anyMatch(n -> Slugs.of(n).equals(wanted));
    }

    /** Whether this source is exactly one platform document (so a failure can be recorded against it). */
    public boolean isOneDocument() {
        return platformId != null && documentId != null;
    }
}
