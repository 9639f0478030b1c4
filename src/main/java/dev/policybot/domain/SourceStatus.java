package dev.policybot.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is indexed for one platform document.
 *
 * @param platformId     platform slug
 * @param platform       platform display name
 * @param documentId     document slug
 * @param document       document display name
 * @param currentVersion date of the newest archived version, or {@code null} if none yet
 * @param versions       number of archived versions
 * @param lastChecked    when the source was last fetched or imported, or {@code null}
 * @param lastError      the last failure's one-line reason, or {@code null}
 * @param url            where it is fetched from, or {@code null}
 * @param lastFetched    when it was last fetched live with success, or {@code null} (never; imports do not count)
 * @param shipped        the date of the snapshot PolicyBot shipped this document in, or {@code null} if it did not
 */
public record SourceStatus(
        String platformId,
        String platform,
        String documentId,
        String document,
        LocalDate currentVersion,
        int versions,
        Instant lastChecked,
        String lastError,
        String url,
        Instant lastFetched,
        LocalDate shipped) {

    /** A document never fetched live and not shipped. */
    public SourceStatus(
            String platformId,
            String platform,
            String documentId,
            String document,
            LocalDate currentVersion,
            int versions,
            Instant lastChecked,
            String lastError,
            String url) {
        this(
                platformId,
                platform,
                documentId,
                document,
                currentVersion,
                versions,
                lastChecked,
                lastError,
                url,
                null,
                null);
    }

    /** "platform/document". */
    public String documentKey() {
        return platformId + "/" + documentId;
    }
}
