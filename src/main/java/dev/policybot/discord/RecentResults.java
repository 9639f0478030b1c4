package dev.policybot.discord;

import dev.policybot.domain.Citation;
import dev.policybot.domain.change.HistoryNote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last results the bot showed, so that buttons under them ("Show clause 2", "Show the rest", 👍) can find
 * them again. Bounded: the oldest are forgotten, and their buttons then ask the user to ask again.
 */
public final class RecentResults {
    private final int capacity;
    private final Map<String, Shown> byKey;

    public RecentResults(int capacity) {
        this.capacity = capacity;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
                return size() > RecentResults.this.capacity;
            }
        };
    }

    /**
     * What one reply showed.
     *
     * @param citations the numbered clauses of the reply ("Show clause n" shows the one numbered n)
     * @param rest      the text cut from the reply, empty when nothing was cut
     * @param mode      how the answer was made ({@code extractive}, {@code llm:...}, {@code lookup})
     * @param abstained whether the answer said the documents don't address the question
     * @param voters    users who already gave feedback on it
     * @param history   the answer's history line, which "Show the change" shows
     */
    public record Shown(
            List<Citation> citations,
            String rest,
            String mode,
            boolean abstained,
            Set<String> voters,
            List<HistoryNote> history) {
        public Shown(List<Citation> citations, String rest, String mode, boolean abstained) {
            this(citations, rest, mode, abstained, List.of());
        }

        public Shown(List<Citation> citations, String rest, String mode, boolean abstained, List<HistoryNote> history) {
            this(
                    List.copyOf(citations),
                    rest == null ? "" : rest,
                    mode,
                    abstained,
                    ConcurrentHashMap.newKeySet(),
                    List.copyOf(history));
        }

        /** The citation numbered {@code n}, if the reply had one. */
        public Optional<Citation> citation(int n) {
            return citations.stream().filter(c -> c.n() == n).findFirst();
        }
    }

    public synchronized void put(String key, Shown shown) {
        byKey.put(key, shown);
    }

    public synchronized Optional<Shown> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
