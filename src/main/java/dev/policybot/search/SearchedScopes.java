package dev.policybot.search;

import dev.policybot.domain.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * The documents a search covered, for answers that say what was searched. They depend only on the index generation
 * and the request's scope, yet listing them walks every clause in scope; so each scope's list is kept until the index
 * changes.
 */
final class SearchedScopes {
    private static final int MAX_SEARCHED_LINES = 100;
    /** Scopes (platforms, document, day) whose searched-documents list is kept per index generation. */
    private static final int MAX_CACHED_SCOPES = 4096;

    private volatile Cache cache;

    List<String> of(IndexSearcher searcher, List<String> platforms, SearchRequest request) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return list(searcher, platforms, request);
        }
        Cache current = cache;
        if (current == null || current.generation != helper.getKey() || current.lines.size() > MAX_CACHED_SCOPES) {
            current = new Cache(helper.getKey(), new ConcurrentHashMap<>());
            cache = current;
        }
        String scope = platforms + "|" + request.documentId() + "|" + request.asOf();
        return current.lines.computeIfAbsent(scope, k -> list(searcher, platforms, request));
    }

    private record Cache(IndexReader.CacheKey generation, Map<String, List<String>> lines) {}

    private static List<String> list(IndexSearcher searcher, List<String> platforms, SearchRequest request) {
        Map<String, String> lines = new LinkedHashMap<>();
        try {
            for (String platform : platforms.isEmpty() ? Collections.<String>singletonList(null) : platforms) {
                lines.putAll(SearchedDocuments.in(searcher, Bm25Queries.filter(platform, request), MAX_SEARCHED_LINES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.values().stream().limit(MAX_SEARCHED_LINES).toList();
    }
}
