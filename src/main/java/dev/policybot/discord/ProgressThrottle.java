package dev.policybot.discord;

import dev.policybot.discord.render.ReindexRenderer;
import dev.policybot.domain.port.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Passes progress on as reply edits, at most one per {@link #INTERVAL}: Discord rate-limits edits of an
 * interaction reply, and a moderator needs a moving number, not every step.
 */
final class ProgressThrottle implements ProgressListener {
    static final Duration INTERVAL = Duration.ofSeconds(2);

    private final Clock clock;
    private final ReindexRenderer renderer;
    private final Consumer<MessageEditData> edit;
    private Instant last = Instant.MIN;

    ProgressThrottle(Clock clock, ReindexRenderer renderer, Consumer<MessageEditData> edit) {
        this.clock = clock;
        this.renderer = renderer;
        this.edit = edit;
    }

    @Override
    public synchronized void progress(int done, int total, String what) {
        Instant now = clock.instant();
        if (last.plus(INTERVAL).isAfter(now)) {
            return;
        }
        last = now;
        edit.accept(renderer.progress(done, total, what));
    }
}
