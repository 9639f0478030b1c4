package dev.policybot.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.archive.DatedArchive;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.text.Sentences;
import dev.policybot.topic.TopicClassifier;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** History lines over the real histories in ../shared/corpus (skipped when it is absent). */
class AnswerHistorySharedCorpusTest {
    private final DatedArchive archive = new DatedArchive(Fixtures.SHARED_CORPUS);
    private final MarkdownClauseSplitter splitter = new MarkdownClauseSplitter();
    private final AnswerHistory history = new AnswerHistory(archive, archive, splitter, new TopicClassifier());

    @BeforeEach
    void needsSharedCorpus() {
        assumeTrue(
                Files.isDirectory(Fixtures.SHARED_CORPUS.resolve("soundcloud/terms-of-service")),
                "../shared/corpus is absent");
    }

    @Test
    void soundclouds_opt_in_promise_is_told_with_the_2024_clause_it_replaced() {
        // given an answer quoting today's opt-in promise
        Answer answer = answerQuoting("soundcloud", "terms-of-service", null, "We will not use your content to train");

        // when
        HistoryNote note = history.noteFor(
                        answer, "Can SoundCloud train AI on my tracks?", Set.of(Topic.AI_TRAINING), null)
                .orElseThrow();

        // then
        assertThat(note.changed()).isEqualTo(LocalDate.parse("2025-05-27"));
        assertThat(note.before().clause().validFrom()).isEqualTo(LocalDate.parse("2024-02-07"));
        assertThat(note.beforeSince()).isEqualTo(LocalDate.parse("2024-02-07"));
        assertThat(note.before().quote()).contains("inform, train, develop");
        assertThat(note.before().clause().text()).contains(note.before().quote());
        assertThat(note.line()).startsWith("Changed on 2025-05-27. Before that (from 2024-02-07) SoundCloud's Terms");
    }

    @Test
    void an_answer_about_the_2024_terms_is_told_that_they_changed_later() {
        Answer answer = answerQuoting("soundcloud", "terms-of-service", LocalDate.parse("2024-03-01"), "inform, train");

        HistoryNote note = history.noteFor(
                        answer,
                        "Could SoundCloud use my uploads to train AI?",
                        Set.of(Topic.AI_TRAINING),
                        LocalDate.parse("2024-03-01"))
                .orElseThrow();

        assertThat(note.later()).isTrue();
        assertThat(note.changed()).isEqualTo(LocalDate.parse("2025-05-27"));
        assertThat(note.line()).startsWith("This changed later: since 2025-05-27 SoundCloud's Terms of Service says");
    }

    @Test
    void zooms_privacy_answer_is_told_of_the_august_2023_change_of_its_terms() {
        Answer answer = answerQuoting("zoom", "privacy-policy", null, "Zoom does not use any of your audio");

        Optional<HistoryNote> note =
                history.noteFor(answer, "Does Zoom use my meetings to train its AI?", Set.of(Topic.AI_TRAINING), null);

        assertThat(note).hasValueSatisfying(n -> {
            assertThat(n.before().clause().documentId()).isEqualTo("terms-of-service");
            assertThat(n.changed().toString()).startsWith("2023-08");
        });
    }

    @Test
    void a_topic_that_never_changed_makes_no_line() {
        Answer answer = answerQuoting("soundcloud", "terms-of-service", null, "We will not use your content to train");

        assertThat(history.noteFor(answer, Set.of(Topic.ARBITRATION), null)).isEmpty();
    }

    private Answer answerQuoting(String platform, String document, LocalDate asOf, String words) {
        List<PolicyVersion> versions = archive.versions(platform, document);
        PolicyVersion version = versions.get(versions.size() - 1);
        LocalDate validTo = null;
        for (int i = 0; i < versions.size(); i++) {
            if (asOf != null && !versions.get(i).date().isAfter(asOf)) {
                version = versions.get(i);
                validTo = i + 1 < versions.size() ? versions.get(i + 1).date() : null;
            }
        }
        Clause clause = splitter.split(version, validTo).stream()
                .filter(c -> c.text().contains(words))
                .findFirst()
                .orElseThrow();
        String sentence = Sentences.split(clause.text()).stream()
                .map(Sentences.Span::text)
                .map(String::strip)
                .filter(t -> t.contains(words))
                .findFirst()
                .orElseThrow();
        return new Answer(
                "…", List.of(new Citation(1, clause, sentence)), false, "extractive", List.of(), List.of(), null);
    }
}
