package dev.policybot.domain.port;

import dev.policybot.domain.SourceStatus;
import java.util.List;

/** Port: what is archived and indexed, per platform document. */
@FunctionalInterface
public interface SourceCatalog {
    List<SourceStatus> sources();
}
