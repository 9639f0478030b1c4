package dev.policybot.search;

import dev.policybot.core.Clause;
import dev.policybot.core.ClauseSearch;
import dev.policybot.core.Embedder;
import dev.policybot.core.PlatformDetector;
import dev.policybot.core.QueryUnderstanding;
import dev.policybot.core.ScoredClause;
import dev.policybot.core.SearchRequest;
import dev.policybot.core.SearchResult;
import dev.policybot.core.UnderstoodQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.document.LongPoint;

/**
 * Hybrid retrieval over the clause index: BM25 over the analysed text and nearest neighbours of the question's vector,
 * each restricted to the requested platforms, document and date, fused, de-duplicated, and ranked with ties broken by
 * the clause version key. When the request names no platform, the platforms named in the question are searched (each
 * on its own, results interleaved), or all platforms when it names none. A {@link QueryUnderstanding} reads the question
 * once first: its English words and policy wording are searched, and its prior raises clauses before ranking.
 */
public final class HybridClauseSearch implements ClauseSearch {
    private static final int MAX_SEARCHED_LINES = 100;
    /** Best score first, ties by version key. */
    private static final Comparator<ScoredClause> RANKING = Comparator.comparingDouble(ScoredClause::score).reversed()
            .thenComparing(hit -> hit.clause().versionKey());
    /** Scopes (platforms, document, day) whose searched-documents list is kept per index generation. */
    private static final int MAX_CACHED_SCOPES = 4096;

    private final LuceneClauseIndex index;
    private final Embedder embedder;
    private final RetrievalMode mode;
    private final Tuning tuning;
    private final QueryUnderstanding understanding;
    private final Analyzer english = Analyzers.english();
    private final Analyzer exact = Analyzers.exact();
    private volatile DetectorCache detector;
    private volatile SearchedCache searchedCache;

    public HybridClauseSearch(LuceneClauseIndex index, Embedder embedder, RetrievalMode mode, Tuning tuning) {
        this(index, embedder, mode, tuning, QueryUnderstanding.NONE);
    }

    public HybridClauseSearch(LuceneClauseIndex index, Embedder embedder, RetrievalMode mode, Tuning tuning,
                              QueryUnderstanding understanding) {
        this.index = index;
        this.embedder = embedder;
        this.mode = mode;
        this.tuning = tuning;
        this.understanding = understanding;
    }

    public HybridClauseSearch(LuceneClauseIndex index, Embedder embedder) {
        this(index, embedder, RetrievalMode.HYBRID, Tuning.DEFAULT);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        if (request.query().codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new SearchResult(List.of(), List.copyOf(request.platformIds()), List.of());
        }
        PlatformDetector detector = detector();
        List<String> platforms = new ArrayList<>(request.platformIds().isEmpty()
                ? detector.detect(request.query()) : new TreeSet<>(request.platformIds()));
        // without understanding nothing reads the platform words, and finding them costs as much as detecting
        UnderstoodQuery understood = understanding.understand(request.query(),
                understanding == QueryUnderstanding.NONE ? Set.of() : detector.nameWords(request.query()));
        float[] vector = mode == RetrievalMode.BM25 ? null : embedder.embedQuery(understood.dense());
        Set<String> hinted = DocumentHints.of(understood.english());
        return index.withSearcher(searcher -> {
            List<List<ScoredClause>> perPlatform = new ArrayList<>();
            if (platforms.isEmpty()) {
                SearchRequest wider = new SearchRequest(request.query(), request.platformIds(), request.documentId(),
                        request.asOf(), request.limit() * PlatformDiversity.CANDIDATES_PER_RESULT);
                perPlatform.add(PlatformDiversity.apply(rank(searcher, understood, wider, filter(null, request),
                        everyCurrentClause(request), vector, hinted, false), request.limit()));
            } else {
                for (String platform : platforms) {
                    perPlatform.add(rank(searcher, understood, request, filter(platform, request), false, vector,
                            hinted, true));
                }
            }
            List<ScoredClause> hits = interleave(perPlatform, request.limit());
            if (vector != null && hasDirection(vector)) {
                hits = withSimilarities(searcher, hits, vector);
            }
            return new SearchResult(hits, platforms, searched(searcher, platforms, request));
        });
    }

    private static List<ScoredClause> withSimilarities(IndexSearcher searcher, List<ScoredClause> hits, float[] vector) {
        try {
            return ClauseSimilarities.of(searcher.getIndexReader(), hits, vector);
        } catch (IOException e) {
            throw new UncheckedIOException("reading clause vectors failed", e);
        }
    }

