package dev.policybot.history;

import dev.policybot.domain.change.ChangeAlert;
import dev.policybot.domain.change.DocumentChange;
import java.util.Set;

/** Alerts as the change check composes them, for tests outside this package (renderers, Discord). */
public final class ChangeFixtures {
    private ChangeFixtures() {}

    /** The alert the change check sends for {@code change}, watching all topics. */
    public static ChangeAlert alertFor(DocumentChange change) {
        return ChangeAlertService.compose(change, change.contentChangesAbout(Set.of()));
    }
}
