package dev.policybot.llm.baseline;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.policybot.domain.SearchRequest;
import java.time.LocalDate;

/**
 * The metadata the in-memory store baselines attach to each stored text (platform, document, validity), and the
 * store filter that applies a {@link SearchRequest}'s platform, document and as-of date to it.
 */
final class StoreMetadata {
    /** The stored text's position in the baseline's own list. */
    static final String INDEX = "n";

    private static final String PLATFORM = "platformId";
    private static final String DOCUMENT = "documentId";
    private static final String FROM = "validFrom";
    private static final String TO = "validTo";
    private static final long OPEN_END = Long.MAX_VALUE;

    private StoreMetadata() {}

    /** Metadata for a text valid from {@code from} until {@code to} ({@code null}: still in force). */
    static Metadata of(String platformId, String documentId, LocalDate from, LocalDate to) {
        return new Metadata()
                .put(PLATFORM, platformId)
                .put(DOCUMENT, documentId)
                .put(FROM, from.toEpochDay())
                .put(TO, to == null ? OPEN_END : to.toEpochDay());
    }

    static Filter filter(SearchRequest request) {
        Filter filter = request.asOf() == null
                ? metadataKey(TO).isEqualTo(OPEN_END)
                : metadataKey(FROM)
                        .isLessThanOrEqualTo(request.asOf().toEpochDay())
                        .and(metadataKey(TO).isGreaterThan(request.asOf().toEpochDay()));
        if (!request.platformIds().isEmpty()) {
            filter = filter.and(metadataKey(PLATFORM).isIn(request.platformIds()));
        }
        if (request.documentId() != null) {
            filter = filter.and(metadataKey(DOCUMENT).isEqualTo(request.documentId()));
        }
        return filter;
    }
}
