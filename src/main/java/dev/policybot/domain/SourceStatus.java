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
 */
public record SourceStatus(String platformId, String platform, String documentId, String document,
                           LocalDate currentVersion, int versions, Instant lastChecked, String lastError,
                           String url) {
}
