package dev.policybot.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated version of one policy document, as archived: its text is Markdown-like plain text
 * (headings as {@code #} lines, paragraphs and list items separated by blank lines).
 *
 * @param platformId platform slug
 * @param platform   platform display name
 * @param documentId document slug
 * @param document   document display name ("Terms of Service")
 * @param date       version date
 * @param url        where the document lives online, or {@code null}
 * @param text       the extracted, normalised text
 */
public record PolicyVersion(
        String platformId,
        String platform,
        String documentId,
        String document,
        LocalDate date,
        String url,
        String text) {
    public PolicyVersion {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        platform = platform == null ? platformId : platform;
        document = document == null ? documentId : document;
    }

    public String documentKey() {
        return platformId + "/" + documentId;
    }
}
