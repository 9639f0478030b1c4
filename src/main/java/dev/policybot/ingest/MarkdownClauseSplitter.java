package dev.policybot.ingest;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.port.ClauseSplitter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an archived version (Markdown) into clauses along its structure: heading path, paragraph, list item,
 * table row. See {@link ClausePacker} for the sizes, {@link ClauseIds} for the ids and {@link DeepLinks} for
 * the links. Clause text is the policy's own words with Markdown syntax removed.
 */
public final class MarkdownClauseSplitter implements ClauseSplitter {

    @Override
    public List<Clause> split(PolicyVersion version, LocalDate validTo) {
        List<ClausePacker.Passage> passages = ClausePacker.pack(MarkdownStructure.read(version.text()));
        ClauseIds ids = new ClauseIds(version.platformId(), version.documentId());
        List<Clause> clauses = new ArrayList<>(passages.size());
        for (ClausePacker.Passage passage : passages) {
            clauses.add(new Clause(
                    ids.next(passage.path(), passage.text()),
                    version.platformId(),
                    version.platform(),
                    version.documentId(),
                    version.document(),
                    passage.path(),
                    passage.text(),
                    version.date(),
                    validTo,
                    version.url(),
                    DeepLinks.of(version.url(), passage.text())));
        }
        return clauses;
    }
}
