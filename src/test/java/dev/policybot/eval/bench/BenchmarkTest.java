package dev.policybot.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseIndexWriter;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.domain.port.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end over hand-written fakes of the product's parts (the real ones are measured by `bench`). */
class BenchmarkTest {
    @TempDir
    Path work;

    private final FakeTarget target = new FakeTarget();

    @Test
    void aRunMeasuresEveryScaleAndReportsEveryFigureAsTableAndJson() throws IOException {
        // given two archived documents and a run at scales 1 and 3
        Benchmark.Options options = new Benchmark.Options(
                List.of(work.resolve("archive")),
                List.of(3),
                6,
                null,
                work.resolve("bench"),
                2,
                Duration.ofMillis(300),
                2,
                true);
        List<String> progress = new ArrayList<>();

        // when
        BenchReport report = new Benchmark(target, options, progress::add).run();

        // then scale 1 ran first, scale 3 indexed three times the clauses with vectors derived, not embedded
        assertThat(report.scales()).extracting(BenchReport.ScaleResult::scale).containsExactly(1, 3);
        BenchReport.ScaleResult one = report.scales().get(0);
        BenchReport.ScaleResult three = report.scales().get(1);
        assertThat(one.clauses()).isEqualTo(report.corpus().clauses());
        assertThat(three.clauses()).isEqualTo(3 * one.clauses());
        assertThat(one.vectors()).isEqualTo("model");
        assertThat(three.vectors()).isEqualTo("derived");
        assertThat(three.embeddedByModel()).isZero();
        assertThat(one.hybrid().n()).isPositive();
        assertThat(three.linearScan().n()).isPositive();
        assertThat(three.ask8().n()).isPositive();
        // the product's ask (with the history line) and the same ask without it, side by side
        assertThat(target.historyAskers.get()).isPositive();
        assertThat(one.askNoHistory().n()).isPositive();
        assertThat(report.table()).contains("ask without history line");
        assertThat(report.reindex().changedDocuments()).isEqualTo(1);
        assertThat(report.reindex().changedEmbedded()).isPositive();
        assertThat(report.model().raw().texts()).isEqualTo(2);
        // and a second run finds the corpus's vectors in the bench's cache
        assertThat(report.model().vectorsEmbedded()).isPositive();
        BenchReport again = new Benchmark(target, options, progress::add).run();
        assertThat(again.model().vectorsEmbedded()).isZero();
        assertThat(again.model().vectorsFromCache()).isEqualTo(report.model().vectorsEmbedded());
        // and reuses the kept index of scale 3, built by the same code from the same corpus
        assertThat(again.scales().get(1).builtAt()).isEqualTo(three.builtAt());
        assertThat(progress).anyMatch(line -> line.contains("reusing the index built"));
        assertThat(again.scales().get(1).hybrid().n()).isPositive();
        // and both outputs carry the figures
        assertThat(report.table()).contains("hybrid retrieval", "linear scan", "| 3 | ");
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.path("scales").get(1).path("hybrid").path("p99").isNumber())
                .isTrue();
        assertThat(json.path("targets").size()).isEqualTo(report.targets().size());
        assertThat(progress).anyMatch(line -> line.startsWith("scale 3"));
    }

    /** Two made-up documents, a paragraph splitter, a letter-count model, and an in-memory "index" per folder. */
    private static final class FakeTarget implements BenchTarget {
        private final Map<Path, List<Clause>> indexes = new HashMap<>();

        @Override
        public String indexCodeFingerprint() {
            return BenchTarget.packagesFingerprint(FakeTarget.class);
        }

        @Override
        public List<PolicyVersion> readArchive(Path dir) {
            return List.of(
                    new PolicyVersion(
                            "tunebox",
                            "Tunebox",
                            "terms",
                            "Terms",
                            BenchFixtures.NOW,
                            null,
                            "You keep the rights to your tracks.\n\nWe never train models on your tracks.\n\n"
                                    + "You may close your account at any time."),
                    new PolicyVersion(
                            "streamly",
                            "Streamly",
                            "privacy",
                            "Privacy",
                            BenchFixtures.NOW,
                            null,
                            "We keep your listening history for two years.\n\nAdvertisers never get your email."));
        }

        @Override
        public ClauseSplitter splitter() {
            return (version, validTo) -> {
                List<Clause> clauses = new ArrayList<>();
                String[] paragraphs = version.text().split("\n\n");
                for (int i = 0; i < paragraphs.length; i++) {
                    clauses.add(new Clause(
                            version.documentKey() + "#p-" + i,
                            version.platformId(),
                            version.platform(),
                            version.documentId(),
                            version.document(),
                            List.of(),
                            paragraphs[i],
                            version.date(),
                            validTo,
                            null,
                            null));
                }
                return clauses;
            };
        }

        @Override
        public Embedder loadModel() {
            return new BenchFixtures.LetterEmbedder();
        }

        @Override
        public String embeddingText(Clause clause) {
            return clause.text();
        }

        @Override
        public IndexUnderTest openIndex(Path dir, Embedder passages) {
            return new IndexUnderTest() {
                @Override
                public ClauseIndexWriter writer() {
                    return clauses -> {
                        passages.embedAll(clauses.stream().map(Clause::text).toList());
                        indexes.put(dir, List.copyOf(clauses));
                        try {
                            Files.writeString(dir.resolve("index"), "clauses " + clauses.size());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return new ClauseIndexWriter.IndexStats(clauses.size(), clauses.size(), 0, 0);
                    };
                }

                @Override
                public ClauseSearch hybrid(Embedder queries) {
                    return request -> {
                        queries.embedQuery(request.query());
                        return byWords(indexes.get(dir), request);
                    };
                }

                @Override
                public ClauseSearch bm25() {
                    return request -> byWords(indexes.get(dir), request);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public ClauseSearch linearScan(List<Clause> clauses, List<float[]> vectors, Embedder queries) {
            List<float[]> held = List.copyOf(vectors);
            return request -> {
                float[] q = queries.embedQuery(request.query());
                List<ScoredClause> hits = new ArrayList<>();
                for (int i = 0; i < clauses.size(); i++) {
                    double dot = 0;
                    for (int d = 0; d < q.length; d++) {
                        dot += q[d] * held.get(i)[d];
                    }
                    hits.add(new ScoredClause(clauses.get(i), dot));
                }
                hits.sort(Comparator.comparingDouble(ScoredClause::score).reversed());
                return new SearchResult(hits.subList(0, Math.min(request.limit(), hits.size())), List.of(), List.of());
            };
        }

        final java.util.concurrent.atomic.AtomicInteger historyAskers = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Asker withHistory(Asker asker, Path archive) {
            historyAskers.incrementAndGet();
            return question -> asker.ask(question).withHistory(List.of());
        }

        @Override
        public Asker extractiveAsker(ClauseSearch search, Embedder embedder) {
            return question -> {
                SearchResult evidence = search.search(SearchRequest.of(question.text(), 3));
                if (embedder != null) {
                    embedder.embedQuery(question.text());
                }
                return new Answer(
                        evidence.hits().isEmpty()
                                ? "not addressed"
                                : evidence.hits().get(0).clause().text(),
                        List.of(),
                        evidence.hits().isEmpty(),
                        "extractive",
                        List.of(),
                        List.of(),
                        null,
                        0);
            };
        }

        private static SearchResult byWords(List<Clause> clauses, SearchRequest request) {
            List<String> words =
                    List.of(request.query().toLowerCase(Locale.ROOT).split("\\W+"));
            List<ScoredClause> hits = clauses.stream()
                    .filter(Clause::isCurrent)
                    .map(c -> new ScoredClause(
                            c,
                            words.stream()
                                    .filter(c.text().toLowerCase(Locale.ROOT)::contains)
                                    .count()))
                    .filter(h -> h.score() > 0)
                    .sorted(Comparator.comparingDouble(ScoredClause::score).reversed())
                    .limit(request.limit())
                    .toList();
            return new SearchResult(hits, List.of(), List.of());
        }
    }
}
