package dev.policybot.domain.port;

import dev.policybot.domain.Clause;

import java.util.List;

/**
 * Port: replaces the searchable index with exactly these clause versions. Implementations build the new index
 * beside the live one and swap it in atomically, so searches never see a half-built index.
 */
@FunctionalInterface
public interface ClauseIndexWriter {
    IndexStats rebuild(List<Clause> clauses);

    /** What a rebuild did. */
    record IndexStats(int clauses, int embedded, int embeddingsReused, long millis) {
    }
}
