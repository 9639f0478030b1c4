package dev.policybot.llm.baseline;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.policybot.domain.Clause;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Embedder;
import java.util.ArrayList;
import java.util.List;

/**
 * The speed baseline of {@code bench}: the very clauses and vectors of the index, in LangChain4j's
 * {@link InMemoryEmbeddingStore} with a metadata filter for platform, document and date, as an easy-RAG application
 * would hold them. Every search scans every entry (a linear scan); it detects no platform and has no BM25.
 */
public final class InMemoryStoreSearch implements ClauseSearch {

    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final List<Clause> clauses;
    private final Embedder queries;

    private InMemoryStoreSearch(List<Clause> clauses, Embedder queries) {
        this.clauses = clauses;
        this.queries = queries;
    }

    /**
     * @param clauses the clauses, in the order of {@code vectors}
     * @param vectors one vector per clause (read once each, in order)
     * @param queries embeds the questions
     */
    public static InMemoryStoreSearch of(List<Clause> clauses, List<float[]> vectors, Embedder queries) {
        if (clauses.size() != vectors.size()) {
            throw new IllegalArgumentException(clauses.size() + " clauses but " + vectors.size() + " vectors");
        }
        InMemoryStoreSearch search = new InMemoryStoreSearch(clauses, queries);
        List<Embedding> embeddings = new ArrayList<>(clauses.size());
        List<TextSegment> segments = new ArrayList<>(clauses.size());
        for (int i = 0; i < clauses.size(); i++) {
            embeddings.add(Embedding.from(vectors.get(i)));
            segments.add(TextSegment.from(clauses.get(i).text(), metadata(clauses.get(i), i)));
        }
        search.store.addAll(embeddings, segments);
        return search;
    }

    private static Metadata metadata(Clause clause, int index) {
        return StoreMetadata.of(clause.platformId(), clause.documentId(), clause.validFrom(), clause.validTo())
                .put(StoreMetadata.INDEX, index);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        EmbeddingSearchRequest search = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(queries.embedQuery(request.query())))
                .maxResults(request.limit())
                .filter(StoreMetadata.filter(request))
                .build();
        List<ScoredClause> hits = new ArrayList<>();
        for (EmbeddingMatch<TextSegment> match : store.search(search).matches()) {
            hits.add(new ScoredClause(
                    clauses.get(match.embedded().metadata().getInteger(StoreMetadata.INDEX)), match.score()));
        }
        return new SearchResult(hits, List.copyOf(request.platformIds()), List.of());
    }
}
