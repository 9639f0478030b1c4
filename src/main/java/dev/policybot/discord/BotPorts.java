package dev.policybot.discord;

import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.ClauseSearch;
import dev.policybot.domain.port.PlatformDirectory;
import dev.policybot.domain.port.Reindexer;
import dev.policybot.domain.port.SourceCatalog;
import java.util.Objects;

/**
 * The core services the bot talks to; it knows nothing else of the core.
 *
 * @param asker     answers /ask and "Ask PolicyBot"
 * @param search    finds clauses for /lookup
 * @param sources   lists what is indexed for /sources
 * @param reindexer runs /reindex
 * @param platforms names platforms and documents for autocomplete and option checks
 */
public record BotPorts(Asker asker, ClauseSearch search, SourceCatalog sources, Reindexer reindexer,
                       PlatformDirectory platforms) {
    public BotPorts {
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(reindexer, "reindexer");
        Objects.requireNonNull(platforms, "platforms");
    }
}
