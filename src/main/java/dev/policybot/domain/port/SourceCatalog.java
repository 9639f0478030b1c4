package dev.policybot.domain.port;

import dev.policybot.domain.LastReindex;
import dev.policybot.domain.SourceStatus;
import java.util.List;
import java.util.Optional;

/** Port: what is archived and indexed, per platform document. */
@FunctionalInterface
public interface SourceCatalog {
    List<SourceStatus> sources();

    /** How the last reindex or scheduled check ended; empty when none is recorded (or this catalog cannot tell). */
    default Optional<LastReindex> lastReindex() {
        return Optional.empty();
    }
}
