package dev.policybot.domain.port;

import dev.policybot.domain.ReindexReport;

/** Port: fetches and imports the configured sources, archives new versions, and rebuilds the index. */
@FunctionalInterface
public interface Reindexer {

    /**
     * @param onlyPlatform a platform slug to restrict the fetch to (several separated by commas: a group's platforms),
     *                     or {@code null} for all sources
     */
    ReindexReport reindex(String onlyPlatform, ProgressListener progress);
}
