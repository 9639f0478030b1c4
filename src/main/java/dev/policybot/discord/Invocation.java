package dev.policybot.discord;

import java.util.Map;
import java.util.function.Consumer;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * One use of a command, reduced to what a command needs (no JDA event, so commands stay easy to test).
 *
 * @param options    option name → value as typed or chosen (absent options are missing)
 * @param targetText the selected message's text for a message context-menu command, else {@code null}
 * @param userId     who used the command
 * @param key        a unique key of this interaction, used to find its result again when a button is pressed
 * @param progress   edits the deferred reply while the command still runs (for long jobs)
 * @param language   the user's Discord language code ({@code de}, {@code en}, …), or {@code null} when unknown
 * @param moderator  whether the user may run moderator commands (some replies show them more, ephemerally)
 */
public record Invocation(
        Map<String, String> options,
        String targetText,
        String userId,
        String key,
        Consumer<MessageEditData> progress,
        String language,
        boolean moderator) {
    public Invocation {
        options = Map.copyOf(options);
        progress = progress == null ? edit -> {} : progress;
    }

    public Invocation(
            Map<String, String> options,
            String targetText,
            String userId,
            String key,
            Consumer<MessageEditData> progress,
            String language) {
        this(options, targetText, userId, key, progress, language, false);
    }

    public Invocation(
            Map<String, String> options,
            String targetText,
            String userId,
            String key,
            Consumer<MessageEditData> progress) {
        this(options, targetText, userId, key, progress, null, false);
    }

    /** The option's value, stripped, or {@code null} when absent or blank. */
    public String option(String name) {
        String value = options.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
