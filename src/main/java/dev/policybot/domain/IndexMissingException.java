package dev.policybot.domain;

import java.nio.file.Path;

/** No index has been built yet in the configured folder. */
public final class IndexMissingException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public IndexMissingException(Path dir) {
        super("There is no search index in " + dir + " yet: run `policybot reindex` first.", 1, null);
    }
}
