package dev.policybot.domain.port;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Port: the versioned archive of policy texts. A fetched version is stored only when its normalised text differs
 * from the version before it (an imported dated history keeps each date); nothing is ever overwritten or deleted.
 */
public interface Archive {

    /** Stores the new versions of a document read now and records when it was checked. */
    Stored store(SourceDocument document, Instant checkedAt);

    /** Records that reading a document failed, with a one-sentence reason. */
    void recordFailure(
            String platformId, String platform, String documentId, String document, String reason, Instant checkedAt);

    /** The validators remembered from the last successful fetch of a document. */
    SourceDocument.Validators validators(String platformId, String documentId);

    /** Every archived version (for one day with several texts, the last), sorted by document then date. */
    List<PolicyVersion> versions();

    /**
     * @param newVersions versions written by this call
     * @param versions    versions archived for the document after it
     * @param newest      date of the newest version written, or {@code null}
     */
    record Stored(int newVersions, int versions, LocalDate newest) {
        public boolean changed() {
            return newVersions > 0;
        }
    }
}
