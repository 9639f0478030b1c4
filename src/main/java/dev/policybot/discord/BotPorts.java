package dev.policybot.discord;

import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.ChangeHistory;
import dev.policybot.domain.change.ChangeQuery;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.Comparer;
import dev.policybot.domain.port.PlatformDirectory;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.domain.port.SourceCatalog;
import java.util.List;
import java.util.Objects;

/**
 * The core services the bot talks to; it knows nothing else of the core.
 *
 * @param asker     answers /ask and "Ask PolicyBot"
 * @param search    finds clauses for /lookup
 * @param sources   lists what is indexed for /sources
 * @param reindexer runs /reindex
 * @param platforms names platforms and documents for autocomplete and option checks
 * @param history   what changed in the archived documents, for /changes and /history
 * @param comparer  answers a topic or question per platform, for /compare
 * @param groups    the platform groups, for /compare and its autocomplete
 */
public record BotPorts(
        Asker asker,
        ClauseSearch search,
        SourceCatalog sources,
        Reindexer reindexer,
        PlatformDirectory platforms,
        ChangeHistory history,
        Comparer comparer,
        List<PlatformGroup> groups) {
    public BotPorts {
        Objects.requireNonNull(comparer, "comparer");
        groups = List.copyOf(groups);
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(reindexer, "reindexer");
        Objects.requireNonNull(platforms, "platforms");
        Objects.requireNonNull(history, "history");
    }

    /** Without comparisons: /compare says it is not available. */
    public BotPorts(
            Asker asker,
            ClauseSearch search,
            SourceCatalog sources,
            Reindexer reindexer,
            PlatformDirectory platforms,
            ChangeHistory history) {
        this(asker, search, sources, reindexer, platforms, history, NO_COMPARISONS, List.of());
    }

    private static final Comparer NO_COMPARISONS = request -> {
        throw UserFacingException.failure("Comparing platforms is not available in this bot.", null);
    };

    /** Without policy history: /changes and /history say it is not available. */
    public BotPorts(
            Asker asker, ClauseSearch search, SourceCatalog sources, Reindexer reindexer, PlatformDirectory platforms) {
        this(asker, search, sources, reindexer, platforms, NO_HISTORY);
    }

    private static final ChangeHistory NO_HISTORY = new ChangeHistory() {
        @Override
        public List<ChangeResult> changes(ChangeQuery query) {
            throw UserFacingException.failure("Policy history is not available in this bot.", null);
        }

        @Override
        public List<DocumentHistory> history(String platform, String document) {
            throw UserFacingException.failure("Policy history is not available in this bot.", null);
        }
    };
}
