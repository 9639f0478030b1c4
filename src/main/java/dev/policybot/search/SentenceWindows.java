package dev.policybot.search;

import dev.policybot.core.Clause;
import dev.policybot.core.Sentences;
import dev.policybot.core.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * Small-to-big retrieval: a long clause is also indexed as overlapping windows of a few sentences, so that BM25 can find
 * the one passage of a long multi-topic paragraph that answers a question; a window's hit counts for its whole clause.
 *
 * @param minWords  clauses of at most this many words get no windows (the clause itself is small enough)
 * @param sentences sentences per window
 * @param stride    sentences from one window's start to the next (below {@code sentences}: windows overlap)
 */
public record SentenceWindows(int minWords, int sentences, int stride) {
    /** No windows at all: one Lucene document per clause version. */
    public static final SentenceWindows NONE = new SentenceWindows(Integer.MAX_VALUE, 1, 1);
    public static final SentenceWindows DEFAULT = new SentenceWindows(60, 2, 1);

    public SentenceWindows {
        if (sentences < 1 || stride < 1 || minWords < 0) {
            throw new IllegalArgumentException("windows need at least one sentence and a stride of one");
        }
    }

    /** The windows' texts, each with the clause's headings in front as in the clause's own searchable text. */
    List<String> of(Clause clause) {
        if (minWords == Integer.MAX_VALUE || Words.count(clause.text()) <= minWords) {
            return List.of();
        }
        List<Sentences.Span> spans = Sentences.split(clause.text());
        if (spans.size() <= sentences) {
            return List.of();
        }
        String headings = clause.headingPath().isEmpty() ? "" : String.join(" › ", clause.headingPath()) + "\n";
        List<String> windows = new ArrayList<>();
        for (int first = 0; ; first += stride) {
            int last = Math.min(first + sentences, spans.size());
            windows.add(headings + clause.text().substring(spans.get(first).start(), spans.get(last - 1).end()));
            if (last == spans.size()) {
                return windows;
            }
        }
    }
}
