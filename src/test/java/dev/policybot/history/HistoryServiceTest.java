package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.archive.DatedArchive;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.ChangeQuery;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.change.HistoryEntry;
import dev.policybot.question.DocumentResolver;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** HistoryService over the fixture archive, with the real differ and the test splitter. */
class HistoryServiceTest {

    private final DatedArchive archive = new DatedArchive(Fixtures.ARCHIVE);
    private final HistoryService history = new HistoryService(
            new DocumentResolver(
                    archive, () -> List.of(new PlatformInfo("tunecloud", "TuneCloud", List.of("TC"), null))),
            archive,
            Fixtures.differ());

    @Test
    void default_compares_the_newest_two_versions_and_lists_earlier_changes() {
        // when
        ChangeResult result = only(history.changes(ChangeQuery.latest("TuneCloud", "Terms of Service")));

        // then
        assertThat(result.change().from()).isEqualTo(LocalDate.of(2024, 2, 7));
        assertThat(result.change().to()).isEqualTo(LocalDate.of(2025, 5, 27));
        assertThat(result.change().document()).isEqualTo("Terms of Service");
        assertThat(result.earlier()).extracting(HistoryEntry::date).containsExactly(LocalDate.of(2024, 2, 7));
        assertThat(result.earlier().get(0).change().topics()).contains(Topic.AI_TRAINING);
    }

    @Test
    void dates_pick_the_versions_in_force_on_those_days() {
        ChangeQuery query =
                new ChangeQuery("tunecloud", "tos", LocalDate.of(2023, 6, 1), LocalDate.of(2024, 12, 31), Set.of());

        ChangeResult result = only(history.changes(query));

        assertThat(result.change().from()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(result.change().to()).isEqualTo(LocalDate.of(2024, 2, 7));
    }

    @Test
    void only_to_compares_with_the_version_before() {
        ChangeQuery query = new ChangeQuery("TC", "terms", null, LocalDate.of(2024, 3, 1), Set.of());

        ChangeResult result = only(history.changes(query));

        assertThat(result.change().from()).isEqualTo(LocalDate.of(2023, 1, 10));
    }

    @Test
    void both_days_in_one_version_gives_a_note() {
        ChangeQuery query =
                new ChangeQuery("tunecloud", "terms", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), Set.of());

        ChangeResult result = only(history.changes(query));

        assertThat(result.change()).isNull();
        assertThat(result.note()).contains("2024-02-07").contains("in force on both days");
    }

    @Test
    void a_day_before_the_first_version_is_bad_input_naming_the_first() {
        ChangeQuery query = new ChangeQuery("tunecloud", "terms", LocalDate.of(2020, 1, 1), null, Set.of());

        assertThatThrownBy(() -> history.changes(query))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("the first is from 2023-01-10");
    }

    @Test
    void topic_without_dates_shows_the_newest_change_on_that_topic_only() {
        ChangeQuery query = new ChangeQuery("tunecloud", "terms", null, null, Topic.matching("payouts"));
        ChangeQuery none = new ChangeQuery("tunecloud", "terms", null, null, Set.of(Topic.AGE_LIMITS));

        ChangeResult result = only(history.changes(query));

        assertThat(result.change().to()).isEqualTo(LocalDate.of(2025, 5, 27));
        assertThat(result.change().changes())
                .allSatisfy(c -> assertThat(c.topics()).contains(Topic.MONETISATION));
        assertThat(only(history.changes(none)).note())
                .isEqualTo("No archived change of TuneCloud Terms of Service touches age-limits.");
    }

    @Test
    void ai_topic_finds_the_newest_ai_training_change() {
        ChangeQuery query = new ChangeQuery("tunecloud", null, null, null, Topic.matching("ai"));

        List<ChangeResult> results = history.changes(query);

        assertThat(results)
                .extracting(r -> r.document().documentId())
                .containsExactly("privacy-policy", "terms-of-service");
        assertThat(results.get(1).change().to()).isEqualTo(LocalDate.of(2025, 5, 27));
    }

    @Test
    void a_document_with_one_version_has_nothing_to_compare() {
        ChangeResult result = only(history.changes(ChangeQuery.latest("tunecloud", "privacy")));

        assertThat(result.note())
                .isEqualTo(
                        "Only one version (2024-01-01) of TuneCloud Privacy Policy is archived, so there is nothing to compare.");
    }

    @Test
    void history_lists_versions_newest_first_with_a_summary_each() {
        List<DocumentHistory> histories = history.history("tunecloud", "terms-of-service");

        List<HistoryEntry> entries = histories.get(0).entries();
        assertThat(entries)
                .extracting(HistoryEntry::date)
                .containsExactly(LocalDate.of(2025, 5, 27), LocalDate.of(2024, 2, 7), LocalDate.of(2023, 1, 10));
        assertThat(entries)
                .extracting(HistoryEntry::summary)
                .containsExactly(
                        "1 added, 1 removed, 2 changed, 1 formatting-only · topics: ai-training, terms-changes, monetisation"
                                + " · stated date not updated",
                        "1 added, 2 changed, 1 formatting-only · topics: ai-training, terms-changes",
                        "first archived version");
    }

    @Test
    void unknown_platform_suggests_close_names() {
        assertThatThrownBy(() -> history.history("TuneClod", null))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("No archived platform is called 'TuneClod'. Did you mean TuneCloud?");
    }

    @Test
    void unknown_document_lists_the_platforms_documents() {
        assertThatThrownBy(() -> history.history("tunecloud", "cookie policy"))
                .hasMessage("TuneCloud has no archived document called 'cookie policy'. "
                        + "Its documents: Privacy Policy, Terms of Service.");
    }

    private static ChangeResult only(List<ChangeResult> results) {
        assertThat(results).hasSize(1);
        return results.get(0);
    }
}
