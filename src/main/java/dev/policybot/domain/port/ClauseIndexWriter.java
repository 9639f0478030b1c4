package dev.policybot.domain.port;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.VersionHistory;
import java.util.List;

/**
 * Port: replaces the searchable index with exactly these clause versions. Implementations build the new index
 * beside the live one and swap it in atomically, so searches never see a half-built index.
 */
@FunctionalInterface
public interface ClauseIndexWriter {
    IndexStats rebuild(List<Clause> clauses);

    /**
     * Replaces the index with the clauses of these versions, split by {@code splitter}. An index that knows it was
     * built from exactly these versions by the same code may leave itself as it is and say so
     * ({@link IndexStats#unchanged()}); by default the versions are split and the index rebuilt.
     */
    default IndexStats rebuildFrom(List<PolicyVersion> versions, ClauseSplitter splitter) {
        return rebuild(VersionHistory.splitAll(versions, splitter));
    }

    /**
     * What a rebuild did.
     *
     * @param unchanged the index already held exactly these clauses, so nothing was written
     */
    record IndexStats(int clauses, int embedded, int embeddingsReused, long millis, boolean unchanged) {
        /** A build that wrote a new index. */
        public IndexStats(int clauses, int embedded, int embeddingsReused, long millis) {
            this(clauses, embedded, embeddingsReused, millis, false);
        }
    }
}
