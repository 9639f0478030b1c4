package dev.policybot.search;

import static dev.policybot.fakes.Vectors.cosine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.Clause;
import dev.policybot.domain.IndexMissingException;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.port.ClauseIndexWriter.IndexStats;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.QueryUnderstanding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneClauseIndexTest {
    private static final LocalDate OLD = LocalDate.parse("2020-01-01");
    private static final LocalDate NEW = LocalDate.parse("2024-01-01");

    @TempDir
    Path dir;

    private final WordHashEmbedder embedder = new WordHashEmbedder();

    static Clause clause(String platform, String document, String slug, String text, LocalDate from, LocalDate to) {
        return new Clause(
                platform + "/" + document + "#" + slug,
                platform,
                platform.toUpperCase(),
                document,
                document,
                List.of("Section " + slug),
                text,
                from,
                to,
                "https://example.test/" + platform,
                null);
    }

    private static List<Clause> corpus() {
        return List.of(
                clause(
                        "tunes",
                        "terms",
                        "ai",
                        "We will not use your content to train generative AI models.",
                        NEW,
                        null),
                clause(
                        "tunes",
                        "terms",
                        "ai-old",
                        "We may use your content to improve our machine learning.",
                        OLD,
                        NEW),
                clause("tunes", "privacy", "ads", "We share your personal data with advertising partners.", NEW, null),
                clause("videos", "terms", "licence", "You grant us a licence to host and show your videos.", NEW, null),
                clause("videos", "terms", "ai", "Your videos may be used to train our AI models.", NEW, null));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream()
                .map(ScoredClause::clause)
                .map(Clause::versionKey)
                .toList();
    }

    @Test
    void searches_current_versions_of_the_requested_platform() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            SearchResult result = new HybridClauseSearch(index, embedder)
                    .search(new SearchRequest("train AI on my content", Set.of("tunes"), null, null, 5));
            assertThat(ids(result)).first().isEqualTo("tunes/terms#ai@2024-01-01");
            assertThat(ids(result)).noneMatch(k -> k.startsWith("videos/") || k.contains("ai-old"));
            assertThat(result.searched()).contains("TUNES · terms (version 2024-01-01)");
        }
    }

    @Test
    void every_hit_carries_the_questions_cosine_similarity_to_its_clause() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            String question = "train AI on my content";
            float[] q = embedder.embedQuery(question);

            SearchResult result = new HybridClauseSearch(index, embedder)
                    .search(new SearchRequest(question, Set.of(), null, null, 5));

            assertThat(result.hits()).hasSizeGreaterThan(1).allSatisfy(hit -> {
                float[] c = embedder.embedAll(List.of(LuceneClauseIndex.embeddingText(hit.clause())))
                        .get(0);
                assertThat(hit.similarity()).isCloseTo(cosine(q, c), Offset.offset(1e-5));
            });
        }
    }

    @Test
    void a_search_by_words_alone_knows_no_similarity() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());

            SearchResult result = new HybridClauseSearch(
                            index, embedder, RetrievalMode.BM25, Tuning.DEFAULT, QueryUnderstanding.NONE)
                    .search(new SearchRequest("train AI on my content", Set.of(), null, null, 5));

            assertThat(result.hits()).isNotEmpty().noneMatch(ScoredClause::hasSimilarity);
        }
    }

    @Test
    void searches_the_version_in_force_on_the_day_asked() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            SearchResult result = new HybridClauseSearch(index, embedder)
                    .search(new SearchRequest(
                            "machine learning content", Set.of("tunes"), null, LocalDate.parse("2021-06-01"), 5));
            assertThat(ids(result)).containsExactly("tunes/terms#ai-old@2020-01-01");
        }
    }

    @Test
    void detects_the_platform_named_in_the_query_and_searches_all_when_none_is_named() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            HybridClauseSearch search = new HybridClauseSearch(index, embedder);
            SearchResult named = search.search(SearchRequest.of("can videos train ai on my uploads", 5));
            assertThat(named.platformIds()).containsExactly("videos");
            assertThat(ids(named)).allMatch(k -> k.startsWith("videos/"));
            SearchResult unnamed = search.search(SearchRequest.of("train AI models", 10));
            assertThat(unnamed.platformIds()).isEmpty();
            assertThat(ids(unnamed)).anyMatch(k -> k.startsWith("videos/")).anyMatch(k -> k.startsWith("tunes/"));
        }
    }

    @Test
    void query_syntax_is_only_text() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            HybridClauseSearch search = new HybridClauseSearch(index, embedder);
            for (String query :
                    List.of("title:*", "\"unbalanced quote", "train~2 AI^3", "*", "(((", "AND OR NOT", "  ")) {
                assertThat(search.search(new SearchRequest(query, Set.of("tunes"), null, null, 3))
                                .hits())
                        .hasSizeLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void a_query_of_more_distinct_words_than_lucene_takes_clauses_is_searched_by_its_first_words() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            StringBuilder query = new StringBuilder("train AI models");
            for (int i = 0; i < 3_000; i++) {
                query.append(" word").append(i);
            }

            SearchResult result = new HybridClauseSearch(index, embedder)
                    .search(new SearchRequest(query.toString(), Set.of("tunes"), null, null, 3));

            assertThat(ids(result)).first().isEqualTo("tunes/terms#ai@2024-01-01");
        }
    }

    @Test
    void a_rebuild_never_deletes_a_generation_newer_than_the_one_it_replaced() throws Exception {
        // given a live index and a generation another process is still writing (named after a later time)
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            Path othersBuild = Files.createDirectories(dir.resolve("gen-" + (System.currentTimeMillis() + 3_600_000)));

            // when this process rebuilds
            index.rebuild(corpus());

            // then the other build's folder is still there, and the replaced generation is gone
            assertThat(othersBuild).isDirectory();
            try (Stream<Path> children = Files.list(dir)) {
                assertThat(children.filter(p -> p.getFileName().toString().startsWith("gen-")))
                        .hasSize(2);
            }
        }
    }

    @Test
    void a_rebuild_writes_through_temp_files_of_its_own_so_another_writers_temp_files_do_not_stop_it()
            throws Exception {
        // given the fixed temp names of the pointer and the embedding cache taken by another writer
        Files.createDirectories(dir.resolve("CURRENT.tmp"));
        Files.createDirectories(dir.resolve("embeddings-" + Slugs.of(embedder.modelId()) + ".bin.tmp"));
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            // when
            index.rebuild(corpus());

            // then
            assertThat(new HybridClauseSearch(index, embedder)
                            .search(new SearchRequest("train AI", Set.of("tunes"), null, null, 1))
                            .hits())
                    .hasSize(1);
        }
    }

    @Test
    void a_document_filter_keeps_only_that_document() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            SearchResult result = new HybridClauseSearch(index, embedder)
                    .search(new SearchRequest("your data content", Set.of("tunes"), "privacy", null, 5));
            assertThat(ids(result)).containsExactly("tunes/privacy#ads@2024-01-01");
        }
    }

    @Test
    void unchanged_clauses_are_not_embedded_again_even_by_a_new_process() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            IndexStats first = index.rebuild(corpus());
            assertThat(first.embedded()).isEqualTo(5);
        }
        WordHashEmbedder fresh = new WordHashEmbedder();
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, fresh)) {
            IndexStats second = index.rebuild(corpus());
            assertThat(second.embedded()).isZero();
            assertThat(second.embeddingsReused()).isEqualTo(5);
            assertThat(fresh.embedded).isZero();
        }
    }

    @Test
    void a_failed_rebuild_leaves_the_previous_index_searchable() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            HybridClauseSearch search = new HybridClauseSearch(index, embedder);
            embedder.failWith = new IllegalStateException("model crashed");
            List<Clause> changed = List.of(clause("tunes", "terms", "new", "Entirely new words here.", NEW, null));
            assertThatThrownBy(() -> index.rebuild(changed)).hasMessageContaining("model crashed");
            assertThat(ids(search.search(new SearchRequest("train AI", Set.of("tunes"), null, null, 1))))
                    .containsExactly("tunes/terms#ai@2024-01-01");
        }
    }

    @Test
    void searches_are_answered_from_the_live_index_while_a_rebuild_is_embedding() throws Exception {
        CountDownLatch embedding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Embedder gated = new Embedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                if (texts.stream().anyMatch(t -> t.contains("Entirely new"))) {
                    embedding.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return embedder.embedAll(texts);
            }

            @Override
            public int dimension() {
                return embedder.dimension();
            }

            @Override
            public String modelId() {
                return embedder.modelId();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, gated)) {
            index.rebuild(corpus());
            HybridClauseSearch search = new HybridClauseSearch(index, embedder);
            List<Clause> changed = new ArrayList<>(corpus());
            changed.add(clause("tunes", "terms", "new", "Entirely new words here.", NEW, null));
            Future<IndexStats> rebuilding = pool.submit(() -> index.rebuild(changed));
            assertThat(embedding.await(10, TimeUnit.SECONDS)).isTrue();

            Future<SearchResult> during =
                    pool.submit(() -> search.search(new SearchRequest("train AI", Set.of("tunes"), null, null, 1)));
            assertThat(ids(during.get(10, TimeUnit.SECONDS))).containsExactly("tunes/terms#ai@2024-01-01");
            assertThat(index.platforms()).extracting(p -> p.id()).contains("tunes", "videos");
            assertThat(rebuilding).isNotDone();

            release.countDown();
            assertThat(rebuilding.get(10, TimeUnit.SECONDS).clauses()).isEqualTo(6);
            assertThat(ids(search.search(new SearchRequest("entirely new words", Set.of("tunes"), null, null, 1))))
                    .containsExactly("tunes/terms#new@2024-01-01");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_rebuild_swaps_in_the_new_clauses_for_searches_already_wired() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            HybridClauseSearch search = new HybridClauseSearch(index, embedder);
            search.search(SearchRequest.of("train", 1));
            index.rebuild(List.of(clause("tunes", "terms", "new", "Fresh words about refunds.", NEW, null)));
            assertThat(ids(search.search(new SearchRequest("refunds", Set.of("tunes"), null, null, 3))))
                    .containsExactly("tunes/terms#new@2024-01-01");
        }
    }

    @Test
    void a_second_index_object_on_the_same_folder_sees_a_rebuild() {
        try (LuceneClauseIndex writer = new LuceneClauseIndex(dir, embedder);
                LuceneClauseIndex reader = new LuceneClauseIndex(dir, embedder)) {
            writer.rebuild(corpus());
            HybridClauseSearch search = new HybridClauseSearch(reader, embedder);
            assertThat(search.search(new SearchRequest("train", Set.of("tunes"), null, null, 3))
                            .hits())
                    .isNotEmpty();
            writer.rebuild(List.of(clause("tunes", "terms", "new", "Fresh words about refunds.", NEW, null)));
            assertThat(ids(search.search(new SearchRequest("refunds", Set.of("tunes"), null, null, 3))))
                    .containsExactly("tunes/terms#new@2024-01-01");
        }
    }

    @Test
    void identical_clauses_of_one_platform_appear_once() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(List.of(
                    clause("tunes", "terms", "a", "Refunds are given within 14 days.", NEW, null),
                    clause("tunes", "faq", "a", "Refunds are given within 14 days.", NEW, null),
                    clause("tunes", "terms", "b", "Other words entirely.", NEW, null)));
            SearchResult result = new HybridClauseSearch(index, embedder)
                    .search(new SearchRequest("refunds 14 days", Set.of("tunes"), null, null, 5));
            assertThat(result.hits().stream().filter(h -> h.clause().text().startsWith("Refunds")))
                    .hasSize(1);
        }
    }

    @Test
    void lists_the_indexed_platforms_with_their_documents() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            assertThat(index.platforms()).extracting(p -> p.id()).containsExactlyInAnyOrder("tunes", "videos");
            assertThat(index.platforms())
                    .filteredOn(p -> p.id().equals("tunes"))
                    .first()
                    .satisfies(p -> assertThat(p.documents()).containsExactlyInAnyOrder("terms", "privacy"));
        }
    }

    @Test
    void searching_before_any_build_says_to_reindex() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            assertThatThrownBy(() -> new HybridClauseSearch(index, embedder).search(SearchRequest.of("x", 1)))
                    .isInstanceOf(IndexMissingException.class)
                    .hasMessageContaining("reindex");
        }
    }
}
