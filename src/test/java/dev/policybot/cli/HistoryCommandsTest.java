package dev.policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.archive.DatedArchive;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.HistoryService;
import dev.policybot.history.ParagraphClauseSplitter;
import dev.policybot.question.DocumentResolver;
import dev.policybot.topic.TopicClassifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code changes} and {@code history} over the fixture archive (TuneCloud: three versions of its terms). */
class HistoryCommandsTest {

    /** Only historyService() is answered, so the test keeps compiling however CliContext grows. */
    private static CliContext context() {
        DatedArchive archive = new DatedArchive(Path.of("src/test/resources/archive"));
        HistoryService history = new HistoryService(
                new DocumentResolver(archive, null),
                archive,
                new ClauseDiffer(new ParagraphClauseSplitter(), new TopicClassifier()));
        return (CliContext) Proxy.newProxyInstance(
                CliContext.class.getClassLoader(), new Class<?>[] {CliContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("historyService")) {
                        return history;
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not part of this test");
                });
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code changes ...} or {@code history ...} as the root would, with the fake context. */
    private int run(String... args) {
        Object command;
        if (args[0].equals("changes")) {
            ChangesCommand changes = new ChangesCommand();
            changes.context = context();
            command = changes;
        } else {
            HistoryCommand history = new HistoryCommand();
            history.context = context();
            command = history;
        }
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        return commandLine.execute(Arrays.copyOfRange(args, 1, args.length));
    }

    @Test
    void changes_shows_the_newest_change_word_by_word_and_flags_the_unchanged_date() {
        int exit = run("changes", "TuneCloud", ChangesCommand.DOCUMENT, "Terms of Service");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("TuneCloud · Terms of Service — 2024-02-07 → 2025-05-27")
                .contains("Did they tell us? ⚑ No: the text changed, but the document still says "
                        + "\"Last updated: February 7, 2024\".")
                .contains("~ Changed · Your Content · ai-training")
                .contains("[-You explicitly agree that your Content may be used to inform, train, develop or serve as "
                        + "input to artificial intelligence technologies-]{+We will not use your content to train "
                        + "generative AI models")
                .contains("+ Added · Payouts · monetisation")
                .contains("- Removed · Meetups")
                .contains("= Formatting only (same words): 1 clause — Contact")
                .contains("2023-01-10 → 2024-02-07  1 added, 2 changed, 1 formatting-only · topics: ai-training");
    }

    @Test
    void changes_between_dates_tells_when_the_date_was_updated() {
        run(
                "changes",
                "tunecloud",
                ChangesCommand.DOCUMENT,
                "tos",
                ChangesCommand.FROM,
                "2023-06-01",
                ChangesCommand.TO,
                "2024-06-01");

        assertThat(out.toString())
                .contains("2023-01-10 → 2024-02-07")
                .contains(
                        "Did they tell us? Yes: the "
                                + "document's own date changed (\"Last updated: January 10, 2023\" → \"Last updated: February 7, 2024\").")
                .doesNotContain("Earlier changes");
    }

    @Test
    void changes_as_json_lists_sentences_topics_and_the_flag() throws Exception {
        int exit = run(
                "changes",
                "tunecloud",
                ChangesCommand.DOCUMENT,
                "terms",
                ChangesCommand.TOPIC,
                "ai-training",
                ChangesCommand.JSON);

        assertThat(exit).isZero();
        JsonNode doc =
                new ObjectMapper().readTree(out.toString()).get("documents").get(0);
        assertThat(doc.get("from").asText()).isEqualTo("2024-02-07");
        assertThat(doc.get("silentChange").asBoolean()).isTrue();
        assertThat(doc.get("notice").asText()).isEqualTo("date-not-updated");
        JsonNode change = doc.get("changes").get(0);
        assertThat(doc.get("changes")).hasSize(1);
        assertThat(change.get("kind").asText()).isEqualTo("changed");
        assertThat(change.get("topics").get(0).asText()).isEqualTo("ai-training");
        assertThat(change.get("addedSentences").get(0).asText()).startsWith("We will not use your content");
        assertThat(change.get("words").findValuesAsText("op")).contains("equal", "deleted", "inserted");
    }

    @Test
    void platform_without_document_covers_every_document() {
        run("changes", "tunecloud");

        assertThat(out.toString())
                .startsWith("TuneCloud · Privacy Policy\n  Only one version (2024-01-01)")
                .contains("TuneCloud · Terms of Service — 2024-02-07 → 2025-05-27");
    }

    @Test
    void unknown_topic_is_bad_input_listing_the_topics() {
        int exit = run("changes", "tunecloud", ChangesCommand.TOPIC, "weather");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Unknown topic 'weather'. Topics: ai-training, ai-features");
    }

    @Test
    void unknown_platform_is_bad_input() {
        int exit = run("history", "nowhere");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("No archived platform is called 'nowhere'.");
    }

    @Test
    void from_after_to_is_bad_input() {
        int exit = run("changes", "tunecloud", ChangesCommand.FROM, "2025-01-01", ChangesCommand.TO, "2024-01-01");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("The --from date (2025-01-01) is after the --to date (2024-01-01).");
    }

    @Test
    void history_lists_versions_newest_first_and_marks_silent_changes() {
        int exit = run("history", "TuneCloud", HistoryCommand.DOCUMENT, "terms of service");

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("""
                TuneCloud · Terms of Service — 3 versions
                  2025-05-27  ⚑ 1 added, 1 removed, 2 changed, 1 formatting-only · topics: ai-training, terms-changes, \
                monetisation · stated date not updated
                  2024-02-07  1 added, 2 changed, 1 formatting-only · topics: ai-training, terms-changes
                  2023-01-10  first archived version
                """);
    }

    @Test
    void history_as_json_has_dates_counts_and_topics() throws Exception {
        run("history", "tunecloud", HistoryCommand.DOCUMENT, "tos", HistoryCommand.JSON);

        JsonNode versions = new ObjectMapper()
                .readTree(out.toString())
                .get("documents")
                .get(0)
                .get("versions");
        assertThat(versions)
                .extracting(v -> v.get("date").asText())
                .containsExactly("2025-05-27", "2024-02-07", "2023-01-10");
        assertThat(versions.get(0).get("from").asText()).isEqualTo("2024-02-07");
        assertThat(versions.get(0).get("counts").get("added").asInt()).isEqualTo(1);
        assertThat(versions.get(1).get("topics").toString()).isEqualTo("[\"ai-training\",\"terms-changes\"]");
        assertThat(versions.get(2).get("summary").asText()).isEqualTo("first archived version");
    }
}
