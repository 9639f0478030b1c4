package dev.policybot.domain;

import java.util.List;
import java.util.Objects;

/**
 * One policy document as a source delivered it: its names, where it lives, and the versions read (one for a live
 * fetch, the whole history for a dated archive), or nothing new when the server answered "not modified".
 *
 * @param platformId  platform slug
 * @param platform    platform display name
 * @param documentId  document slug
 * @param document    document display name
 * @param url         where it lives online, or {@code null}
 * @param versions    the versions read, oldest first; empty when {@code notModified}
 * @param notModified the server said the document has not changed since the validators sent
 * @param validators  the validators to send next time, or {@link Validators#NONE}
 * @param history     the versions are a dated history (an archive import): each date is kept as observed, unless
 *                    the archive already holds that text for that day; otherwise (a fetch) a version is kept only
 *                    when its text differs from the archived version before it
 */
public record SourceDocument(
        String platformId,
        String platform,
        String documentId,
        String document,
        String url,
        List<PolicyVersion> versions,
        boolean notModified,
        Validators validators,
        boolean history) {
    public SourceDocument {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(documentId, "documentId");
        versions = List.copyOf(versions);
        validators = validators == null ? Validators.NONE : validators;
        platform = platform == null ? platformId : platform;
        document = document == null ? documentId : document;
    }

    public String documentKey() {
        return platformId + "/" + documentId;
    }

    /** "Platform · Document", as reports show it. */
    public String label() {
        return platform + " · " + document;
    }

    /** HTTP cache validators of the last successful fetch, for conditional requests. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }
}
