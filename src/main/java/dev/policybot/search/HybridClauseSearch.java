package dev.policybot.search;

import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.UnderstoodQuery;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.QueryUnderstanding;
import dev.policybot.question.PlatformDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Hybrid retrieval over the clause index: BM25 over the analysed text and nearest neighbours of the question's vector,
 * each restricted to the requested platforms, document and date, fused, de-duplicated, and ranked with ties broken by
 * the clause version key. When the request names no platform, the platforms named in the question are searched (each
 * on its own, results interleaved), or all platforms when it names none. A {@link QueryUnderstanding} reads the question
 * once first: its English words and policy wording are searched, and its prior raises clauses before ranking.
 */
public final class HybridClauseSearch implements ClauseSearch {
    private final LuceneClauseIndex index;
    private final Embedder embedder;
    private final RetrievalMode mode;
    private final Tuning tuning;
    private final QueryUnderstanding understanding;
    private final PlatformRouting routing;
    private final Bm25Queries bm25Queries = new Bm25Queries(Analyzers.english());
    private final Fusion fusion;
    private final CandidateRanking ranking;
    private final SearchedScopes searched = new SearchedScopes();

    public HybridClauseSearch(LuceneClauseIndex index, Embedder embedder, RetrievalMode mode, Tuning tuning) {
        this(index, embedder, mode, tuning, QueryUnderstanding.NONE);
    }

    public HybridClauseSearch(
            LuceneClauseIndex index,
            Embedder embedder,
            RetrievalMode mode,
            Tuning tuning,
            QueryUnderstanding understanding) {
        this.index = index;
        this.embedder = embedder;
        this.mode = mode;
        this.tuning = tuning;
        this.understanding = understanding;
        this.routing = new PlatformRouting(index);
        this.fusion = new Fusion(mode, tuning);
        this.ranking = new CandidateRanking(tuning);
    }

    public HybridClauseSearch(LuceneClauseIndex index, Embedder embedder) {
        this(index, embedder, RetrievalMode.HYBRID, Tuning.DEFAULT);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        if (request.query().codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new SearchResult(List.of(), List.copyOf(request.platformIds()), List.of());
        }
        PlatformDetector detector = routing.detector();
        List<String> platforms = new ArrayList<>(
                request.platformIds().isEmpty()
                        ? detector.detect(request.query())
                        : new TreeSet<>(request.platformIds()));
        // without understanding nothing reads the platform words, and finding them costs as much as detecting
        UnderstoodQuery understood = understanding.understand(
                request.query(),
                understanding == QueryUnderstanding.NONE ? Set.of() : detector.nameWords(request.query()));
        float[] vector = mode == RetrievalMode.BM25 ? null : embedder.embedQuery(understood.dense());
        Set<String> hinted = DocumentHints.of(understood.english());
        return index.withSearcher(searcher -> {
            List<List<ScoredClause>> perPlatform = new ArrayList<>();
            if (platforms.isEmpty()) {
                SearchRequest wider = new SearchRequest(
                        request.query(),
                        request.platformIds(),
                        request.documentId(),
                        request.asOf(),
                        request.limit() * PlatformDiversity.CANDIDATES_PER_RESULT);
                perPlatform.add(PlatformDiversity.apply(
                        rank(
                                searcher,
                                understood,
                                wider,
                                Bm25Queries.filter(null, request),
                                Bm25Queries.everyCurrentClause(request),
                                vector,
                                hinted),
                        request.limit()));
            } else {
                for (String platform : platforms) {
                    perPlatform.add(rank(
                            searcher,
                            understood,
                            request,
                            Bm25Queries.filter(platform, request),
                            false,
                            vector,
                            hinted));
                }
            }
            List<ScoredClause> hits = PlatformRouting.interleave(perPlatform, request.limit());
            if (vector != null && Fusion.hasDirection(vector)) {
                hits = withSimilarities(searcher, hits, vector);
            }
            return new SearchResult(hits, platforms, searched.of(searcher, platforms, request));
        });
    }

    private static List<ScoredClause> withSimilarities(
            IndexSearcher searcher, List<ScoredClause> hits, float[] vector) {
        try {
            return ClauseSimilarities.of(searcher.getIndexReader(), hits, vector);
        } catch (IOException e) {
            throw new UncheckedIOException("reading clause vectors failed", e);
        }
    }

    /**
     * @param everyCurrent whether {@code filter} keeps every current clause and nothing else: BM25 then leaves out the
     *                     older versions instead of filtering, as a pure disjunction that Lucene's MaxScore scorer skips
     *                     through (with a filter it scores every clause holding a question word: 80 ms at 877,734)
     */
    private List<ScoredClause> rank(
            IndexSearcher shared,
            UnderstoodQuery understood,
            SearchRequest request,
            Query filter,
            boolean everyCurrent,
            float[] vector,
            Set<String> hinted) {
        try {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setSimilarity(new BM25Similarity((float) tuning.bm25K1(), (float) tuning.bm25B()));
            TopDocs bm25 = mode == RetrievalMode.DENSE
                    ? null
                    : fusion.bm25Top(searcher, bm25Queries.of(understood, everyCurrent ? null : filter));
            boolean dense = mode != RetrievalMode.BM25 && Fusion.hasDirection(vector);
            TopDocs knn = dense ? fusion.knnTop(searcher, vector, filter) : null;
            Map<Integer, Double> fused = fusion.fused(bm25, knn, understood);
            return ranking.ordered(searcher, fused, hinted, understood.prior(), request.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }
}
