package dev.policybot;

import dev.langchain4j.model.chat.ChatModel;
import dev.policybot.cli.AskCommand;
import dev.policybot.cli.BenchCommand;
import dev.policybot.cli.BotCommand;
import dev.policybot.cli.CliContext;
import dev.policybot.cli.ExitCodes;
import dev.policybot.config.AppConfig;
import dev.policybot.config.LlmConfig;
import dev.policybot.core.AnswerWriter;
import dev.policybot.core.AskService;
import dev.policybot.core.Asker;
import dev.policybot.core.CitationVerifier;
import dev.policybot.core.ClauseSearch;
import dev.policybot.core.Embedder;
import dev.policybot.core.ExtractiveAnswerWriter;
import dev.policybot.core.QueryTranslator;
import dev.policybot.core.UserFacingException;
import dev.policybot.discord.BotPorts;
import dev.policybot.discord.DiscordBot;
import dev.policybot.discord.DiscordEndpoints;
import dev.policybot.eval.BenchTarget;
import dev.policybot.llm.ChatModelFactory;
import dev.policybot.llm.LlmAnswerWriter;
import dev.policybot.llm.LlmQueryTranslator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Composition root and command-line entry point: reads options, wires objects with {@code new}, holds no logic.
 * Every CLI subcommand is registered in the one list below.
 */
@Command(name = "policybot", mixinStandardHelpOptions = true, version = "PolicyBot 0.1.0",
        description = "Answers questions about platform policies from the platforms' own words.",
        subcommands = {
                // the one list of subcommands
                BotCommand.class,
                AskCommand.class,
                BenchCommand.class,
        })
public final class PolicyBot implements CliContext {
    /** Clauses retrieved per question. */
    static final int SEARCH_LIMIT = 10;
    /** Of those, how many an LLM is given as numbered excerpts. */
    static final int LLM_EXCERPTS = 6;

    @Option(names = "--config", defaultValue = "config", description = "Configuration folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path configDir;

    @Option(names = "--index", defaultValue = "index", description = "Index and archive folder (default: ${DEFAULT-VALUE}).",
            scope = CommandLine.ScopeType.INHERIT)
    Path indexDir;

    public static void main(String[] args) {
        NativeCaches.configure();
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (0 ok, 1 runtime failure, 2 bad input). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new PolicyBot());
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        return commandLine.execute(args);
    }

    @Override
    public Path configDir() {
        return configDir;
    }

    @Override
    public Path indexDir() {
        return indexDir;
    }

    @Override
    public AutoCloseable startDiscordBot(String token) {
        AppConfig config = AppConfig.load(configDir);
        return DiscordBot.start(token, DiscordEndpoints.DISCORD, config.discord(), botPorts(), Clock.systemUTC());
    }

    /**
     * The core services the Discord bot uses. Until the search index, answer service, source catalog and reindexer
     * are wired here, each command answers that it is not available yet.
     */
    private BotPorts botPorts() {
        return new BotPorts(
                question -> { throw notWiredYet("Answering"); },
                request -> { throw notWiredYet("Clause search"); },
                () -> { throw notWiredYet("The source catalog"); },
                (platform, progress) -> { throw notWiredYet("Reindexing"); },
                java.util.List::of);
    }

    private static UserFacingException notWiredYet(String what) {
        return UserFacingException.failure(what + " is not available in this build yet.", null);
    }

    @Override
    public BenchTarget benchTarget() {
        return new BenchWiring(AppConfig.load(configDir));
    }

    @Override
    public Asker asker() {
        return asker(AppConfig.load(configDir), System.getenv(), clauseSearch(), embedder());
    }

    /** Answering, wired from the config and environment: extractive, or an LLM that falls back to extractive. */
    static Asker asker(AppConfig config, Map<String, String> env, ClauseSearch search, Embedder embedder) {
        LlmConfig llm = config.llm().withEnvironment(env);
        ExtractiveAnswerWriter extractive = new ExtractiveAnswerWriter(embedder, ExtractiveAnswerWriter.Settings.of(
                config.answer().abstainThreshold(), config.answer().maxCitations()));
        Optional<ChatModel> model = new ChatModelFactory().create(llm, llm.apiKey(env));
        AnswerWriter writer = model.<AnswerWriter>map(m -> new LlmAnswerWriter(m, llm.provider(), extractive,
                LLM_EXCERPTS)).orElse(extractive);
        QueryTranslator translator = model.<QueryTranslator>map(LlmQueryTranslator::new).orElse(QueryTranslator.NONE);
        return new AskService(search, writer, new CitationVerifier(extractive), translator, SEARCH_LIMIT);
    }

    // Hooks for the lead: the Lucene ClauseSearch over indexDir (search branch), built from config/sources.yaml by
    // ensureIndex when no index exists yet (ingest branch), and the in-process embedder (llm.InProcessEmbedder).
    private ClauseSearch clauseSearch() {
        return request -> {
            throw UserFacingException.failure("The search index is not available in this build yet.", null);
        };
    }

    /** {@code null} ranks answer sentences by term overlap only, until the embedder is wired. */
    private Embedder embedder() {
        return null;
    }
}
