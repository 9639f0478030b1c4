package dev.policybot.core;

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
 */
public record Answer(String text, List<Citation> citations, boolean abstained, String mode,
                     List<String> platforms, List<String> searched, String note) {
    public Answer {
        citations = List.copyOf(citations);
        platforms = List.copyOf(platforms);
        searched = List.copyOf(searched);
    }

    public static final String DISCLAIMER =
            "This quotes the platforms' own text; it is not legal advice.";
}
