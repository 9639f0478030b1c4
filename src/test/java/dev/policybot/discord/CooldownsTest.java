package dev.policybot.discord;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.UserFacingException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CooldownsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-01T12:00:00Z"));
    private final Cooldowns cooldowns = new Cooldowns(Duration.ofSeconds(10), clock);

    @Test
    void a_second_question_within_the_pause_is_told_the_seconds_left() {
        cooldowns.acquire("alice");
        clock.advance(Duration.ofMillis(2_500));

        assertThatThrownBy(() -> cooldowns.acquire("alice"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Please wait 8 seconds before asking again.");
    }

    @Test
    void after_the_pause_the_user_may_ask_again() {
        cooldowns.acquire("alice");
        clock.advance(Duration.ofSeconds(10));

        assertThatCode(() -> cooldowns.acquire("alice")).doesNotThrowAnyException();
    }

    @Test
    void users_do_not_share_a_pause() {
        cooldowns.acquire("alice");

        assertThatCode(() -> cooldowns.acquire("bob")).doesNotThrowAnyException();
    }

    @Test
    void a_refused_question_does_not_extend_the_pause() {
        cooldowns.acquire("alice");
        clock.advance(Duration.ofSeconds(9));
        assertThatThrownBy(() -> cooldowns.acquire("alice")).hasMessageContaining("1 second ");
        clock.advance(Duration.ofSeconds(1));

        assertThatCode(() -> cooldowns.acquire("alice")).doesNotThrowAnyException();
    }

    @Test
    void a_zero_pause_never_refuses() {
        Cooldowns none = new Cooldowns(Duration.ZERO, clock);
        none.acquire("alice");

        assertThatCode(() -> none.acquire("alice")).doesNotThrowAnyException();
    }

    @Test
    void a_user_with_a_request_in_flight_is_told_to_wait_for_its_reply_and_may_go_on_once_it_is_done() {
        Cooldowns.InFlight first = cooldowns.startRequest("alice");

        assertThatThrownBy(() -> cooldowns.startRequest("alice"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Your last request is still running; please wait for its reply.");
        assertThatCode(() -> cooldowns.startRequest("bob").close()).doesNotThrowAnyException();

        first.close();
        assertThatCode(() -> cooldowns.startRequest("alice").close()).doesNotThrowAnyException();
    }
}