    private PlatformDetector detector() {
        DetectorCache cached = detector;
        var platforms = index.platforms();
        if (cached == null || cached.platforms != platforms) {
            cached = new DetectorCache(platforms, new PlatformDetector(platforms));
            detector = cached;
        }
        return cached.detector;
    }

    private record DetectorCache(Object platforms, PlatformDetector detector) {
    }

    /**
     * A question without a single content word (only emoji, punctuation or query syntax) can embed to the zero vector;
     * cosine against it is undefined (Lucene asserts), so such a question is ranked by its words alone.
     */
    private static boolean hasDirection(float[] vector) {
        for (float x : vector) {
            if (x != 0f) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param everyCurrent whether {@code filter} keeps every current clause and nothing else: BM25 then leaves out the
     *                     older versions instead of filtering, as a pure disjunction that Lucene's MaxScore scorer skips
     *                     through (with a filter it scores every clause holding a question word: 80 ms at 877,734)
     * @param onePlatform  whether the search is within one platform (only then may feedback knobs apply)
     */
    private List<ScoredClause> rank(IndexSearcher shared, UnderstoodQuery understood, SearchRequest request,
                                    Query filter, boolean everyCurrent, float[] vector, Set<String> hinted,
                                    boolean onePlatform) {
        try {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setSimilarity(new BM25Similarity((float) tuning.bm25K1(), (float) tuning.bm25B()));
            Query bm25Filter = everyCurrent ? null : filter;
            Query words = mode == RetrievalMode.DENSE ? null : bm25Query(understood, bm25Filter, Map.of());
            TopDocs bm25 = words == null ? null : bm25Top(searcher, words);
            boolean dense = mode != RetrievalMode.BM25 && hasDirection(vector);
            TopDocs knn = dense ? searcher.search(knn(vector, filter), tuning.candidates()) : null;
            Map<Integer, Double> fused = fused(bm25, knn, understood);
            // feedback only within one platform: across all of them the first hits are of different services, and moving
            // towards them fights the platform diversity such a question needs
            if (mode == RetrievalMode.HYBRID && tuning.feedback() && onePlatform && !fused.isEmpty()) {
                List<Integer> best = best(fused, Math.max(tuning.denseFeedback(), tuning.termFeedback()));
                IndexReader reader = searcher.getIndexReader();
                if (tuning.termFeedback() > 0) {
                    Set<String> own = new HashSet<>(QueryTerms.list(english, IndexFields.TEXT, understood.english()));
                    Map<String, Float> added = Feedback.terms(reader, english,
                            best.subList(0, Math.min(best.size(), tuning.termFeedback())), own, tuning.feedbackTerms());
                    bm25 = bm25Top(searcher, bm25Query(understood, bm25Filter, added));
                }
                if (tuning.denseFeedback() > 0 && dense) {
                    float[] moved = Feedback.movedVector(reader, vector,
                            best.subList(0, Math.min(best.size(), tuning.denseFeedback())), tuning.denseFeedbackMix());
                    knn = searcher.search(knn(moved, filter), tuning.candidates());
                }
                fused = fused(bm25, knn, understood);
            }
            return ordered(searcher, fused, hinted, understood.prior(), request.limit());
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private Map<Integer, Double> fused(TopDocs bm25, TopDocs knn, UnderstoodQuery understood) {
        Map<Integer, Double> fused = new HashMap<>();
        if (bm25 != null) {
            fuse(fused, bm25, tuning.bm25Weight(), mode == RetrievalMode.BM25);
        }
        if (knn != null) {
            fuse(fused, knn, tuning.denseWeight() * understood.denseTrust(), mode == RetrievalMode.DENSE);
        }
        return fused;
    }

    private TopDocs bm25Top(IndexSearcher searcher, Query words) throws IOException {
        // hits are counted only as far as the candidates: past that, Lucene skips what cannot compete
        return searcher.search(words, new TopScoreDocCollectorManager(tuning.candidates(), null, tuning.candidates()));
    }

    private Query knn(float[] vector, Query filter) {
        return new KnnFloatVectorQuery(IndexFields.VECTOR, vector, tuning.candidates(), filter);
    }

    /** The {@code count} best fused candidates, ties by doc id (a feedback pass must not depend on hash order). */
    private static List<Integer> best(Map<Integer, Double> fused, int count) {
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(Map.Entry::getKey).toList();
    }

    private void fuse(Map<Integer, Double> fused, TopDocs top, double weight, boolean alone) {
        ScoreDoc[] docs = top.scoreDocs;
        double max = docs.length == 0 ? 1 : docs[0].score;
        double min = docs.length == 0 ? 0 : docs[docs.length - 1].score;
        for (int rank = 0; rank < docs.length; rank++) {
            double contribution;
            if (alone) {
                contribution = docs[rank].score;
            } else if (tuning.scoreFusion()) {
                contribution = weight * (max == min ? 1 : (docs[rank].score - min) / (max - min));
            } else {
                contribution = weight / (tuning.rrfK() + rank + 1);
            }
            fused.merge(docs[rank].doc, contribution, Double::sum);
        }
    }

    /**
     * The fused candidates as clauses, best first (ties by version key), de-duplicated, cut to {@code limit}. Reading a
     * clause's stored fields is the dearest step of a search, so candidates are scored from doc values (document key,
     * text length), then read in order of score, one group of equal scores at a time, only until {@code limit} distinct
     * clauses are found; the order is exactly that of sorting all of them. A question's clause prior needs every
     * candidate's text, and so does the length prior in an index built without text lengths: then all are read.
     */
    private List<ScoredClause> ordered(IndexSearcher searcher, Map<Integer, Double> fused, Set<String> hinted,
                                       UnderstoodQuery.ClausePrior prior, int limit) throws IOException {
        if (tuning.lengthPrior() > 0 && !hasTextLengths(searcher)) {
            return orderedReadingAll(searcher, fused, hinted, prior, limit);
        }
        List<Map.Entry<Integer, Double>> byScore = boosted(searcher, fused, hinted);
        byScore.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
        if (prior != UnderstoodQuery.ClausePrior.NONE) {
            return orderedWithPrior(searcher, byScore, prior, limit);
        }
        StoredFields stored = searcher.storedFields();
        List<ScoredClause> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < byScore.size() && kept.size() < limit; ) {
            int to = from;
            while (to < byScore.size() && byScore.get(to).getValue().equals(byScore.get(from).getValue())) {
                to++;
            }
            List<ScoredClause> group = new ArrayList<>(to - from);
            for (Map.Entry<Integer, Double> entry : byScore.subList(from, to)) {
                group.add(new ScoredClause(ClauseDocuments.toClause(stored.document(entry.getKey())), entry.getValue()));
            }
            group.sort(Comparator.comparing(hit -> hit.clause().versionKey()));
            for (ScoredClause hit : group) {
                if (kept.size() < limit && seen.add(dedupeKey(hit))) {
                    kept.add(hit);
                }
            }
            from = to;
        }
        return kept;
    }

    /**
     * With a question's clause prior: candidates are read best score first, each scored with its prior, until no unread
     * one could reach the {@code limit}-th distinct clause even with the prior's largest factor; then ranked as
     * {@link #orderedReadingAll} ranks (the unread ones would all have ranked below).
     */
    private List<ScoredClause> orderedWithPrior(IndexSearcher searcher, List<Map.Entry<Integer, Double>> byScore,
                                                UnderstoodQuery.ClausePrior prior, int limit) throws IOException {
        double atMost = prior.atMost();
        StoredFields stored = searcher.storedFields();
        List<ScoredClause> scored = new ArrayList<>();
        Map<String, ScoredClause> bestOfEachText = new HashMap<>();
        for (Map.Entry<Integer, Double> entry : byScore) {
            boolean outOfReach = limit > 0 && bestOfEachText.size() >= limit
                    && entry.getValue() * atMost < lowestKept(bestOfEachText, limit);
            if (outOfReach) {
                break;
            }
            Clause clause = ClauseDocuments.toClause(stored.document(entry.getKey()));
            ScoredClause hit = new ScoredClause(clause, entry.getValue() * prior.of(clause));
            scored.add(hit);
            bestOfEachText.merge(dedupeKey(hit), hit, (a, b) -> RANKING.compare(a, b) <= 0 ? a : b);
        }
        scored.sort(RANKING);
        return dedupe(scored, limit);
    }

    /** The score of the {@code limit}-th best distinct clause read so far. */
    private static double lowestKept(Map<String, ScoredClause> bestOfEachText, int limit) {
        List<ScoredClause> best = new ArrayList<>(bestOfEachText.values());
        best.sort(RANKING);
        return best.get(limit - 1).score();
    }

    private static boolean hasTextLengths(IndexSearcher searcher) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(IndexFields.TEXT_LENGTH) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fused scores times the document-hint boost and the length prior, read from doc values (no stored fields), with
     * the same arithmetic as {@link #orderedReadingAll}. Candidates are visited in doc id order, as doc values iterate.
     */
    private List<Map.Entry<Integer, Double>> boosted(IndexSearcher searcher, Map<Integer, Double> fused,
                                                     Set<String> hinted) throws IOException {
        boolean hinting = !hinted.isEmpty() && tuning.documentBoost() != 1.0;
        boolean lengths = tuning.lengthPrior() > 0;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Map.Entry<Integer, Double>> scores = new ArrayList<>(fused.entrySet());
        scores.sort(Map.Entry.comparingByKey());
        LeafReaderContext leaf = null;
        SortedSetDocValues keys = null;
        NumericDocValues textLengths = null;
        for (int i = 0; i < scores.size(); i++) {
            int doc = scores.get(i).getKey();
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                keys = hinting ? DocValues.getSortedSet(leaf.reader(), IndexFields.DOCUMENT_KEY) : null;
                textLengths = lengths ? DocValues.getNumeric(leaf.reader(), IndexFields.TEXT_LENGTH) : null;
            }
            double boost = 1.0;
            if (hinting && keys.advanceExact(doc - leaf.docBase)) {
                String documentId = keys.lookupOrd(keys.nextOrd()).utf8ToString().split("\t", -1)[1];
                boost = DocumentHints.matches(hinted, documentId) ? tuning.documentBoost() : 1.0;
            }
            if (lengths && textLengths.advanceExact(doc - leaf.docBase)) {
                boost *= 1 + tuning.lengthPrior() * Math.log1p(textLengths.longValue() / 400.0);
            }
            scores.set(i, Map.entry(doc, scores.get(i).getValue() * boost));
        }
        return scores;
    }

    private List<ScoredClause> orderedReadingAll(IndexSearcher searcher, Map<Integer, Double> fused, Set<String> hinted,
                                                 UnderstoodQuery.ClausePrior prior, int limit) throws IOException {
        List<ScoredClause> scored = new ArrayList<>(fused.size());
        StoredFields stored = searcher.storedFields();
        for (Map.Entry<Integer, Double> entry : fused.entrySet()) {
            Clause clause = ClauseDocuments.toClause(stored.document(entry.getKey()));
            double boost = hinted.isEmpty() || !DocumentHints.matches(hinted, clause) ? 1.0 : tuning.documentBoost();
            boost *= 1 + tuning.lengthPrior() * Math.log1p(clause.text().length() / 400.0);
            scored.add(new ScoredClause(clause, entry.getValue() * boost * prior.of(clause)));
        }
        scored.sort(RANKING);
        return dedupe(scored, limit);
    }

    /** The platform and the text with each whitespace run ({@code \s+}) as one space, without a regex per clause. */
    private static String dedupeKey(ScoredClause hit) {
        String text = hit.clause().text().strip();
        StringBuilder key = new StringBuilder(hit.clause().platformId().length() + 1 + text.length())
                .append(hit.clause().platformId()).append('\n');
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space) {
                key.append(c);
            } else if (!inSpace) {
                key.append(' ');
            }
            inSpace = space;
        }
        return key.toString();
    }

    /** Keeps the best of clauses with the same text on the same platform (documents that repeat a section). */
    private static List<ScoredClause> dedupe(List<ScoredClause> ranked, int limit) {
        Set<String> seen = new HashSet<>();
        List<ScoredClause> kept = new ArrayList<>();
        for (ScoredClause hit : ranked) {
            if (seen.add(dedupeKey(hit))) {
                kept.add(hit);
                if (kept.size() == limit) {
                    break;
                }
            }
        }
        return kept;
    }

    /**
     * The question's words (and feedback terms), within {@code filter}, or over every current clause when it is
     * {@code null}.
     */
    private Query bm25Query(UnderstoodQuery understood, Query filter, Map<String, Float> feedback) {
        String text = understood.english();
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        QueryTerms.of(english, IndexFields.TEXT, text)
                .forEach((term, count) -> words.add(new TermQuery(new Term(IndexFields.TEXT, term)), Occur.SHOULD));
        if (tuning.exactWeight() > 0) {
            QueryTerms.of(exact, IndexFields.TEXT_EXACT, text).forEach((term, count) -> words.add(
                    new BoostQuery(new TermQuery(new Term(IndexFields.TEXT_EXACT, term)), (float) tuning.exactWeight()),
                    Occur.SHOULD));
        }
        if (tuning.synonymWeight() > 0) {
            for (String term : PolicySynonyms.expand(english, IndexFields.TEXT, text)) {
                words.add(new BoostQuery(new TermQuery(new Term(IndexFields.TEXT, term)), (float) tuning.synonymWeight()),
                        Occur.SHOULD);
            }
        }
        ExpansionTerms.of(english, IndexFields.TEXT, understood).forEach((term, weight) -> words.add(
                new BoostQuery(new TermQuery(new Term(IndexFields.TEXT, term)), weight), Occur.SHOULD));
        if (tuning.proximityWeight() > 0) {
            for (List<String> pair : adjacentPairs(QueryTerms.list(english, IndexFields.TEXT, text))) {
                words.add(new BoostQuery(new PhraseQuery(tuning.proximitySlop(), IndexFields.TEXT, pair.get(0), pair.get(1)),
                        (float) tuning.proximityWeight()), Occur.SHOULD);
            }
        }
        feedback.forEach((term, weight) -> words.add(new BoostQuery(new TermQuery(new Term(IndexFields.TEXT, term)),
                (float) (weight * tuning.feedbackWeight())), Occur.SHOULD));
        if (filter == null) {
            return words.add(LongPoint.newRangeQuery(IndexFields.VALID_TO, Long.MIN_VALUE, IndexFields.OPEN_END - 1),
                    Occur.MUST_NOT).build();
        }
        return new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    }

    /** A search of every platform and document as they are now: nothing filtered but the older versions. */
    private static boolean everyCurrentClause(SearchRequest request) {
        return request.documentId() == null && request.asOf() == null;
    }

    /**
     * Each pair of neighbouring analysed query terms once (sequential dependence): a clause that has them near each other
     * ("delete ... account") usually speaks of what the question asks, one that has them paragraphs apart often not.
     */
    static Set<List<String>> adjacentPairs(List<String> terms) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (int i = 1; i < terms.size(); i++) {
            if (!terms.get(i - 1).equals(terms.get(i))) {
                pairs.add(List.of(terms.get(i - 1), terms.get(i)));
            }
        }
        return pairs;
    }

