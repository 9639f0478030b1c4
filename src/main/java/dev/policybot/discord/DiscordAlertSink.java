package dev.policybot.discord;

import dev.policybot.discord.render.ChangesRenderer;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.AlertSink;
import dev.policybot.domain.change.ChangeAlert;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts change alerts in the configured alert channel; does nothing when no channel is configured. */
public final class DiscordAlertSink implements AlertSink {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAlertSink.class);

    private final JDA jda;
    private final String channelId;
    private final ChangesRenderer renderer;

    public DiscordAlertSink(JDA jda, String channelId, ChangesRenderer renderer) {
        this.jda = jda;
        this.channelId = channelId;
        this.renderer = renderer;
    }

    /** Blocks until Discord accepted the message; call it from a worker thread, never from a JDA callback. */
    @Override
    public void post(ChangeAlert alert) {
        if (channelId == null || channelId.isBlank()) {
            LOG.debug(
                    "No alert channel configured; not posting the change of {} {}", alert.platform(), alert.document());
            return;
        }
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            throw UserFacingException.failure(
                    "The alert channel " + channelId
                            + " is not a text channel the bot can see; check discord.alertChannelId and the bot's invite.",
                    null);
        }
        try {
            channel.sendMessage(renderer.alert(alert, ReplyLanguage.ENGLISH)).complete();
        } catch (RuntimeException e) {
            throw UserFacingException.failure(
                    "Discord refused the alert for " + alert.platform() + " " + alert.document() + ": "
                            + e.getMessage(),
                    e);
        }
        LOG.info("Posted the change alert for {} · {} ({})", alert.platform(), alert.document(), alert.to());
    }
}
