package dev.policybot.fakes;

import dev.policybot.domain.Clause;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.text.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A stand-in for the Lucene search: ranks clauses by shared content terms, scopes to the requested (or named)
 * platform and to the versions in force on the day asked, and records the requests it got.
 */
public final class FakeClauseSearch implements ClauseSearch {
    private final List<Clause> clauses;
    private final List<SearchRequest> requests = new ArrayList<>();
    private Integer maxHits;

    public FakeClauseSearch(List<Clause> clauses) {
        this.clauses = List.copyOf(clauses);
    }

    /** Returns at most this many hits, whatever the request's limit (to mimic "3 clauses were given"). */
    public FakeClauseSearch limitedTo(int hits) {
        this.maxHits = hits;
        return this;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        requests.add(request);
        Set<String> platforms = request.platformIds().isEmpty() ? detect(request.query()) : request.platformIds();
        List<Clause> scope = clauses.stream()
                .filter(c -> platforms.isEmpty() || platforms.contains(c.platformId()))
                .filter(c -> request.asOf() == null ? c.isCurrent() : c.validOn(request.asOf()))
                .toList();
        Set<String> queryTerms = Words.contentTerms(request.query());
        List<ScoredClause> hits = scope.stream()
                .map(c -> new ScoredClause(c, shared(queryTerms, c)))
                .filter(h -> h.score() > 0)
                .sorted(Comparator.comparingDouble(ScoredClause::score)
                        .reversed()
                        .thenComparing(h -> h.clause().id()))
                .limit(maxHits == null ? request.limit() : Math.min(maxHits, request.limit()))
                .toList();
        Set<String> searched = new LinkedHashSet<>();
        for (Clause c : scope) {
            searched.add(c.platform() + " · " + c.document() + " (version " + c.version() + ")");
        }
        return new SearchResult(hits, List.copyOf(platforms), List.copyOf(searched));
    }

    private static double shared(Set<String> queryTerms, Clause clause) {
        Set<String> terms = Words.contentTerms(clause.text() + " " + String.join(" ", clause.headingPath()));
        return queryTerms.stream().filter(terms::contains).count();
    }

    private Set<String> detect(String query) {
        Set<String> found = new LinkedHashSet<>();
        String lower = query.toLowerCase(Locale.ROOT);
        for (Clause c : clauses) {
            if (lower.contains(c.platformId())) {
                found.add(c.platformId());
            }
        }
        return found;
    }

    public List<SearchRequest> requests() {
        return List.copyOf(requests);
    }

    public SearchRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }
}
