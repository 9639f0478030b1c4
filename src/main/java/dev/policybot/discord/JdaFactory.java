package dev.policybot.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * The one place JDA is built: a light client with no privileged intents (slash commands need none), talking to the
 * given endpoints. The caller owns shutdown, so JDA's own shutdown hook is off.
 */
public final class JdaFactory {

    private JdaFactory() {}

    /** Starts logging in; the returned JDA is connecting (wait for {@link JDA.Status#CONNECTED}). */
    public static JDA connect(String token, DiscordEndpoints endpoints, List<Object> listeners) {
        // never ping anyone from text that may echo user input or policy text
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(endpoints.restBaseUrl()))
                .setEnableShutdownHook(false)
                .addEventListeners(listeners.toArray());
        if (endpoints.gatewayUrl() != null) {
            // a gateway of our choosing (a test's fake) speaks plain JSON text frames
            builder.setSessionController(new FixedGatewayController(endpoints.gatewayUrl()))
                    .setCompression(Compression.NONE)
                    .setGatewayEncoding(GatewayEncoding.JSON);
        }
        return builder.build();
    }

    /** A single JDA never asks Discord for the gateway address; this controller tells it the one to use. */
    private static final class FixedGatewayController extends SessionControllerAdapter {
        private final String gateway;

        FixedGatewayController(String gateway) {
            this.gateway = gateway;
        }

        @Override
        public String getGateway() {
            return gateway;
        }
    }
}
