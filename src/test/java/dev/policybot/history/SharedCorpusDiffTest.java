package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.DocumentChange;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real histories in ../shared/corpus (skipped when it is absent). */
class SharedCorpusDiffTest {

    private final ClauseDiffer differ = Fixtures.differ();

    @BeforeEach
    void needsSharedCorpus() {
        assumeTrue(
                Files.isDirectory(Fixtures.SHARED_CORPUS.resolve("soundcloud/terms-of-service")),
                "../shared/corpus is absent");
    }

    @Test
    void soundcloud_2024_to_2025_removes_the_ai_input_clause_and_adds_the_opt_in_promise() {
        // when
        DocumentChange change = diff("soundcloud", "terms-of-service", "2024-02-07", "2025-05-27");

        // then
        List<ClauseChange> ai = change.contentChangesAbout(Set.of(Topic.AI_TRAINING));
        assertThat(ai)
                .flatExtracting(ClauseChange::removedSentences)
                .anySatisfy(s -> assertThat(s)
                        .contains(
                                "may be used to inform, train, develop or serve as input to artificial intelligence"));
        assertThat(ai)
                .flatExtracting(ClauseChange::addedSentences)
                .anySatisfy(
                        s -> assertThat(s).startsWith("We will not use your content to train generative AI models"));
    }

    @Test
    void zoom_august_2023_adds_the_no_training_promise() {
        DocumentChange change = diff("zoom", "terms-of-service", "2023-08-07", "2023-08-11");

        assertThat(change.contentChangesAbout(Set.of(Topic.AI_TRAINING)))
                .flatExtracting(ClauseChange::addedSentences)
                .anySatisfy(s -> assertThat(s).contains("to train Zoom or third-party artificial intelligence models"));
        assertThat(change.notice()).isEqualTo(DocumentChange.Notice.DATE_UPDATED);
    }

    @Test
    void zoom_2026_changed_content_under_the_2023_effective_date() {
        DocumentChange change = diff("zoom", "terms-of-service", "2023-08-11", "2026-08-06");

        assertThat(change.statedAfter().phrase()).isEqualTo("Effective Date: August 11, 2023");
        assertThat(change.silentChange()).isTrue();
    }

    private DocumentChange diff(String platform, String document, String from, String to) {
        return differ.diff(
                Fixtures.version(Fixtures.SHARED_CORPUS, platform, document, from),
                Fixtures.version(Fixtures.SHARED_CORPUS, platform, document, to));
    }
}
