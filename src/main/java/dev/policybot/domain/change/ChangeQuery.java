package dev.policybot.domain.change;

import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a person asked {@code changes} for.
 *
 * @param platform a platform as the person named it (slug, display name or alias)
 * @param document a document as named, or {@code null} for all of the platform's documents
 * @param from     compare from the version in force on this day, or {@code null} for the version before {@code to}'s
 * @param to       compare to the version in force on this day, or {@code null} for the newest version
 * @param topics   only changes on these topics; empty means all. Without dates, the newest change on them is shown.
 */
public record ChangeQuery(String platform, String document, LocalDate from, LocalDate to, Set<Topic> topics) {
    public ChangeQuery {
        Objects.requireNonNull(platform, "platform");
        topics = Set.copyOf(topics == null ? Set.of() : topics);
        if (from != null && to != null && from.isAfter(to)) {
            throw UserFacingException.badInput("The --from date (" + from + ") is after the --to date (" + to + ").");
        }
    }

    public static ChangeQuery latest(String platform, String document) {
        return new ChangeQuery(platform, document, null, null, Set.of());
    }

    public boolean datesGiven() {
        return from != null || to != null;
    }
}
