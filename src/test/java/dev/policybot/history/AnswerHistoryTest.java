package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.domain.port.VersionSource;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.topic.TopicClassifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The history line of an answer, over hand-written versions of one document. */
class AnswerHistoryTest {
    private static final String LICENCE = "You keep ownership of your Content and grant us a licence to host it.";
    private static final String AI_USE = "Your Content may be used to train and develop artificial intelligence models "
            + "and machine learning technologies.";
    private static final String NO_AI = "We will not use your Content to train generative artificial intelligence "
            + "models without your explicit opt-in consent.";

    private final List<PolicyVersion> versions = new ArrayList<>();
    private final MarkdownClauseSplitter splitter = new MarkdownClauseSplitter();

    @Test
    void a_replaced_ai_clause_gives_a_dated_line_quoting_the_earlier_wording() {
        // given
        version("2024-02-07", "Last updated: February 7, 2024\n\n## Licence\n\n" + LICENCE + " " + AI_USE);
        version("2025-05-27", "Last updated: May 27, 2025\n\n## Licence\n\n" + LICENCE + " " + NO_AI);

        // when
        HistoryNote note = noteFor(NO_AI, Set.of(Topic.AI_TRAINING)).orElseThrow();

        // then
        assertThat(note.changed()).isEqualTo(LocalDate.parse("2025-05-27"));
        assertThat(note.before().quote()).isEqualTo(AI_USE);
        assertThat(note.before().clause().validFrom()).isEqualTo(LocalDate.parse("2024-02-07"));
        assertThat(note.before().n()).isEqualTo(2);
        assertThat(note.statedDateChanged()).isTrue();
        assertThat(note.line())
                .isEqualTo("Changed on 2025-05-27. Before that (from 2024-02-07) Acme's Terms of " + "Service said: “"
                        + AI_USE + "” [2]");
    }

    @Test
    void a_change_under_the_same_stated_date_says_so() {
        version("2024-02-07", "Last updated: February 7, 2024\n\n## Licence\n\n" + LICENCE + " " + AI_USE);
        version("2025-05-27", "Last updated: February 7, 2024\n\n## Licence\n\n" + LICENCE + " " + NO_AI);

        HistoryNote note = noteFor(NO_AI, Set.of(Topic.AI_TRAINING)).orElseThrow();

        assertThat(note.statedDateChanged()).isFalse();
        assertThat(note.line()).endsWith("The document's own \"last updated\" date did not change with it.");
    }

    @Test
    void formatting_renumbering_and_moved_passages_make_no_line() {
        version("2024-02-07", "## 1. Licence\n\n" + LICENCE + "\n\n## 2. AI\n\nSection 10.4: " + NO_AI);
        version(
                "2025-05-27",
                "## 2. AI\n\nSection 11.4: **" + NO_AI.replace(",", "") + "**\n\n## 1. Licence\n\n" + LICENCE);

        assertThat(noteFor(NO_AI, Set.of(Topic.AI_TRAINING))).isEmpty();
    }

    @Test
    void a_change_on_another_topic_makes_no_line() {
        version(
                "2024-02-07",
                "## Licence\n\nWe may suspend accounts that break these rules at our discretion. " + NO_AI);
        version("2025-05-27", "## Licence\n\n" + NO_AI);

        assertThat(noteFor(NO_AI, Set.of(Topic.AI_TRAINING))).isEmpty();
    }

    @Test
    void as_of_a_day_only_a_later_change_of_wording_in_force_that_day_makes_a_line() {
        // the AI sentence came in 2024 and went in 2025: a question about 2023 is not told of it as "before"
        String hosted =
                "Your Content is hosted on our servers and reviewed by artificial intelligence models for safety.";
        version("2023-01-10", "## Licence\n\n" + LICENCE + " " + hosted);
        version("2024-02-07", "## Licence\n\n" + LICENCE + " " + hosted + " " + AI_USE);
        version("2025-05-27", "## Licence\n\n" + LICENCE + " " + hosted + " " + NO_AI);

        assertThat(noteFor(hosted, Set.of(Topic.AI_TRAINING), LocalDate.parse("2023-06-01"), 0))
                .isEmpty();
        HistoryNote inForce = noteFor(AI_USE, Set.of(Topic.AI_TRAINING), LocalDate.parse("2024-06-01"), 1)
                .orElseThrow();
        assertThat(inForce.later()).isTrue();
        assertThat(inForce.changed()).isEqualTo(LocalDate.parse("2025-05-27"));
        assertThat(inForce.line())
                .startsWith("This changed later: since 2025-05-27 Acme's Terms of Service says: “" + NO_AI);
    }

    @Test
    void as_of_a_day_a_passage_dropped_later_is_told_as_dropped() {
        version("2024-02-07", "## Licence\n\n" + LICENCE + " " + AI_USE);
        version("2025-05-27", "## Licence\n\n" + LICENCE);

        HistoryNote note = noteFor(AI_USE, Set.of(Topic.AI_TRAINING), LocalDate.parse("2024-06-01"), 0)
                .orElseThrow();

        assertThat(note.after()).isNull();
        assertThat(note.line())
                .isEqualTo("This changed later: on 2025-05-27 Acme's Terms of Service dropped: “" + AI_USE + "” [2]");
    }

    private Optional<HistoryNote> noteFor(String quoted, Set<Topic> topics) {
        return noteFor(quoted, topics, null, versions.size() - 1);
    }

    /** The note of an answer quoting {@code quoted} from version {@code cited}, as of {@code asOf}. */
    private Optional<HistoryNote> noteFor(String quoted, Set<Topic> topics, LocalDate asOf, int cited) {
        PolicyVersion current = versions.get(cited);
        LocalDate validTo =
                cited + 1 < versions.size() ? versions.get(cited + 1).date() : null;
        Clause clause = splitter.split(current, validTo).stream()
                .filter(c -> c.text().contains(quoted.substring(0, 20)))
                .findFirst()
                .orElseThrow();
        Answer answer = new Answer(
                "…", List.of(new Citation(1, clause, quoted)), false, "extractive", List.of(), List.of(), null);
        VersionSource source = (platform, document) -> List.copyOf(versions);
        SourceCatalog catalog = () -> List.of(new SourceStatus(
                "acme",
                "Acme",
                "terms-of-service",
                "Terms of Service",
                versions.get(versions.size() - 1).date(),
                versions.size(),
                null,
                null,
                null));
        return new AnswerHistory(source, catalog, splitter, new TopicClassifier()).noteFor(answer, topics, asOf);
    }

    private void version(String date, String text) {
        versions.add(new PolicyVersion(
                "acme",
                "Acme",
                "terms-of-service",
                "Terms of Service",
                LocalDate.parse(date),
                "https://acme.example/terms",
                text));
    }
}
