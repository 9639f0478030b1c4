package dev.policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.archive.DatedArchive;
import dev.policybot.compare.CompareService;
import dev.policybot.compare.PlatformScope;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.port.Asker;
import dev.policybot.history.ClauseDiffer;
import dev.policybot.history.HistoryService;
import dev.policybot.history.ParagraphClauseSplitter;
import dev.policybot.question.DocumentResolver;
import dev.policybot.topic.TopicClassifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code compare} as a table and as JSON: the real comparison over the fixture archive's history (TuneCloud's terms
 * changed on 2025-05-27 without a new stated date) and a hand-written per-platform asker.
 */
class CompareCommandTest {
    private static final Clause TUNECLOUD_AI = new Clause(
            "tunecloud/terms-of-service#your-content-1",
            "tunecloud",
            "TuneCloud",
            "terms-of-service",
            "Terms of Service",
            List.of("Your Content"),
            "We will not use your content to train generative AI models that replicate your voice without your "
                    + "explicit consent, given through an opt-in.",
            LocalDate.parse("2025-05-27"),
            null,
            "https://tunecloud.example/terms",
            "https://tunecloud.example/terms#:~:text=We%20will%20not");

    private static final List<PlatformInfo> PLATFORMS = List.of(
            new PlatformInfo("tunecloud", "TuneCloud", List.of("TC"), List.of("Terms of Service")),
            new PlatformInfo("streamly", "Streamly", List.of(), List.of("Terms of Service")));

    /** TuneCloud addresses every question with its opt-in clause; Streamly's documents are silent. */
    private static final Asker PER_PLATFORM = question -> "tunecloud".equals(question.platformId())
            ? new Answer(
                    "TuneCloud says …",
                    List.of(new Citation(1, TUNECLOUD_AI, TUNECLOUD_AI.text())),
                    false,
                    "extractive",
                    List.of("TuneCloud"),
                    List.of("TuneCloud · Terms of Service (version 2025-05-27)"),
                    null)
            : new Answer(
                    "not addressed",
                    List.of(),
                    true,
                    "extractive",
                    List.of("Streamly"),
                    List.of("Streamly · Terms of Service (version 2025-10-03)"),
                    null);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static CliContext context() {
        DatedArchive archive = new DatedArchive(Path.of("src/test/resources/archive"));
        HistoryService history = new HistoryService(
                new DocumentResolver(archive, null),
                archive,
                new ClauseDiffer(new ParagraphClauseSplitter(), new TopicClassifier()));
        List<PlatformGroup> groups =
                List.of(new PlatformGroup("music", "music", List.of(), List.of("tunecloud", "streamly")));
        CompareService compare = new CompareService(
                PER_PLATFORM,
                new PlatformScope(() -> PLATFORMS, () -> groups),
                history,
                new TopicClassifier(),
                Clock.systemUTC());
        return (CliContext) Proxy.newProxyInstance(
                CliContext.class.getClassLoader(), new Class<?>[] {CliContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "comparer":
                            return compare;
                        case "ensureIndex":
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName() + " is not part of this test");
                    }
                });
    }

    private int run(String... args) {
        CompareCommand command = new CompareCommand();
        command.context = context();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        return commandLine.execute(args);
    }

    @Test
    void a_topic_across_a_group_prints_a_row_per_platform_with_its_quote_version_and_last_change() {
        int exit = run(CompareCommand.TOPIC, "ai-training", CompareCommand.GROUP, "music");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .startsWith("AI training · 2 platforms · current versions")
                .contains("TuneCloud  answered         version 2025-05-27  last change on the topic 2025-05-27 "
                        + "(Terms of Service, ⚑ stated date not updated)")
                .contains("    “We will not use your content to train generative AI models")
                .contains("Streamly   not-addressed    in Streamly · Terms of Service (version 2025-10-03)")
                .endsWith("This quotes the platforms' own text; it is not legal advice.\n");
    }

    @Test
    void json_has_one_entry_per_platform_with_quotes_not_addressed_and_the_last_change() throws Exception {
        int exit = run(CompareCommand.TOPIC, "ai-training", CompareCommand.PLATFORMS, "TC,streamly", "--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("topic").asText()).isEqualTo("ai-training");
        JsonNode tunecloud = json.path("platforms").get(0);
        assertThat(tunecloud.path("id").asText()).isEqualTo("tunecloud");
        assertThat(tunecloud.path("outcome").asText()).isEqualTo("answered");
        assertThat(tunecloud.path("quotes").get(0).path("url").asText()).contains("#:~:text=");
        assertThat(tunecloud.path("lastChange").path("changed").asText()).isEqualTo("2025-05-27");
        assertThat(tunecloud.path("lastChange").path("statedDateChanged").asBoolean(true))
                .isFalse();
        JsonNode streamly = json.path("platforms").get(1);
        assertThat(streamly.path("quotes")).isEmpty();
        assertThat(streamly.path("notAddressed").asText())
                .isEqualTo("not addressed in Streamly · Terms of Service (version 2025-10-03)");
    }

    @Test
    void a_topic_meaning_several_topics_and_an_unknown_group_are_refused_with_exit_code_2() {
        assertThat(run(CompareCommand.TOPIC, "ai")).isEqualTo(2);
        assertThat(err.toString()).contains("'ai' means several topics");
        assertThat(run(CompareCommand.TOPIC, "ai-training", CompareCommand.GROUP, "jazz"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("I don't know a platform or group called \"jazz\"")
                .contains("Groups: music.");
    }
}
