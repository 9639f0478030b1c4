package dev.policybot.domain;

import dev.policybot.domain.change.HistoryNote;
import java.util.List;

/**
 * What the user gets back from {@code ask}.
 *
 * @param text      the short answer (quotes in extractive mode, plain language with [n] markers from an LLM)
 * @param citations the numbered, verified citations
 * @param abstained true when the indexed documents do not address the question
 * @param mode      {@code extractive} or {@code llm:<provider>}
 * @param platforms the platforms searched (display names); empty means all
 * @param searched  the documents and versions searched
 * @param note      one line about how the answer was made (e.g. LLM fallback), or {@code null}
 * @param relevance the relevance score the abstain decision compared with the threshold (higher is more relevant),
 *                  or {@code NaN} when no such score was computed; exposed so the threshold can be tuned
 * @param outcome   answered, closest passages (not sure: the best passages, cited) or not addressed; {@code null}
 *                  means answered or not addressed as {@code abstained} says. {@code abstained} is true exactly when
 *                  the outcome is {@link Outcome#NOT_ADDRESSED}
 * @param language  the language code the answer's own words are written in ({@code en}, {@code de}), or {@code null}
 *                  when not known (e.g. a model's reply)
 * @param history   at most one dated change of a cited document on the question's topic, with the earlier wording
 */
public record Answer(
        String text,
        List<Citation> citations,
        boolean abstained,
        String mode,
        List<String> platforms,
        List<String> searched,
        String note,
        double relevance,
        Outcome outcome,
        String language,
        List<HistoryNote> history) {
    public Answer {
        citations = List.copyOf(citations);
        platforms = List.copyOf(platforms);
        searched = List.copyOf(searched);
        outcome = outcome == null ? Outcome.of(abstained) : outcome;
        if (abstained != (outcome == Outcome.NOT_ADDRESSED)) {
            throw new IllegalArgumentException("abstained must be true exactly for not-addressed, not " + outcome);
        }
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** An answer without a history line. */
    public Answer(
            String text,
            List<Citation> citations,
            boolean abstained,
            String mode,
            List<String> platforms,
            List<String> searched,
            String note,
            double relevance,
            Outcome outcome,
            String language) {
        this(text, citations, abstained, mode, platforms, searched, note, relevance, outcome, language, List.of());
    }

    /** An answered or declined answer, its language not recorded. */
    public Answer(
            String text,
            List<Citation> citations,
            boolean abstained,
            String mode,
            List<String> platforms,
            List<String> searched,
            String note,
            double relevance) {
        this(text, citations, abstained, mode, platforms, searched, note, relevance, null, null);
    }

    /** An answer without a relevance score. */
    public Answer(
            String text,
            List<Citation> citations,
            boolean abstained,
            String mode,
            List<String> platforms,
            List<String> searched,
            String note) {
        this(text, citations, abstained, mode, platforms, searched, note, Double.NaN);
    }

    public static final String DISCLAIMER = "This quotes the platforms' own text; it is not legal advice.";

    public Answer withNote(String newNote) {
        return new Answer(
                text, citations, abstained, mode, platforms, searched, newNote, relevance, outcome, language, history);
    }

    /** The same answer with another text and outcome (e.g. an answer turned into closest passages). */
    public Answer withOutcome(Outcome newOutcome, String newText) {
        return new Answer(
                newText,
                citations,
                newOutcome == Outcome.NOT_ADDRESSED,
                mode,
                platforms,
                searched,
                note,
                relevance,
                newOutcome,
                language,
                history);
    }

    /** The same answer, recording the language its words are written in. */
    public Answer withLanguage(String newLanguage) {
        return new Answer(
                text, citations, abstained, mode, platforms, searched, note, relevance, outcome, newLanguage, history);
    }

    /** The same answer with this history line (or none). */
    public Answer withHistory(List<HistoryNote> notes) {
        return new Answer(
                text, citations, abstained, mode, platforms, searched, note, relevance, outcome, language, notes);
    }

    /** Adds one more sentence to the note, keeping it on one line. */
    public Answer withExtraNote(String extra) {
        return withNote(note == null || note.isBlank() ? extra : note + " " + extra);
    }
}
