package dev.policybot.llm.baseline;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.VersionHistory;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Embedder;
import dev.policybot.llm.InProcessEmbedder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline a LangChain4j user would build ("easy RAG"): each document cut by
 * {@code DocumentSplitters.recursive(300, 30)}, the same in-process embedding model, an {@link InMemoryEmbeddingStore},
 * and a metadata filter for platform, document and date. No BM25, no platform detection, no headings: it is the peer
 * that {@code eval} measures our hybrid retrieval against, built as the library suggests.
 */
public final class EasyRagSearch implements ClauseSearch {

    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final List<Clause> segments = new ArrayList<>();
    private final Embedder embedder;

    private EasyRagSearch(Embedder embedder) {
        this.embedder = embedder;
    }

    /** Splits and embeds every version; each is valid until the next version of its document. */
    public static EasyRagSearch build(List<PolicyVersion> versions, Embedder embedder) {
        EasyRagSearch search = new EasyRagSearch(embedder);
        List<PolicyVersion> sorted = VersionHistory.sorted(versions);
        DocumentSplitter splitter = DocumentSplitters.recursive(300, 30);
        List<TextSegment> pieces = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            PolicyVersion version = sorted.get(i);
            if (!InProcessEmbedder.hasVisibleText(version.text())) {
                continue; // LangChain4j refuses a blank document; it has nothing to find anyway
            }
            LocalDate validTo =
                    i + 1 < sorted.size() && sorted.get(i + 1).documentKey().equals(version.documentKey())
                            ? sorted.get(i + 1).date()
                            : null;
            for (TextSegment piece : splitter.split(Document.from(version.text(), metadata(version, validTo)))) {
                if (InProcessEmbedder.hasVisibleText(piece.text())) {
                    pieces.add(search.remember(piece, version, validTo));
                }
            }
        }
        List<float[]> vectors =
                embedder.embedAll(pieces.stream().map(TextSegment::text).toList());
        List<Embedding> embeddings = vectors.stream().map(Embedding::from).toList();
        search.store.addAll(embeddings, pieces);
        return search;
    }

    private TextSegment remember(TextSegment piece, PolicyVersion version, LocalDate validTo) {
        int n = segments.size();
        segments.add(new Clause(
                version.documentKey() + "#easyrag-" + n,
                version.platformId(),
                version.platform(),
                version.documentId(),
                version.document(),
                List.of(),
                piece.text(),
                version.date(),
                validTo,
                version.url(),
                null));
        Metadata metadata = piece.metadata().copy().put(StoreMetadata.INDEX, n);
        return TextSegment.from(piece.text(), metadata);
    }

    private static Metadata metadata(PolicyVersion version, LocalDate validTo) {
        return StoreMetadata.of(version.platformId(), version.documentId(), version.date(), validTo);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        EmbeddingSearchRequest search = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(embedder.embedQuery(request.query())))
                .maxResults(request.limit())
                .filter(StoreMetadata.filter(request))
                .build();
        List<ScoredClause> hits = new ArrayList<>();
        for (EmbeddingMatch<TextSegment> match : store.search(search).matches()) {
            int n = match.embedded().metadata().getInteger(StoreMetadata.INDEX);
            hits.add(new ScoredClause(segments.get(n), match.score()));
        }
        return new SearchResult(hits, List.copyOf(request.platformIds()), List.of());
    }
}
