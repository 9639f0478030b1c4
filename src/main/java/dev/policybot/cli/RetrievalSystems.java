package dev.policybot.cli;

import dev.policybot.domain.port.ClauseSearch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens the retrieval systems that {@code eval} compares, wired by the composition root. */
public interface RetrievalSystems {
    /** The system names {@code eval} knows, the product first. */
    List<String> NAMES = List.of("hybrid", "bm25", "dense", "easyrag");

    /**
     * @param archives archive folders to index into a temporary index, or empty for the configured index
     * @param names    which of {@link #NAMES} to open
     */
    Opened open(List<Path> archives, List<String> names);

    /** Open systems by name, in the order asked; closing deletes any temporary index. */
    interface Opened extends AutoCloseable {
        Map<String, ClauseSearch> systems();

        /** One line on what was indexed (clauses, embedded, reused, time). */
        String summary();

        @Override
        void close();
    }
}
