package dev.policybot.discord;

import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.domain.UserFacingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every interaction and sends it where it belongs. For commands: access and input checks, cooldown, then
 * {@code deferReply()} at once, the work on a named worker thread, and the reply edited with the result.
 * Every failure goes to {@link FailureReplies}.
 */
public final class CommandRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    private final Map<String, DiscordCommand> commands = new LinkedHashMap<>();
    private final ExecutorService workers;
    private final Cooldowns cooldowns;
    private final ModeratorCheck moderators;
    private final ResultButtons buttons;
    private final FailureReplies failures;
    private volatile boolean accepting = true;

    public CommandRouter(
            List<DiscordCommand> commands,
            ExecutorService workers,
            Cooldowns cooldowns,
            ModeratorCheck moderators,
            ResultButtons buttons,
            FailureReplies failures) {
        commands.forEach(command -> this.commands.put(command.name(), command));
        this.workers = workers;
        this.cooldowns = cooldowns;
        this.moderators = moderators;
        this.buttons = buttons;
        this.failures = failures;
    }

    /** The data to register with Discord, localized. */
    public List<CommandData> commandData(LocalizationFunction localization) {
        return commands.values().stream()
                .map(command -> command.data().setLocalizationFunction(localization))
                .toList();
    }

    /** From now on, new commands are refused with a "restarting" message; running ones finish. */
    public void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping option : event.getOptions()) {
            options.put(option.getName(), option.getAsString());
        }
        dispatch(event, options, null);
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        dispatch(event, Map.of(), event.getTarget().getContentRaw());
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        DiscordCommand command = commands.get(event.getName());
        List<Command.Choice> choices = List.of();
        try {
            if (command != null) {
                Map<String, String> filled = new LinkedHashMap<>();
                event.getOptions().forEach(option -> filled.put(option.getName(), option.getAsString()));
                choices = command.autocomplete(
                        event.getFocusedOption().getName(),
                        event.getFocusedOption().getValue(),
                        filled);
            }
        } catch (RuntimeException e) {
            failures.sentence(e, "autocomplete of /" + event.getName());
        }
        event.replyChoices(choices.stream().limit(DiscordLimits.CHOICES).toList())
                .queue(null, error -> LOG.debug("autocomplete reply failed", error));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        if (!buttons.handles(id)) {
            failures.reply(event, UserFacingException.badInput("I don't know that button."), "button");
            return;
        }
        try {
            List<MessageCreateData> messages = buttons.press(
                    id, event.getUser().getId(), ReplyLanguage.forCode(ReplyLanguage.of(event.getUserLocale())));
            event.reply(messages.get(0))
                    .setEphemeral(true)
                    .queue(null, error -> LOG.debug("button reply failed", error));
            for (MessageCreateData more : messages.subList(1, messages.size())) {
                event.getHook()
                        .sendMessage(more)
                        .setEphemeral(true)
                        .queue(null, error -> LOG.debug("button follow-up failed", error));
            }
        } catch (RuntimeException e) {
            failures.reply(event, e, "button " + id.split(":", 2)[0]);
        }
    }

    private void dispatch(GenericCommandInteractionEvent event, Map<String, String> options, String targetText) {
        String where = "/" + event.getName();
        DiscordCommand command = commands.get(event.getName());
        InteractionHook hook = event.getHook();
        Invocation invocation = new Invocation(
                options,
                targetText,
                event.getUser().getId(),
                event.getId(),
                edit -> hook.editOriginal(edit).queue(null, error -> LOG.debug("progress edit failed", error)),
                ReplyLanguage.of(event.getUserLocale()),
                moderators.allows(event.getMember()));
        Cooldowns.InFlight flight;
        try {
            admit(event, command, invocation);
            // one request per user in the queue, so nobody fills it; moderator jobs have their own guards
            flight = command.moderatorOnly() ? Cooldowns.InFlight.NONE : cooldowns.startRequest(invocation.userId());
        } catch (RuntimeException e) {
            failures.reply(event, e, where);
            return;
        }
        boolean ephemeral = command.ephemeral(invocation);
        event.deferReply(ephemeral).queue(null, error -> LOG.debug("defer failed in {}", where, error));
        try {
            workers.execute(() -> run(command, invocation, hook, where, flight));
        } catch (RejectedExecutionException e) {
            flight.close();
            failures.replyAfterDefer(
                    hook,
                    ephemeral,
                    UserFacingException.failure("PolicyBot is busy right now; please try again in a minute.", e),
                    where);
        }
    }

    /** The checks that need no work: is the bot up, may this member do it, is the input sane, not too often. */
    private void admit(GenericCommandInteractionEvent event, DiscordCommand command, Invocation invocation) {
        if (!accepting) {
            throw UserFacingException.failure("PolicyBot is restarting; please try again in a minute.", null);
        }
        if (command == null) {
            throw UserFacingException.badInput("I don't know this command; it may have been removed.");
        }
        if (command.moderatorOnly()) {
            moderators.require(event.getMember());
        }
        command.validate(invocation);
        if (command.rateLimited()) {
            cooldowns.acquire(invocation.userId());
        }
    }

    private void run(
            DiscordCommand command,
            Invocation invocation,
            InteractionHook hook,
            String where,
            Cooldowns.InFlight flight) {
        try {
            MessageEditData reply;
            try (flight) { // done before the reply is shown, so the user's next request is never refused after it
                reply = command.run(invocation);
            }
            hook.editOriginal(reply).complete();
        } catch (Throwable e) { // every failure gets a reply: never leave the user with "thinking…"
            failures.replyAfterDefer(hook, command.ephemeral(invocation), e, where);
        }
    }
}
