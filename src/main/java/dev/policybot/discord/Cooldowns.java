package dev.policybot.discord;

import dev.policybot.domain.UserFacingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-user limits, so one person cannot keep the workers busy: one request in flight per user for every command,
 * and a pause between questions.
 */
public final class Cooldowns {
    private final Duration pause;
    private final Clock clock;
    private final Map<String, Instant> nextAllowed = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /** A user's running request; closing it (once counts) lets them start the next. */
    public interface InFlight extends AutoCloseable {
        InFlight NONE = () -> {};

        @Override
        void close();
    }

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

    /**
     * Starts the user's request, or refuses it while their previous one still runs.
     *
     * @throws UserFacingException when the user has a request in flight
     */
    public InFlight startRequest(String userId) {
        if (!inFlight.add(userId)) {
            throw UserFacingException.badInput("Your last request is still running; please wait for its reply.");
        }
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                inFlight.remove(userId);
            }
        };
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
