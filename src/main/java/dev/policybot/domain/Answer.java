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
 * @param history   at most one dated change of a cited document on the question's topic, with the earlier wording
 */
public record Answer(String text, List<Citation> citations, boolean abstained, String mode,
                     List<String> platforms, List<String> searched, String note, double relevance,
                     List<HistoryNote> history) {
    public Answer {
        citations = List.copyOf(citations);
        platforms = List.copyOf(platforms);
        searched = List.copyOf(searched);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** An answer without a history line. */
    public Answer(String text, List<Citation> citations, boolean abstained, String mode,
                  List<String> platforms, List<String> searched, String note, double relevance) {
        this(text, citations, abstained, mode, platforms, searched, note, relevance, List.of());
    }

    /** An answer without a relevance score. */
    public Answer(String text, List<Citation> citations, boolean abstained, String mode,
                  List<String> platforms, List<String> searched, String note) {
        this(text, citations, abstained, mode, platforms, searched, note, Double.NaN);
    }

    public static final String DISCLAIMER =
            "This quotes the platforms' own text; it is not legal advice.";

    public Answer withNote(String newNote) {
        return new Answer(text, citations, abstained, mode, platforms, searched, newNote, relevance, history);
    }

    /** The same answer with this history line (or none). */
    public Answer withHistory(List<HistoryNote> notes) {
        return new Answer(text, citations, abstained, mode, platforms, searched, note, relevance, notes);
    }

    /** Adds one more sentence to the note, keeping it on one line. */
    public Answer withExtraNote(String extra) {
        return withNote(note == null || note.isBlank() ? extra : note + " " + extra);
    }
}
