package dev.policybot.domain;

import java.util.List;

/**
 * Ranked clauses, best first, with what was searched (so an answer can say where it looked).
 *
 * @param hits        ranked clauses
 * @param platformIds the platforms searched (detected or given); empty means all
 * @param searched    the documents searched, as "Platform · Document (version YYYY-MM-DD)" lines
 */
public record SearchResult(List<ScoredClause> hits, List<String> platformIds, List<String> searched) {
    public SearchResult {
        hits = List.copyOf(hits);
        platformIds = List.copyOf(platformIds);
        searched = List.copyOf(searched);
    }
}
