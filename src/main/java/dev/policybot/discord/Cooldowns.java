package dev.policybot.discord;

import dev.policybot.domain.UserFacingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-user pause between questions, so one person cannot keep the workers busy. */
public final class Cooldowns {
    private final Duration pause;
    private final Clock clock;
    private final Map<String, Instant> nextAllowed = new ConcurrentHashMap<>();

    public Cooldowns(Duration pause, Clock clock) {
        this.pause = pause;
        this.clock = clock;
    }

    /**
     * Lets the user through and starts their pause, or throws with the seconds left.
     *
     * @throws UserFacingException when the user asked less than the pause ago
     */
    public void acquire(String userId) {
        if (pause.isZero() || pause.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        Instant[] blockedUntil = new Instant[1];
        nextAllowed.compute(userId, (id, next) -> {
            if (next != null && now.isBefore(next)) {
                blockedUntil[0] = next;
                return next;
            }
            return now.plus(pause);
        });
        if (blockedUntil[0] != null) {
            throw UserFacingException.badInput(message(secondsLeft(now, blockedUntil[0])));
        }
        forgetExpired(now);
    }

    static String message(long seconds) {
        return "Please wait " + seconds + (seconds == 1 ? " second" : " seconds") + " before asking again.";
    }

    private static long secondsLeft(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Keeps the map small on a busy server. */
    private void forgetExpired(Instant now) {
        if (nextAllowed.size() > 1_000) {
            nextAllowed.values().removeIf(next -> !now.isBefore(next));
        }
    }
}
