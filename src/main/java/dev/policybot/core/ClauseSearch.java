package dev.policybot.core;

/** Port: finds the clauses that best answer a query. */
@FunctionalInterface
public interface ClauseSearch {
    SearchResult search(SearchRequest request);
}
