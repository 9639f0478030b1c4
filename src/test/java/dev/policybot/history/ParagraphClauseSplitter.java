package dev.policybot.history;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.port.ClauseSplitter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain splitter: one clause per blank-line-separated paragraph, with {@code #} headings (and Setext underlines)
 * as the heading path. A stand-in for the ingest package's Markdown splitter, which also merges fragments, drops
 * navigation and splits long paragraphs; wire that one in when it is there.
 */
public final class ParagraphClauseSplitter implements ClauseSplitter {

    @Override
    public List<Clause> split(PolicyVersion version, LocalDate validTo) {
        List<Clause> clauses = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String block : version.text().split("\\n\\s*\\n")) {
            String text = block.strip();
            if (text.isEmpty()) {
                continue;
            }
            String heading = heading(text);
            if (heading != null) {
                headings = List.of(heading);
                continue;
            }
            String section = headings.isEmpty() ? "" : headings.get(0);
            String slug = Slugs.of(section.isEmpty() ? "top" : section);
            int n = seen.merge(slug, 1, Integer::sum);
            clauses.add(new Clause(
                    version.documentKey() + "#" + slug + "-" + n,
                    version.platformId(),
                    version.platform(),
                    version.documentId(),
                    version.document(),
                    headings,
                    text,
                    version.date(),
                    validTo,
                    version.url(),
                    null));
        }
        return clauses;
    }

    private static String heading(String block) {
        if (block.startsWith("#")) {
            return block.replaceFirst("^#+\\s*", "");
        }
        String[] lines = block.split("\\n");
        if (lines.length == 2 && lines[1].matches("[=-]{3,}\\s*")) {
            return lines[0].strip();
        }
        return null;
    }
}
