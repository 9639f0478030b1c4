package dev.policybot.eval;

import dev.policybot.domain.Slugs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A deterministic split of a question set into a tuning half and a check half, so that settings fitted on one half are
 * judged on questions they were not fitted on. A question about one platform goes to the half its platform's hash
 * picks (all questions about a platform land together, so no platform is seen in both); a cross-platform question
 * ({@code service "*"}) by its id. The seed was chosen, before any answer was looked at, as the first of eight whose
 * halves of questions-2 and questions-3 hold each category in roughly equal parts.
 */
public final class Halves {
    /** CRC-32 of {@code SEED + ":" + key}, even → tuning half. Changing it moves questions between halves. */
    public static final String SEED = "policybot-halves-2";

    /** Which questions to run. */
    public enum Half {
        TUNE,
        CHECK,
        ALL;

        /** {@code tune}, {@code check} or {@code all}. */
        public static Half parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "tune", "tuning" -> TUNE;
                case "check" -> CHECK;
                case "all" -> ALL;
                default ->
                    throw new IllegalArgumentException("--half must be tune, check or all, not \"" + text + "\"");
            };
        }
    }

    private Halves() {}

    /** The half a question belongs to: {@link Half#TUNE} or {@link Half#CHECK}. */
    public static Half of(EvalQuestion question) {
        String key = question.anyService() ? question.id() : Slugs.of(question.service());
        CRC32 crc = new CRC32();
        crc.update((SEED + ":" + key).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0 ? Half.TUNE : Half.CHECK;
    }

    /** The questions of {@code half} (all of them for {@link Half#ALL}), in their order. */
    public static List<EvalQuestion> select(List<EvalQuestion> questions, Half half) {
        return half == Half.ALL
                ? List.copyOf(questions)
                : questions.stream().filter(q -> of(q) == half).toList();
    }
}
