package dev.policybot.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One clause of one version of one policy document: the unit PolicyBot indexes, retrieves and cites.
 *
 * @param id          stable id {@code platform/document#section-slug-n}; the same text keeps the same id across reindexes
 * @param platformId  platform slug, e.g. {@code soundcloud}
 * @param platform    platform display name, e.g. {@code SoundCloud}
 * @param documentId  document slug, e.g. {@code terms-of-service}
 * @param document    document display name, e.g. {@code Terms of Service}
 * @param headingPath headings above the clause, outermost first (may be empty)
 * @param text        the clause text, verbatim from the policy
 * @param validFrom   the version date of the document this clause belongs to
 * @param validTo     the next version's date, or {@code null} when this is the current version
 * @param url         the source URL of the document, or {@code null} when unknown
 * @param deepLink    URL with a {@code #:~:text=} fragment that jumps to the passage, or {@code null}
 */
public record Clause(
        String id,
        String platformId,
        String platform,
        String documentId,
        String document,
        List<String> headingPath,
        String text,
        LocalDate validFrom,
        LocalDate validTo,
        String url,
        String deepLink) {

    public Clause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(validFrom, "validFrom");
        headingPath = List.copyOf(headingPath == null ? List.of() : headingPath);
        platform = platform == null ? platformId : platform;
        document = document == null ? documentId : document;
    }

    /** The version date, as shown to users. */
    public LocalDate version() {
        return validFrom;
    }

    /** The innermost heading, or the document name when the clause has none. */
    public String section() {
        return headingPath.isEmpty() ? document : headingPath.get(headingPath.size() - 1);
    }

    /** {@code platformId/documentId}, the key the question sets use for a document. */
    public String documentKey() {
        return platformId + "/" + documentId;
    }

    /** The link to the passage: its deep link when it has one, else the document's URL. */
    public String link() {
        return deepLink != null ? deepLink : url;
    }

    /** Unique key of this clause version in the index. */
    public String versionKey() {
        return id + "@" + validFrom;
    }

    public boolean isCurrent() {
        return validTo == null;
    }

    /** Whether this version was in force on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    public Clause withValidity(LocalDate from, LocalDate to) {
        return new Clause(id, platformId, platform, documentId, document, headingPath, text, from, to, url, deepLink);
    }
}
