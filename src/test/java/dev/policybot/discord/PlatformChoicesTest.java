package dev.policybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.UserFacingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class PlatformChoicesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-10-01T12:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();
    private final PlatformChoices choices = new PlatformChoices(
            () -> {
                reads.incrementAndGet();
                return Fixtures.platforms();
            },
            clock);

    @Test
    void typed_prefix_offers_the_platform_with_its_id_as_value() {
        assertThat(choices.platforms("sou"))
                .extracting(Command.Choice::getName, Command.Choice::getAsString)
                .containsExactly(Tuple.tuple("SoundCloud", "soundcloud"));
    }

    @Test
    void aliases_find_the_platform() {
        assertThat(choices.platforms("SC"))
                .extracting(Command.Choice::getAsString)
                .containsExactly("soundcloud");
    }

    @Test
    void names_starting_with_the_text_come_before_names_containing_it() {
        // "o" starts nothing but is contained in SoundCloud, Spotify and Zoom; "ba" starts Bandcamp
        assertThat(choices.platforms("ba"))
                .extracting(Command.Choice::getAsString)
                .first()
                .isEqualTo("bandcamp");
        assertThat(choices.platforms(""))
                .extracting(Command.Choice::getName)
                .containsExactly("Bandcamp", "SoundCloud", "Spotify", "Zoom");
    }

    @Test
    void at_most_25_choices_are_offered() {
        List<PlatformInfo> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new PlatformInfo("p" + i, "Platform " + i, List.of(), List.of("Terms " + i)));
        }
        PlatformChoices lots = new PlatformChoices(() -> many, clock);

        assertThat(lots.platforms("")).hasSize(25);
        assertThat(lots.documents(null, "")).hasSize(25);
    }

    @Test
    void documents_of_the_chosen_platform_are_offered_by_slug() {
        assertThat(choices.documents("soundcloud", "priv"))
                .extracting(Command.Choice::getName, Command.Choice::getAsString)
                .containsExactly(Tuple.tuple("Privacy Policy", "privacy-policy"));
    }

    @Test
    void a_platform_may_be_named_by_display_name_or_alias_in_any_case() {
        assertThat(choices.requireKnown("Sound Cloud")).isEqualTo("soundcloud");
        assertThat(choices.requireKnown("SOUNDCLOUD")).isEqualTo("soundcloud");
        assertThat(choices.requireKnown(null)).isNull();
    }

    @Test
    void an_unknown_platform_is_refused_with_a_hint() {
        assertThatThrownBy(() -> choices.requireKnown("MySpace"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("MySpace")
                .hasMessageContaining("/sources");
    }

    @Test
    void the_directory_is_read_again_only_after_the_refresh_interval() {
        choices.platforms("a");
        choices.platforms("b");
        assertThat(reads).hasValue(1);

        clock.advance(PlatformChoices.REFRESH.plus(Duration.ofSeconds(1)));
        choices.platforms("c");

        assertThat(reads).hasValue(2);
    }

    @Test
    void a_slow_directory_never_holds_up_the_caller_once_a_list_was_read() throws Exception {
        // given a list read once, and a directory that then blocks (as the index does while a reindex swaps it)
        CountDownLatch slow = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
            PlatformChoices blocking = new PlatformChoices(
                    () -> {
                        if (calls.incrementAndGet() > 1) {
                            reading.countDown();
                            await(slow);
                        }
                        return Fixtures.platforms();
                    },
                    clock,
                    refresher);
            assertThat(blocking.requireKnown("SoundCloud")).isEqualTo("soundcloud");
            clock.advance(PlatformChoices.REFRESH.plus(Duration.ofSeconds(1)));

            // when the list is due for a refresh, then the last list answers while the read waits
            assertThat(blocking.requireKnown("Sound Cloud")).isEqualTo("soundcloud");
            assertThat(reading.await(10, TimeUnit.SECONDS))
                    .as("the refresh started")
                    .isTrue();
            assertThat(blocking.platforms("spo"))
                    .extracting(Command.Choice::getAsString)
                    .containsExactly("spotify");
            assertThatThrownBy(() -> blocking.requireKnown("MySpace")).isInstanceOf(UserFacingException.class);
            assertThat(slow.getCount()).as("the refresh is still waiting").isEqualTo(1);
            assertThat(calls).hasValue(2);
        } finally {
            slow.countDown();
            refresher.shutdown();
            assertThat(refresher.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
