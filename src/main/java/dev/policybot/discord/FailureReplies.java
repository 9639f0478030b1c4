package dev.policybot.discord;

import dev.policybot.domain.UserFacingException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into what the user reads, always ephemeral: a {@link UserFacingException}
 * shows its sentence; anything else is logged with its stack trace under an incident id that the user sees.
 */
public final class FailureReplies {
    private static final Logger LOG = LoggerFactory.getLogger(FailureReplies.class);

    /** The sentence for a failure; logs unexpected ones with an incident id. */
    public String sentence(Throwable failure, String where) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UserFacingException userFacing) {
            LOG.debug("{} refused: {}", where, userFacing.getMessage());
            return userFacing.getMessage();
        }
        String incident = newIncidentId();
        LOG.error("Incident {} in {}", incident, where, cause);
        return "Sorry, something went wrong on my side (incident " + incident
                + "). Please try again later; the operators can look the incident up in the log.";
    }

    /** Replies to an interaction that was not acknowledged yet. */
    public void reply(IReplyCallback interaction, Throwable failure, String where) {
        interaction
                .reply(sentence(failure, where))
                .setEphemeral(true)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .queue(null, error -> LOG.debug("could not send the failure reply for {}", where, error));
    }

    /**
     * Replies after {@code deferReply}: an ephemeral defer is edited in place; a public one is removed and the
     * sentence sent as an ephemeral follow-up, so others in the channel never see the error.
     */
    public void replyAfterDefer(InteractionHook hook, boolean deferredEphemeral, Throwable failure, String where) {
        String sentence = sentence(failure, where);
        if (deferredEphemeral) {
            hook.editOriginal(sentence)
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .setEmbeds()
                    .setComponents()
                    .queue(null, error -> LOG.debug("could not edit in {}", where, error));
            return;
        }
        hook.deleteOriginal().queue(null, error -> LOG.debug("could not delete the reply in {}", where, error));
        hook.sendMessage(sentence)
                .setEphemeral(true)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .queue(null, error -> LOG.debug("could not send the failure follow-up in {}", where, error));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String newIncidentId() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
