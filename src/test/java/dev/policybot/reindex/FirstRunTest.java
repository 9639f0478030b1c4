package dev.policybot.reindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.port.Archive;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.embedding.EmbeddingProgress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first command on a machine without an index builds it from the archive, reading no source. */
class FirstRunTest {
    private final List<String> notes = new ArrayList<>();
    private final List<String> reindexes = new ArrayList<>();

    /** An archive holding these versions; storing is not part of a first run. */
    private static Archive archiveOf(List<PolicyVersion> versions) {
        return new Archive() {
            @Override
            public Stored store(SourceDocument document, Instant checkedAt) {
                throw new AssertionError("a first run stores nothing");
            }

            @Override
            public void recordFailure(
                    String platformId,
                    String platform,
                    String documentId,
                    String document,
                    String reason,
                    Instant checkedAt) {
                throw new AssertionError("a first run fetches nothing, so nothing fails");
            }

            @Override
            public SourceDocument.Validators validators(String platformId, String documentId) {
                return SourceDocument.Validators.NONE;
            }

            @Override
            public List<PolicyVersion> versions() {
                return versions;
            }
        };
    }

    private Reindexer archiveOnly() {
        return (platform, progress) -> {
            reindexes.add("platform=" + platform);
            return new ReindexReport(List.of(), 42, Duration.ofSeconds(3));
        };
    }

    private static final List<PolicyVersion> TWO_VERSIONS = List.of(
            new PolicyVersion("tunes", "Tunes", "terms", "Terms", LocalDate.of(2024, 2, 7), null, "Old terms."),
            new PolicyVersion("tunes", "Tunes", "terms", "Terms", LocalDate.of(2026, 8, 17), null, "New terms."));

    @Test
    void withoutAnIndexItBuildsOneFromTheArchiveAndSaysSo() {
        Optional<ReindexReport> report =
                new FirstRun(() -> false, archiveOf(TWO_VERSIONS), archiveOnly()).ensureIndex(notes::add);

        assertThat(report).map(ReindexReport::clauses).contains(42);
        assertThat(reindexes).containsExactly("platform=null");
        assertThat(notes)
                .containsExactly(
                        "No index yet: building it from the archive (2 versions of 1 documents, offline; first run only)...",
                        "Indexed 42 clauses in 3 s.");
    }

    @Test
    void withAnIndexItDoesNothing() {
        Optional<ReindexReport> report =
                new FirstRun(() -> true, archiveOf(TWO_VERSIONS), archiveOnly()).ensureIndex(notes::add);

        assertThat(report).isEmpty();
        assertThat(reindexes).isEmpty();
        assertThat(notes).isEmpty();
    }

    @Test
    void withNothingArchivedItSaysHowToFetchInsteadOfFetching() {
        Optional<ReindexReport> report =
                new FirstRun(() -> false, archiveOf(List.of()), archiveOnly()).ensureIndex(notes::add);

        assertThat(report).isEmpty();
        assertThat(reindexes).isEmpty();
        assertThat(notes).containsExactly("No index and nothing archived yet: run 'reindex' to fetch the sources.");
    }

    @Test
    void embeddingProgressIsReportedSliceBySliceWithTheModelsVectors() {
        List<String> seen = new ArrayList<>();
        Embedder model = new Embedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(t -> new float[] {t.length()}).toList();
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public String modelId() {
                return "length";
            }
        };
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            texts.add("x".repeat(i + 1));
        }

        List<float[]> vectors = new EmbeddingProgress(
                        model, (done, total, what) -> seen.add(done + "/" + total + " " + what))
                .embedAll(texts);

        assertThat(vectors).hasSize(150);
        assertThat(vectors.get(149)[0]).isEqualTo(150f);
        assertThat(seen)
                .containsExactly("64/150 clauses embedded", "128/150 clauses embedded", "150/150 clauses embedded");
    }
}
