package dev.policybot.domain.change;

import dev.policybot.domain.UserFacingException;

/**
 * Port: tells people that a policy changed (the Discord bot posts it in the configured alert channel).
 * Implementations post each alert they are given; deciding never to repeat one is the caller's job.
 */
@FunctionalInterface
public interface AlertSink {
    AlertSink NONE = alert -> {};

    /** Posts the alert; throws {@link UserFacingException} when it cannot be delivered. */
    void post(ChangeAlert alert);
}
