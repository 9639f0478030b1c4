package dev.policybot.domain.port;

import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;

/** Port: finds the clauses that best answer a query. */
@FunctionalInterface
public interface ClauseSearch {
    SearchResult search(SearchRequest request);
}
