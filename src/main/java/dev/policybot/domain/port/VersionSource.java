package dev.policybot.domain.port;

import dev.policybot.domain.PolicyVersion;
import java.util.List;

/** Port: the archived versions of one document. */
@FunctionalInterface
public interface VersionSource {

    /** All archived versions of the document, oldest first; empty when none are archived. */
    List<PolicyVersion> versions(String platformId, String documentId);
}
