package dev.policybot.search;

import dev.policybot.core.Clause;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What an index generation was built from, as one hash: the embedding model, the document mapping's version, and
 * every clause with every field (in order). A rebuild from the same clauses finds the live generation's fingerprint
 * equal and leaves the index as it is; any change to a clause, its validity, its names or URL, the model, or the
 * splitter's output gives a different one.
 */
final class IndexFingerprint {
    /** Kept in each generation folder (not a Lucene file name, so Lucene leaves it alone). */
    static final String FILE = "policybot-fingerprint.txt";
    /** Raise when {@link ClauseDocuments} stores clauses differently, so indexes built before are rebuilt. */
    static final int MAPPING_VERSION = 1;

    private IndexFingerprint() {
    }

    static String of(String modelId, List<Clause> clauses) {
        MessageDigest digest = sha256();
        update(digest, "mapping " + MAPPING_VERSION + ", model " + modelId + ", embedded chars "
                + LuceneClauseIndex.MAX_EMBEDDED_CHARS + ", clauses " + clauses.size());
        for (Clause clause : clauses) {
            // a record's toString names every component, so a field added to Clause is in the fingerprint too
            update(digest, clause.toString());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(bytes);
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
