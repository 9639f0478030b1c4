package dev.policybot.core;

import java.util.List;

/** Port: what is archived and indexed, per platform document. */
@FunctionalInterface
public interface SourceCatalog {
    List<SourceStatus> sources();
}
