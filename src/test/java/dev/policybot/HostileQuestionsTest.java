package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.app.AnswerWiring;
import dev.policybot.cli.AskCommand;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.ExitCodes;
import dev.policybot.config.AppConfig;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Asker;
import dev.policybot.fakes.BagOfWordsEmbedder;
import dev.policybot.fakes.FixtureClauses;
import dev.policybot.search.HybridClauseSearch;
import dev.policybot.search.LuceneClauseIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Hostile questions through the real answering path (Lucene on a temp dir, hybrid search, extractive writer, citation
 * verifier) with a fast deterministic embedder: each gets an answer or abstention, or a clear
 * {@link UserFacingException}, never another exception; through the CLI, exit code 0 or 2 and no stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileQuestionsTest {
    @TempDir
    static Path tmp;

    private LuceneClauseIndex index;
    private Asker asker;

    @BeforeAll
    void buildIndex() {
        BagOfWordsEmbedder embedder = new BagOfWordsEmbedder();
        index = new LuceneClauseIndex(tmp.resolve("lucene"), embedder, null);
        index.rebuild(FixtureClauses.all());
        asker = AnswerWiring.asker(AppConfig.defaults(), Map.of(), new HybridClauseSearch(index, embedder), embedder);
    }

    @AfterAll
    void closeIndex() {
        index.close();
    }

    static Stream<String> hostile() {
        return Stream.of(
                "",
                "   \n\t ",
                "Can Tunebox train AI on my tracks? ".repeat(172).substring(0, 6000),
                "x".repeat(6000),
                "\uD83D\uDE00\uD83D\uDD25\uD83C\uDFB5\uD83E\uDD16",
                "@everyone can Tunebox train AI on my tracks? <@&123> <@456> @here",
                "```java\nSystem.exit(0);\n```\n**Can** _Tunebox_ train AI? > quote [link](https://evil.example)",
                "Can\u200B Tune\u200Dbox\u200C train\uFEFF AI?",
                "\u202Eskcart ym no IA niart xobenuT naC\u202C \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
                "title:*",
                "*:*",
                "\"unbalanced quote AI training",
                "(AI training [bracket {brace",
                "AI~ training~2 license^10 ^ ~",
                "platform:tunebox AND (OR NOT) -- +",
                "\\ / && || ! ? * : ] ) }",
                "\u0000\u0001\u0007 control characters AI",
                "\uD800 lone surrogate AI training",
                distinctWords(1_100));
    }

    /** More distinct words than Lucene takes clauses in one query (1,024). */
    static String distinctWords(int count) {
        return IntStream.range(0, count).mapToObj(i -> "train" + i).collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void the_asker_answers_abstains_or_explains_but_never_throws_anything_else(String question) {
        try {
            Answer answer = asker.ask(Question.of(question));
            assertThat(answer.text()).isNotBlank();
            answer.citations().forEach(c -> assertThat(FixtureClauses.all()).contains(c.clause()));
        } catch (UserFacingException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void the_cli_exits_0_or_2_without_a_stack_trace(String question) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(CommandLine.Model.CommandSpec.wrapWithoutInspection(context()));
        cli.addSubcommand("ask", new AskCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler(ExitCodes::handle);
        cli.setExitCodeExceptionMapper(ExitCodes::of);

        int code = cli.execute("ask", question);

        assertThat(code).as(err.toString()).isIn(0, 2);
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
        if (code == 0) {
            assertThat(out.toString()).contains(Answer.DISCLAIMER);
        } else {
            assertThat(err.toString()).isNotBlank();
        }
    }

    private CliContext context() {
        return (CliContext) Proxy.newProxyInstance(
                CliContext.class.getClassLoader(),
                new Class<?>[] {CliContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "asker" -> asker;
                    case "ensureIndex" -> null;
                    case "configDir" -> tmp.resolve("config");
                    case "indexDir" -> tmp.resolve("index");
                    case "toString" -> "hostile test context";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
