package dev.policybot.discord;

import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * One slash or context-menu command. The {@link CommandRouter} defers the reply, checks access and cooldown,
 * runs {@link #run} on a worker thread and edits the reply with its result; failures go to {@link FailureReplies}.
 */
public interface DiscordCommand {

    /** The registered name (for a context-menu command, its label). */
    String name();

    /** What Discord registers: description, options, default permissions. */
    CommandData data();

    /** Moderators only (checked at run time, in addition to the default permissions in {@link #data()}). */
    default boolean moderatorOnly() {
        return false;
    }

    /** Subject to the per-user pause between questions (every command has one request in flight per user). */
    default boolean rateLimited() {
        return false;
    }

    /** The reply is only shown to the user who asked. */
    default boolean ephemeral() {
        return false;
    }

    /** As {@link #ephemeral()}, for a command whose reply is private for some users (a moderator's details). */
    default boolean ephemeral(Invocation invocation) {
        return ephemeral();
    }

    /** Fast checks of the input before the reply is deferred; throws {@code UserFacingException}. */
    default void validate(Invocation invocation) {}

    /** Does the work (on a worker thread) and returns the final reply. */
    MessageEditData run(Invocation invocation);

    /**
     * Choices for an autocomplete option (at most 25), answered on the event thread, so this must be fast.
     *
     * @param option the focused option's name
     * @param typed  what the user typed so far
     * @param filled the other options' current values
     */
    default List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return List.of();
    }
}
