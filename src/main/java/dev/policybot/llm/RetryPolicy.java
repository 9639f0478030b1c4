package dev.policybot.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a model request again: after HTTP 429 or 5xx (or a dropped connection), at most {@code maxRetries} times, waiting what the
 * server asks in {@code Retry-After} (seconds or an HTTP date) or else an exponential backoff. A wait longer than
 * {@code maxWait} is not worth it for a person waiting on an answer: the request fails and the caller falls back.
 *
 * @param maxRetries retries after the first attempt
 * @param backoff    the first wait when the server names none; doubles with each retry
 * @param maxWait    the longest single wait accepted
 */
record RetryPolicy(int maxRetries, Duration backoff, Duration maxWait) {

    /**
     * @param retry      1 for the first retry
     * @param status     the HTTP status just received
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param now        the current time (for an HTTP-date header)
     * @return how long to wait before retrying, or empty to give up
     */
    Optional<Duration> waitBefore(int retry, int status, String retryAfter, ZonedDateTime now) {
        boolean retriable = status == 429 || status >= 500;
        if (!retriable || retry > maxRetries) {
            return Optional.empty();
        }
        Duration wait = parse(retryAfter, now).orElse(backoff.multipliedBy(1L << Math.min(retry - 1, 10)));
        return wait.compareTo(maxWait) > 0 ? Optional.empty() : Optional.of(wait);
    }

    /**
     * After a connection that dropped once the request was sent (reset, closed before the reply): the backoff,
     * at most {@code maxRetries} times. A server that cannot be reached at all is not retried.
     */
    Optional<Duration> waitAfterDroppedConnection(int retry) {
        return retry > maxRetries ? Optional.empty() : Optional.of(backoff.multipliedBy(1L << Math.min(retry - 1, 10)));
    }

    static Optional<Duration> parse(String retryAfter, ZonedDateTime now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfter.strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until =
                        Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
