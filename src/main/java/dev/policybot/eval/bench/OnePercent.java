package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The corpus after 1% of its documents changed (at least one): every clause of the current version of each chosen
 * document gets new text (a whole rewrite, the worst case for that document), so each must be embedded again. The new text
 * starts with a run-unique word (at the start, so a text cut for embedding still differs), and no cache can know it.
 *
 * @param clauses        the changed corpus, in the same order
 * @param documents      documents changed
 * @param changedClauses clauses whose text changed
 */
record OnePercent(List<Clause> clauses, int documents, int changedClauses) {

    static OnePercent of(List<Clause> corpus) {
        List<String> documents = corpus.stream()
                .filter(Clause::isCurrent)
                .map(Clause::documentKey)
                .distinct()
                .sorted()
                .toList();
        int count = Math.max(1, (int) Math.round(documents.size() * 0.01));
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            chosen.add(documents.get((int) ((i + 0.5) * documents.size() / count)));
        }
        String nonce = Long.toString(System.nanoTime(), 36);
        List<Clause> changed = corpus.stream()
                .map(c -> c.isCurrent() && chosen.contains(c.documentKey()) ? revise(c, nonce) : c)
                .toList();
        int changedClauses = (int) corpus.stream()
                .filter(c -> c.isCurrent() && chosen.contains(c.documentKey()))
                .count();
        return new OnePercent(changed, count, changedClauses);
    }

    private static Clause revise(Clause clause, String nonce) {
        return new Clause(
                clause.id(),
                clause.platformId(),
                clause.platform(),
                clause.documentId(),
                clause.document(),
                clause.headingPath(),
                "(Revised " + nonce + ".) " + clause.text(),
                clause.validFrom(),
                clause.validTo(),
                clause.url(),
                clause.deepLink());
    }
}
