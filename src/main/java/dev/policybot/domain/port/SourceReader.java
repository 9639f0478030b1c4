package dev.policybot.domain.port;

import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import java.util.List;
import java.util.function.BiFunction;

/** Port: reads one configured source (a web page, a local file, a declaration, or an archive folder). */
@FunctionalInterface
public interface SourceReader {

    /**
     * @param known the validators remembered for a (platformId, documentId), so unchanged pages cost little
     * @return the documents read; throws {@link UserFacingException} with one sentence when the source fails
     */
    List<SourceDocument> read(BiFunction<String, String, SourceDocument.Validators> known);
}
