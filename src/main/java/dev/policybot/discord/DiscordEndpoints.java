package dev.policybot.discord;

import java.util.Objects;

/**
 * Where JDA talks to Discord: the REST base URL and the gateway URL. Tests point both at a fake on 127.0.0.1.
 *
 * @param restBaseUrl e.g. {@code https://discord.com/api/v10/} (must end with a slash)
 * @param gatewayUrl  e.g. {@code ws://127.0.0.1:1234/}, or {@code null} for JDA's default (Discord's gateway)
 */
public record DiscordEndpoints(String restBaseUrl, String gatewayUrl) {
    /** Discord itself. */
    public static final DiscordEndpoints DISCORD = new DiscordEndpoints("https://discord.com/api/v10/", null);

    public DiscordEndpoints {
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        restBaseUrl = restBaseUrl.endsWith("/") ? restBaseUrl : restBaseUrl + "/";
    }
}
