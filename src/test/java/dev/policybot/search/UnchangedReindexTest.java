package dev.policybot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.port.ClauseIndexWriter.IndexStats;
import dev.policybot.ingest.MarkdownClauseSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild from the very versions the live index was built from leaves it as it is; any change rebuilds. */
class UnchangedReindexTest {
    @TempDir
    Path dir;

    private final WordHashEmbedder embedder = new WordHashEmbedder();
    private final MarkdownClauseSplitter splitter = new MarkdownClauseSplitter();

    private static PolicyVersion version(LocalDate day, String text) {
        return new PolicyVersion(
                "tunes", "Tunes", "terms-of-service", "Terms of Service", day, "https://tunes.example/terms", text);
    }

    private static List<PolicyVersion> versions() {
        return List.of(
                version(
                        LocalDate.of(2024, 2, 7),
                        "# Licence\n\nYour content may be used to train artificial "
                                + "intelligence technologies as part of providing the services, as this licence allows."),
                version(
                        LocalDate.of(2026, 8, 17),
                        "# Licence\n\nWe will not use your content to train generative AI "
                                + "models without your explicit consent, given through an opt-in mechanism."));
    }

    private List<String> generations() throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("gen-"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theSameVersionsAgainLeaveTheIndexAsItIs() throws IOException {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            // given an index built from two versions
            IndexStats first = index.rebuildFrom(versions(), splitter);
            List<String> built = generations();

            // when the same versions are indexed again
            IndexStats second = index.rebuildFrom(versions(), splitter);

            // then nothing is written, the stats say so, and the index still answers
            assertThat(first.unchanged()).isFalse();
            assertThat(second.unchanged()).isTrue();
            assertThat(second.clauses()).isEqualTo(first.clauses()).isPositive();
            assertThat(second.embedded()).isZero();
            assertThat(generations()).isEqualTo(built);
            assertThat(new HybridClauseSearch(index, embedder)
                            .search(new SearchRequest("train generative AI", Set.of("tunes"), null, null, 3))
                            .hits())
                    .isNotEmpty();
        }
    }

    @Test
    void aChangedVersionRebuilds() throws IOException {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuildFrom(versions(), splitter);
            List<String> built = generations();
            List<PolicyVersion> changed = List.of(
                    versions().get(0),
                    version(
                            LocalDate.of(2026, 8, 17),
                            "# Licence\n\nWe will never use your content to train generative AI models, with or without "
                                    + "your consent, whatever this licence otherwise allows."));

            IndexStats again = index.rebuildFrom(changed, splitter);

            assertThat(again.unchanged()).isFalse();
            assertThat(generations()).hasSize(1).isNotEqualTo(built);
        }
    }

    @Test
    void anIndexBuiltFromClausesAloneIsRebuiltFromVersions() throws IOException {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(dev.policybot.domain.VersionHistory.splitAll(versions(), splitter));

            assertThat(index.rebuildFrom(versions(), splitter).unchanged()).isFalse();
        }
    }
}
