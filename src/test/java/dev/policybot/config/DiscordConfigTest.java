package dev.policybot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordConfigTest {

    @TempDir
    Path dir;

    @Test
    void ids_may_be_written_as_numbers_or_strings() throws IOException {
        Files.writeString(dir.resolve("policybot.yaml"), """
                discord:
                  guildIds: [123456789012345678]
                  moderatorRoleIds: ["234567890123456789"]
                  alertChannelId: "345678901234567890"
                """);

        DiscordConfig discord = AppConfig.load(dir).discord();

        assertThat(discord.guildIds()).containsExactly("123456789012345678");
        assertThat(discord.moderatorRoleIds()).containsExactly("234567890123456789");
        assertThat(discord.alertChannelId()).isEqualTo("345678901234567890");
    }

    @Test
    void a_guild_id_that_is_not_a_discord_id_is_named_with_its_key() throws IOException {
        Files.writeString(dir.resolve("policybot.yaml"), "discord:\n  guildIds: [my-server]\n");

        assertThatThrownBy(() -> AppConfig.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key discord")
                .hasMessageContaining("'my-server' is not a guild id");
    }

    @Test
    void a_blank_alert_channel_means_none() {
        assertThat(new DiscordConfig(null, null, " ", null).alertChannelId()).isNull();
    }
}