    /** Platform (or all), document, and the versions in force on the day asked (current versions by default). */
    private static Query filter(String platformId, SearchRequest request) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        filter.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (platformId != null) {
            filter.add(new TermQuery(new Term(IndexFields.PLATFORM_ID, platformId)), Occur.FILTER);
        }
        if (request.documentId() != null) {
            filter.add(new TermQuery(new Term(IndexFields.DOCUMENT_ID, request.documentId())), Occur.FILTER);
        }
        LocalDate day = request.asOf();
        if (day == null) {
            filter.add(LongPoint.newExactQuery(IndexFields.VALID_TO, IndexFields.OPEN_END), Occur.FILTER);
        } else {
            filter.add(LongPoint.newRangeQuery(IndexFields.VALID_FROM, Long.MIN_VALUE, day.toEpochDay()), Occur.FILTER);
            filter.add(LongPoint.newRangeQuery(IndexFields.VALID_TO, day.toEpochDay() + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        return filter.build();
    }

    /** Round-robin over the platforms' rankings, so a comparison question gets clauses of each platform. */
    private static List<ScoredClause> interleave(List<List<ScoredClause>> rankings, int limit) {
        if (rankings.size() == 1) {
            return rankings.get(0);
        }
        List<ScoredClause> merged = new ArrayList<>();
        for (int rank = 0; merged.size() < limit; rank++) {
            boolean any = false;
            for (List<ScoredClause> ranking : rankings) {
                if (rank < ranking.size() && merged.size() < limit) {
                    merged.add(ranking.get(rank));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return merged;
    }

    /**
     * The documents searched depend only on the index generation and the request's scope, yet listing them walks every
     * clause in scope; so each scope's list is kept until the index changes.
     */
    private List<String> searched(IndexSearcher searcher, List<String> platforms, SearchRequest request) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return listSearched(searcher, platforms, request);
        }
        SearchedCache cache = searchedCache;
        if (cache == null || cache.generation != helper.getKey() || cache.lines.size() > MAX_CACHED_SCOPES) {
            cache = new SearchedCache(helper.getKey(), new ConcurrentHashMap<>());
            searchedCache = cache;
        }
        String scope = platforms + "|" + request.documentId() + "|" + request.asOf();
        return cache.lines.computeIfAbsent(scope, k -> listSearched(searcher, platforms, request));
    }

    private record SearchedCache(IndexReader.CacheKey generation, Map<String, List<String>> lines) {
    }

    private List<String> listSearched(IndexSearcher searcher, List<String> platforms, SearchRequest request) {
        Map<String, String> lines = new LinkedHashMap<>();
        try {
            for (String platform : platforms.isEmpty() ? java.util.Collections.<String>singletonList(null) : platforms) {
                lines.putAll(SearchedDocuments.in(searcher, filter(platform, request), MAX_SEARCHED_LINES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.values().stream().limit(MAX_SEARCHED_LINES).toList();
    }
}
