package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The questions the benchmark asks, the same at every scale: those of a question set (when given) first, then
 * questions made from the corpus, half naming the clause's platform ("what does SoundCloud say about …") and half naming
 * none (so all platforms are searched). Every question lets the system detect the platform, as a user's would.
 */
final class BenchQueries {
    /** Results per search, as the bot asks for. */
    static final int LIMIT = 10;

    private static final long SEED = 20260807L;

    private BenchQueries() {}

    /**
     * @param fromSet questions of a question set, used first
     * @param corpus  the original clauses to make further questions from
     * @param n       how many questions in all
     */
    static List<String> make(List<String> fromSet, List<Clause> corpus, int n) {
        Set<String> queries = new LinkedHashSet<>();
        for (String q : fromSet) {
            if (queries.size() < n && !q.isBlank()) {
                queries.add(q.strip());
            }
        }
        List<Clause> current = corpus.stream().filter(Clause::isCurrent).toList();
        Random random = new Random(SEED);
        for (int attempts = 0; queries.size() < n && !current.isEmpty() && attempts < 20 * n; attempts++) {
            Clause clause = current.get(random.nextInt(current.size()));
            String words = words(clause.text(), random);
            if (!words.isEmpty()) {
                queries.add(
                        random.nextBoolean()
                                ? "what does " + clause.platform() + " say about " + words + "?"
                                : words + "?");
            }
        }
        return new ArrayList<>(queries);
    }

    /** Four to eight consecutive words from the clause, lower case, without punctuation. */
    private static String words(String text, Random random) {
        String[] all = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip()
                .split(" ");
        if (all.length < 6) {
            return "";
        }
        int length = Math.min(all.length, 4 + random.nextInt(5));
        int start = random.nextInt(all.length - length + 1);
        return String.join(" ", Arrays.asList(all).subList(start, start + length));
    }

    static SearchRequest request(String query) {
        return new SearchRequest(query, Set.of(), null, null, LIMIT);
    }

    static Question question(String query) {
        return new Question(query, null, null);
    }
}
