package dev.policybot.eval;

import java.time.LocalDate;
import java.util.List;

/**
 * One question of a question set (the JSON Lines format of ARCHITECTURE.md).
 *
 * @param id       unique id
 * @param question the text as asked
 * @param service  the platform it is scoped to, as the set spells it, or {@code *} for any
 * @param category the set's category ("direct", "paraphrase"…), or {@code null}
 * @param asOf     the day whose versions answer it, or {@code null} for the current versions
 * @param gold     the answering quotes; empty when the documents do not address the question
 */
public record EvalQuestion(
        String id, String question, String service, String category, LocalDate asOf, List<Gold> gold) {
    public EvalQuestion {
        gold = List.copyOf(gold);
    }

    public boolean answerable() {
        return !gold.isEmpty();
    }

    public boolean anyService() {
        return service == null || service.isBlank() || "*".equals(service);
    }

    /**
     * @param document {@code <service>/<document>} as the set spells them
     * @param version  the version date that holds the quote, or {@code null} when any version does
     * @param quote    verbatim answering text
     */
    public record Gold(String document, LocalDate version, String quote) {}
}
