package dev.policybot.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * What to retrieve.
 *
 * @param query       the user's words, never parsed as query syntax
 * @param platformIds platforms to search; empty means detect from the query, or all when none is named
 * @param documentId  only this document slug, or {@code null} for all documents
 * @param asOf        the day whose versions to search, or {@code null} for current versions
 * @param limit       at most this many results
 */
public record SearchRequest(String query, Set<String> platformIds, String documentId, LocalDate asOf, int limit) {

    public SearchRequest {
        query = query == null ? "" : query;
        platformIds = Set.copyOf(platformIds == null ? Set.of() : platformIds);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, Set.of(), null, null, limit);
    }
}
