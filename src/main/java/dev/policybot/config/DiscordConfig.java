package dev.policybot.config;

import java.time.Duration;
import java.util.List;

/**
 * The Discord bot. The token comes only from the {@code DISCORD_TOKEN} environment variable.
 *
 * @param guildIds         guilds for instant per-guild command registration (empty: global commands)
 * @param moderatorRoleIds roles whose members may run moderator commands (besides Manage Server)
 * @param alertChannelId   channel for policy-change alerts, or {@code null} for none
 * @param cooldown         per-user pause between questions
 */
public record DiscordConfig(List<String> guildIds, List<String> moderatorRoleIds, String alertChannelId,
                            Duration cooldown) {
    public static final DiscordConfig DEFAULT = new DiscordConfig(null, null, null, null);

    public DiscordConfig {
        guildIds = List.copyOf(guildIds == null ? List.of() : guildIds);
        moderatorRoleIds = List.copyOf(moderatorRoleIds == null ? List.of() : moderatorRoleIds);
        cooldown = cooldown == null ? Duration.ofSeconds(10) : cooldown;
    }
}
