package dev.policybot.config;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Discord bot. The token comes only from the {@code DISCORD_TOKEN} environment variable ({@link #TOKEN_VARIABLE}).
 *
 * @param guildIds         guilds for instant per-guild command registration (empty: global commands)
 * @param moderatorRoleIds roles whose members may run moderator commands (besides Manage Server)
 * @param alertChannelId   channel for policy-change alerts, or {@code null} for none
 * @param cooldown         per-user pause between questions ({@code PT0S}: none)
 */
public record DiscordConfig(
        List<String> guildIds, List<String> moderatorRoleIds, String alertChannelId, Duration cooldown) {
    public static final DiscordConfig DEFAULT = new DiscordConfig(null, null, null, null);
    /** The environment variable that holds the bot token; it is never read from a file and never logged. */
    public static final String TOKEN_VARIABLE = "DISCORD_TOKEN";

    /** Discord ids ("snowflakes") are numbers of 17 to 20 digits. */
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,20}");

    public DiscordConfig {
        guildIds = List.copyOf(guildIds == null ? List.of() : guildIds);
        moderatorRoleIds = List.copyOf(moderatorRoleIds == null ? List.of() : moderatorRoleIds);
        cooldown = cooldown == null ? Duration.ofSeconds(10) : cooldown;
        guildIds.forEach(id -> requireSnowflake(id, "a guild id"));
        moderatorRoleIds.forEach(id -> requireSnowflake(id, "a role id"));
        if (alertChannelId != null) {
            alertChannelId = alertChannelId.isBlank() ? null : requireSnowflake(alertChannelId.strip(), "a channel id");
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
        }
    }

    private static String requireSnowflake(String id, String what) {
        if (id == null || !SNOWFLAKE.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not " + what + " (a number of 17 to 20 digits; "
                    + "in Discord: Settings → Advanced → Developer Mode, then right-click → Copy ID)");
        }
        return id;
    }
}
