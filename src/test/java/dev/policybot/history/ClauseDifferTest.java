package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.ClauseChange.Kind;
import dev.policybot.domain.change.DiffSegment;
import dev.policybot.domain.change.DiffSegment.Op;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.DocumentChange.Notice;
import dev.policybot.topic.TopicClassifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseDifferTest {

    private final ClauseDiffer differ = Fixtures.differ();

    @Test
    void added_ai_sentence_is_a_changed_licence_clause_tagged_ai_training() {
        // when
        DocumentChange change = diff("2023-01-10", "2024-02-07");

        // then
        ClauseChange licence = only(change, Kind.CHANGED, "grant TuneCloud");
        assertThat(licence.addedSentences())
                .containsExactly("You explicitly agree that your Content may be used to "
                        + "inform, train, develop or serve as input to artificial intelligence technologies.");
        assertThat(licence.removedSentences()).isEmpty();
        assertThat(licence.topics()).containsExactly(Topic.AI_TRAINING);
        assertThat(licence.words())
                .filteredOn(s -> s.op() == Op.INSERTED)
                .extracting(DiffSegment::text)
                .singleElement()
                .asString()
                .contains("inform, train, develop");
    }

    @Test
    void a_new_stated_date_is_a_changed_clause_about_terms_changes() {
        DocumentChange change = diff("2023-01-10", "2024-02-07");

        ClauseChange date = only(change, Kind.CHANGED, "last updated");
        assertThat(date.topics()).containsExactly(Topic.TERMS_CHANGES);
    }

    @Test
    void bold_markup_alone_is_a_formatting_change_without_topics() {
        DocumentChange change = diff("2023-01-10", "2024-02-07");

        ClauseChange age = only(change, Kind.FORMATTING, "16 years");
        assertThat(age.topics()).isEmpty();
        assertThat(change.summary()).startsWith("1 added, 2 changed, 1 formatting-only");
    }

    @Test
    void new_section_is_added_and_updated_date_means_they_told_us() {
        DocumentChange change = diff("2023-01-10", "2024-02-07");

        assertThat(only(change, Kind.ADDED, "meetups").after().section()).isEqualTo("Meetups");
        assertThat(change.statedBefore().date()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(change.statedAfter().date()).isEqualTo(LocalDate.of(2024, 2, 7));
        assertThat(change.notice()).isEqualTo(Notice.DATE_UPDATED);
        assertThat(change.silentChange()).isFalse();
    }

    @Test
    void replaced_ai_sentence_shows_removed_and_added_sentences() {
        DocumentChange change = diff("2024-02-07", "2025-05-27");

        ClauseChange licence = only(change, Kind.CHANGED, "grant TuneCloud");
        assertThat(licence.removedSentences()).singleElement().asString().contains("serve as input to artificial");
        assertThat(licence.addedSentences())
                .singleElement()
                .asString()
                .startsWith("We will not use your content to train generative AI models");
        assertThat(licence.topics()).contains(Topic.AI_TRAINING);
    }

    @Test
    void content_change_under_an_unchanged_stated_date_is_flagged() {
        DocumentChange change = diff("2024-02-07", "2025-05-27");

        assertThat(change.notice()).isEqualTo(Notice.DATE_NOT_UPDATED);
        assertThat(change.silentChange()).isTrue();
        assertThat(change.summary()).endsWith("stated date not updated");
    }

    @Test
    void removed_added_whitespace_and_shortened_clauses_are_each_reported_as_such() {
        DocumentChange change = diff("2024-02-07", "2025-05-27");

        assertThat(only(change, Kind.REMOVED, "meetups").topics()).isEmpty();
        assertThat(only(change, Kind.ADDED, "payouts").topics()).containsExactly(Topic.MONETISATION);
        assertThat(only(change, Kind.FORMATTING, "Write to us").words())
                .extracting(DiffSegment::op)
                .contains(Op.DELETED, Op.INSERTED);
        ClauseChange notice = only(change, Kind.CHANGED, "from time to time");
        assertThat(notice.removedSentences()).containsExactly("We will notify you of material changes by email.");
        assertThat(notice.topics()).containsExactly(Topic.TERMS_CHANGES);
        assertThat(change.unchanged()).isEqualTo(4);
    }

    @Test
    void changes_follow_the_reading_order_of_the_new_version() {
        DocumentChange change = diff("2024-02-07", "2025-05-27");

        assertThat(change.changes())
                .extracting(ClauseChange::kind)
                .containsExactly(Kind.CHANGED, Kind.CHANGED, Kind.REMOVED, Kind.ADDED, Kind.FORMATTING);
    }

    @Test
    void identical_versions_have_no_changes() {
        PolicyVersion v = Fixtures.tunecloudTerms("2024-02-07");

        DocumentChange change = differ.diff(v, v);

        assertThat(change.changes()).isEmpty();
        assertThat(change.notice()).isEqualTo(Notice.NO_CONTENT_CHANGE);
        assertThat(change.summary()).isEqualTo("no changes");
    }

    @Test
    void a_paragraph_split_in_two_without_new_words_is_formatting() {
        PolicyVersion before = version("2024-01-01", "One sentence here about cookies. Another sentence about ads.");
        PolicyVersion after = version("2024-06-01", "One sentence here about cookies.\n\nAnother sentence about ads.");

        DocumentChange change = differ.diff(before, after);

        assertThat(change.changes())
                .singleElement()
                .extracting(ClauseChange::kind)
                .isEqualTo(Kind.FORMATTING);
    }

    @Test
    void a_moved_clause_is_unchanged() {
        PolicyVersion before = version("2024-01-01", "Alpha clause about refunds.\n\nBeta clause about cookies.");
        PolicyVersion after = version("2024-06-01", "Beta clause about cookies.\n\nAlpha clause about refunds.");

        DocumentChange change = differ.diff(before, after);

        assertThat(change.changes()).isEmpty();
        assertThat(change.unchanged()).isEqualTo(2);
    }

    @Test
    void a_renumbered_section_title_kept_with_the_clause_before_it_is_formatting() {
        ClauseDiffer chunked = new ClauseDiffer(ClauseDifferTest::chunks, new TopicClassifier());
        PolicyVersion before = version(
                "2024-01-01",
                "# Intro\nYou may use the app on any device.\n\n4. ORDERING\n---\n# ORDERING\nOrders are binding.");
        PolicyVersion after = version(
                "2024-06-01", "# Intro\nYou may use the app on any device.\n---\n# 2. ORDERING\nOrders are binding.");

        DocumentChange change = chunked.diff(before, after);

        assertThat(change.contentChanged()).isFalse();
        assertThat(change.changes()).extracting(ClauseChange::kind).containsOnly(Kind.FORMATTING);
    }

    @Test
    void a_paragraph_moved_to_the_next_clause_is_formatting() {
        ClauseDiffer chunked = new ClauseDiffer(ClauseDifferTest::chunks, new TopicClassifier());
        PolicyVersion before = version(
                "2024-01-01",
                "# A\nFirst clause about refunds and returns.\n\n"
                        + "READ THIS SECTION CAREFULLY.\n---\n# B\nSecond clause about liability limits.");
        PolicyVersion after = version(
                "2024-06-01",
                "# A\nFirst clause about refunds and returns.\n---\n# B\n"
                        + "READ THIS SECTION CAREFULLY.\n\nSecond clause about liability limits.");

        DocumentChange change = chunked.diff(before, after);

        assertThat(change.changes()).extracting(ClauseChange::kind).containsExactly(Kind.FORMATTING, Kind.FORMATTING);
    }

    @Test
    void versions_of_different_documents_are_refused() {
        PolicyVersion terms = Fixtures.tunecloudTerms("2024-02-07");
        PolicyVersion privacy = Fixtures.version(Fixtures.ARCHIVE, "tunecloud", "privacy-policy", "2024-01-01");

        assertThatThrownBy(() -> differ.diff(terms, privacy)).isInstanceOf(IllegalArgumentException.class);
    }

    private DocumentChange diff(String from, String to) {
        return differ.diff(Fixtures.tunecloudTerms(from), Fixtures.tunecloudTerms(to));
    }

    /** Splitter for these tests: clauses separated by "---" lines, each opened by a "# heading" line. */
    private static List<Clause> chunks(PolicyVersion version, LocalDate validTo) {
        List<Clause> clauses = new ArrayList<>();
        for (String chunk : version.text().split("\n---\n")) {
            String heading = chunk.substring(2, chunk.indexOf('\n'));
            String text = chunk.substring(chunk.indexOf('\n') + 1);
            clauses.add(new Clause(
                    "p/d#" + clauses.size(),
                    "p",
                    "P",
                    "d",
                    "D",
                    List.of(heading),
                    text,
                    version.date(),
                    validTo,
                    null,
                    null));
        }
        return clauses;
    }

    private static PolicyVersion version(String date, String text) {
        return new PolicyVersion("p", "P", "d", "D", LocalDate.parse(date), null, text);
    }

    private static ClauseChange only(DocumentChange change, Kind kind, String containing) {
        List<ClauseChange> found = change.changes().stream()
                .filter(c -> c.kind() == kind)
                .filter(c -> c.clause().text().toLowerCase().contains(containing.toLowerCase()))
                .toList();
        assertThat(found)
                .as(kind + " clause containing '" + containing + "' in " + change.changes())
                .hasSize(1);
        return found.get(0);
    }
}
