package dev.policybot.cli;

import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Comparer;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.eval.AnswerEvaluation;
import dev.policybot.eval.bench.BenchTarget;
import dev.policybot.history.HistoryService;
import dev.policybot.reindex.ReindexHealth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What subcommands get from the composition root: the global options and the wired services. Every service has a
 * default that says it is not wired, so a test context implements only what its command uses.
 */
public interface CliContext {
    Path configDir();

    Path indexDir();

    /**
     * Connects the Discord bot with this token and returns once it answers commands; closing the handle stops it
     * cleanly (replies in flight finish first).
     */
    default AutoCloseable startDiscordBot(String token) {
        throw notWired("The Discord bot");
    }

    /** The reindex: over the given archive folders when there are any, else over {@code sources.yaml}. */
    default Reindexer reindexer(List<Path> archives) {
        throw notWired("Reindexing");
    }

    /** What is archived, per platform document. */
    default SourceCatalog sourceCatalog() {
        throw notWired("The source catalog");
    }

    /** The configured documents ({@code platform/document}) whose pages are rendered with Chromium. */
    default java.util.Set<String> clientRenderedDocuments() {
        return java.util.Set.of();
    }

    /** The last reindex and each source's last success and failure; empty when no reindex was recorded. */
    default Optional<ReindexHealth> reindexHealth() {
        return Optional.empty();
    }

    /** What changed in the archived documents, and when ({@code changes}, {@code history}). */
    default HistoryService historyService() {
        throw notWired("Policy history");
    }

    /** Hybrid search over the live index. */
    default ClauseSearch clauseSearch() {
        throw notWired("Search");
    }

    /** The retrieval systems {@code eval} compares. */
    default RetrievalSystems retrievalSystems() {
        throw notWired("Evaluation");
    }

    /** Answering, end to end. */
    default Asker asker() {
        throw notWired("Answering");
    }

    /** Answering as the product does, over the given retrieval (eval scores answers over its hybrid system). */
    default Asker askerOver(ClauseSearch search) {
        throw notWired("Answering");
    }

    /**
     * The ways of answering {@code eval} scores over the given retrieval: the product's extractive answers, then, with
     * {@code withModel} and an LLM configured, the model's (its drafts recorded, so that eval can count the citations
     * verification let through).
     */
    default List<AnswerEvaluation.Answerer> answerersOver(ClauseSearch search, boolean withModel) {
        return List.of(new AnswerEvaluation.Answerer(AnswerEvaluation.EXTRACTIVE, askerOver(search), null));
    }

    /** One topic or question answered per platform ({@code compare}). */
    default Comparer comparer() {
        throw notWired("Comparing platforms");
    }

    /** The platform groups of {@code sources.yaml}, checked against the known platforms. */
    default List<PlatformGroup> platformGroups() {
        return List.of();
    }

    /** Builds the index from the archive, offline, when none exists yet (first run), reporting progress. */
    default void ensureIndex(PrintWriter progress) {}

    /** The product's parts that {@code bench} measures, and its baselines. */
    default BenchTarget benchTarget() {
        throw notWired("The benchmark");
    }

    private static UserFacingException notWired(String what) {
        return UserFacingException.failure(what + " is not available in this build.", null);
    }
}
