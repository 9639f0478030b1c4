package dev.policybot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's REST API and gateway, faked on 127.0.0.1 for the real JDA: answers login, command registration,
 * interaction callbacks, webhook edits and follow-ups and channel messages, records every REST call, and
 * dispatches READY, GUILD_CREATE and INTERACTION_CREATE over a JSON gateway. One guild with one text channel,
 * an alert channel, a role with Manage Server and a plain "helpers" role.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String APP_ID = "1000000000000000001";
    public static final String GUILD_ID = "1100000000000000001";
    public static final String CHANNEL_ID = "1200000000000000001";
    public static final String ALERT_CHANNEL_ID = "1200000000000000002";
    public static final String MODERATOR_ROLE_ID = "1300000000000000001";
    public static final String HELPER_ROLE_ID = "1300000000000000002";
    public static final String OWNER_ID = "1400000000000000001";
    /** A role with staff-like permissions (manage channels and messages, kick) but not Manage Server. */
    public static final String STAFF_ROLE_ID = "1300000000000000003";
    /** Manage channels, kick members, manage messages: powerful, but not what /reindex requires. */
    public static final long STAFF = (1L << 4) | (1L << 1) | (1L << 13);
    /** The only token the fake accepts; any other gets 401 like Discord's. */
    /** The session READY announces; a RESUME names it. */
    public static final String SESSION_ID = "fake-session";

    public static final String TOKEN = "fake-token";
    public static final long MANAGE_SERVER = 1L << 5;
    /** View channels, send messages, embed links, use application commands. */
    public static final long EVERYONE = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 31);

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final Pattern PAYLOAD_JSON =
            Pattern.compile("name=\"payload_json\"(?:\\r\\n[^\\r\\n]+)*\\r\\n\\r\\n(.*?)\\r\\n--", Pattern.DOTALL);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "fake-discord-rest");
        thread.setDaemon(true);
        return thread;
    });
    private final Gateway gateway;
    private final List<Request> requests = new ArrayList<>();
    private final List<JsonNode> frames = new ArrayList<>();
    private final Map<String, JsonNode> messagesByToken = new ConcurrentHashMap<>();
    private final AtomicLong snowflakeCounter = new AtomicLong();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final List<RateLimit> rateLimits = new CopyOnWriteArrayList<>();

    private record RateLimit(String method, String pathRegex, int retryAfterSeconds) {}

    /** One REST call JDA made, and the status the fake answered it with. */
    public record Request(String method, String path, String query, JsonNode body, int status) {
        boolean is(String method, String pathRegex) {
            return this.method.equals(method) && path.matches(pathRegex);
        }

        /** For a callback: the data of the reply ({@code body.data}). */
        public JsonNode data() {
            return body.path("data");
        }

        public boolean ephemeral() {
            JsonNode flags = body.has("data") ? body.path("data").path("flags") : body.path("flags");
            return (flags.asLong() & 64) != 0;
        }
    }

    /** An interaction sent to the bot. */
    public record Interaction(String id, String token) {
        public String callbackPath() {
            return "/interactions/" + id + "/" + token + "/callback";
        }

        public String originalPath() {
            return "/webhooks/" + APP_ID + "/" + token + "/messages/@original";
        }

        public String followUpPath() {
            return "/webhooks/" + APP_ID + "/" + token;
        }
    }

    /** A guild member who uses the bot. */
    public record Member(String id, String name, List<String> roleIds) {}

    private FakeDiscord() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/v10/", this::handle);
        http.setExecutor(httpThreads);
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        gateway = new Gateway(channel);
    }

    public static FakeDiscord start() throws IOException, InterruptedException {
        FakeDiscord discord = new FakeDiscord();
        discord.http.start();
        discord.gateway.start();
        if (!discord.gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake gateway did not start");
        }
        return discord;
    }

    public DiscordEndpoints endpoints() {
        return new DiscordEndpoints(
                "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/",
                "ws://127.0.0.1:" + gateway.port + "/");
    }

    @Override
    public void close() throws InterruptedException {
        gateway.stop(1_000);
        http.stop(0);
        httpThreads.shutdownNow();
    }

    // ---- interactions -------------------------------------------------------------------------------------------

    public Interaction slashCommand(String name, Map<String, String> options, Member member) {
        return slashCommand(name, options, member, "en-US");
    }

    /** As above, from a user whose Discord language is {@code locale} (e.g. "de"). */
    public Interaction slashCommand(String name, Map<String, String> options, Member member, String locale) {
        ArrayNode optionArray = json.createArrayNode();
        options.forEach((option, value) -> optionArray.add(obj("name", option, "type", 3, "value", value)));
        return dispatchInteraction(
                2, member, obj("id", snowflake(), "name", name, "type", 1, "options", optionArray), null, locale);
    }

    public Interaction autocomplete(
            String command, String focused, String typed, Map<String, String> others, Member member) {
        ArrayNode optionArray = json.createArrayNode();
        others.forEach((option, value) -> optionArray.add(obj("name", option, "type", 3, "value", value)));
        optionArray.add(obj("name", focused, "type", 3, "value", typed, "focused", true));
        return dispatchInteraction(
                4, member, obj("id", snowflake(), "name", command, "type", 1, "options", optionArray), null);
    }

    public Interaction messageCommand(String name, String messageText, Member author, Member member) {
        String messageId = snowflake();
        ObjectNode message = message(messageId, CHANNEL_ID, user(author), obj("content", messageText));
        ObjectNode data = obj(
                "id",
                snowflake(),
                "name",
                name,
                "type",
                3,
                "target_id",
                messageId,
                "resolved",
                obj("messages", obj(messageId, message)));
        return dispatchInteraction(2, member, data, null);
    }

    /** Presses a button under the message the bot last posted for {@code source} (its edited original reply). */
    public Interaction pressButton(Interaction source, String customId, Member member) {
        return pressButton(source, customId, member, "en-US");
    }

    /** As above, by a user whose Discord language is {@code locale} (e.g. "de"). */
    public Interaction pressButton(Interaction source, String customId, Member member, String locale) {
        JsonNode message = messagesByToken.get(source.token());
        if (message == null) {
            throw new IllegalStateException("the bot never edited its reply to " + source);
        }
        return dispatchInteraction(3, member, obj("custom_id", customId, "component_type", 2), message, locale);
    }

    private Interaction dispatchInteraction(int type, Member member, ObjectNode data, JsonNode message) {
        return dispatchInteraction(type, member, data, message, "en-US");
    }

    private Interaction dispatchInteraction(int type, Member member, ObjectNode data, JsonNode message, String locale) {
        String id = snowflake();
        String token = "interaction-token-" + tokenCounter.incrementAndGet();
        long permissions = permissionsOf(member);
        ObjectNode interaction = obj(
                "id",
                id,
                "application_id",
                APP_ID,
                "type",
                type,
                "version",
                1,
                "token",
                token,
                "guild_id",
                GUILD_ID,
                "channel_id",
                CHANNEL_ID,
                "channel",
                channelJson(CHANNEL_ID, "general", 0).put("permissions", Long.toString(permissions)),
                "guild",
                obj("id", GUILD_ID, "features", json.createArrayNode(), "locale", "en-US"),
                "member",
                memberJson(member, permissions),
                "locale",
                locale,
                "guild_locale",
                "en-US",
                "context",
                0,
                "authorizing_integration_owners",
                obj("0", GUILD_ID),
                "app_permissions",
                Long.toString(EVERYONE),
                "entitlements",
                json.createArrayNode(),
                "data",
                data);
        if (message != null) {
            interaction.set("message", message);
        }
        gateway.dispatch("INTERACTION_CREATE", interaction);
        return new Interaction(id, token);
    }

    /** Drops the gateway connection without a close frame, as a network failure does. */
    public void dropGateway() {
        WebSocket socket = requireConnection();
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
    }

    /** Closes the gateway connection with a close frame, as Discord does (e.g. 1001 when it moves a connection). */
    public void closeGateway(int code, String reason) {
        requireConnection().close(code, reason);
    }

    /** Asks the client to reconnect (op 7), as Discord does before it restarts a gateway node. */
    public void requestReconnect() {
        requireConnection().send("{\"op\":7,\"d\":null}");
    }

    private WebSocket requireConnection() {
        WebSocket socket = gateway.connection;
        if (socket == null || !socket.isOpen()) {
            throw new IllegalStateException("JDA is not connected to the fake gateway");
        }
        return socket;
    }

    /** Waits for the {@code nth} (from 1) frame with {@code op} the client sent, e.g. the first RESUME (op 6). */
    public JsonNode awaitGatewayFrame(int op, int nth, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            while (true) {
                List<JsonNode> matching = frames.stream()
                        .filter(f -> f.path("op").asInt(-1) == op)
                        .toList();
                if (matching.size() >= nth) {
                    return matching.get(nth - 1);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no gateway frame #" + nth + " with op " + op + " within " + timeout
                            + "; ops were: "
                            + frames.stream().map(f -> f.path("op").asText()).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(frames, left);
            }
        }
    }

    /** The ops of every frame the client sent, in order. */
    public List<Integer> gatewayOps() {
        synchronized (frames) {
            return frames.stream().map(f -> f.path("op").asInt(-1)).toList();
        }
    }

    private void recordFrame(JsonNode frame) {
        synchronized (frames) {
            frames.add(frame);
            frames.notifyAll();
        }
    }

    /** Whether a client (JDA) holds the gateway connection open. */
    public boolean gatewayConnected() {
        WebSocket socket = gateway.connection;
        return socket != null && socket.isOpen();
    }

    // ---- recorded REST calls ------------------------------------------------------------------------------------

    /** Waits for the first recorded call that matches. */
    public Request await(Predicate<Request> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                for (Request request : requests) {
                    if (wanted.test(request)) {
                        return request;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching REST call within " + timeout + "; calls were:\n"
                            + String.join(
                                    "\n",
                                    requests.stream()
                                            .map(r -> r.method() + " " + r.path())
                                            .toList()));
                }
                TimeUnit.NANOSECONDS.timedWait(requests, left);
            }
        }
    }

    /** Waits for the first call to {@code method path} that the fake served (not one it refused, e.g. with 429). */
    public Request await(String method, String path, Duration timeout) throws InterruptedException {
        return await(r -> r.method().equals(method) && r.path().equals(path) && r.status() < 300, timeout);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void record(Request request) {
        synchronized (requests) {
            requests.add(request);
            requests.notifyAll();
        }
    }

    // ---- REST ---------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring("/api/v10".length());
            String query = exchange.getRequestURI().getQuery();
            JsonNode body = body(exchange);
            boolean authorized =
                    ("Bot " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                            || path.startsWith("/interactions/")
                            || path.startsWith("/webhooks/"); // these use the interaction token
            if (!authorized) {
                record(new Request(method, path, query, body, 401));
                send(exchange, 401, obj("message", "401: Unauthorized", "code", 0));
                return;
            }
            RateLimit limit = takeRateLimit(method, path);
            if (limit != null) {
                record(new Request(method, path, query, body, 429));
                sendRateLimited(exchange, limit);
                return;
            }
            JsonNode reply = route(new Request(method, path, query, body, 0));
            int status = reply == null ? 204 : reply.has("code") && reply.has("message") ? 404 : 200;
            record(new Request(
                    method, path, query, body, status)); // after routing: a test that sees it sees its effects
            if (reply == null) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            send(exchange, status, reply);
        }
    }

    /**
     * Answers the next call matching {@code method} and {@code pathRegex} with 429 and {@code Retry-After}, as Discord's
     * per-route limit does (one call; later ones are served normally).
     */
    public void rateLimitNext(String method, String pathRegex, int retryAfterSeconds) {
        rateLimits.add(new RateLimit(method, pathRegex, retryAfterSeconds));
    }

    private RateLimit takeRateLimit(String method, String path) {
        synchronized (rateLimits) {
            for (RateLimit limit : rateLimits) {
                if (limit.method().equals(method) && path.matches(limit.pathRegex())) {
                    rateLimits.remove(limit);
                    return limit;
                }
            }
            return null;
        }
    }

    /**
     * Discord's 429 for a per-route ("user" scope) limit. JDA reads the headers, not the body: without {@code via}
     * (Discord's answers come through Google's front end) it takes the 429 for a Cloudflare ban and logs an error;
     * with {@code X-RateLimit-Global} it pauses every route.
     */
    private void sendRateLimited(HttpExchange exchange, RateLimit limit) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.add("via", "1.1 google");
        headers.add("Retry-After", Integer.toString(limit.retryAfterSeconds()));
        headers.add("X-RateLimit-Limit", "5");
        headers.add("X-RateLimit-Remaining", "0");
        headers.add("X-RateLimit-Reset-After", limit.retryAfterSeconds() + ".000");
        headers.add(
                "X-RateLimit-Reset",
                String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + limit.retryAfterSeconds()));
        headers.add(
                "X-RateLimit-Bucket",
                "fake-bucket-" + Integer.toHexString(limit.pathRegex().hashCode()));
        headers.add("X-RateLimit-Scope", "user");
        send(
                exchange,
                429,
                obj(
                        "message",
                        "You are being rate limited.",
                        "retry_after",
                        (double) limit.retryAfterSeconds(),
                        "global",
                        false));
    }

    private void send(HttpExchange exchange, int status, JsonNode reply) throws IOException {
        byte[] bytes = json.writeValueAsBytes(reply);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The answer to one call; {@code null} means 204 No Content. */
    private JsonNode route(Request request) {
        String path = request.path();
        if (request.is("GET", "/users/@me")) {
            return botUser();
        }
        if (request.is("PUT", "/applications/\\d+(/guilds/\\d+)?/commands")) {
            ArrayNode registered = json.createArrayNode();
            request.body()
                    .forEach(command -> registered.add(((ObjectNode) command.deepCopy())
                            .put("id", snowflake())
                            .put("application_id", APP_ID)
                            .put("version", snowflake())));
            return registered;
        }
        if (request.is("POST", "/interactions/\\d+/[^/]+/callback")) {
            return null;
        }
        if (request.is("DELETE", "/webhooks/\\d+/[^/]+/messages/@original")) {
            return null;
        }
        if (request.is("PATCH", "/webhooks/\\d+/[^/]+/messages/@original")) {
            ObjectNode message = message(snowflake(), CHANNEL_ID, botUser(), request.body());
            messagesByToken.put(path.split("/")[3], message);
            return message;
        }
        if (request.is("POST", "/webhooks/\\d+/[^/]+")) {
            return message(snowflake(), CHANNEL_ID, botUser(), request.body());
        }
        if (request.is("POST", "/channels/\\d+/messages")) {
            return message(snowflake(), path.split("/")[2], botUser(), request.body());
        }
        return obj("message", "404: Not Found", "code", 0);
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("multipart/")) {
            Matcher payload = PAYLOAD_JSON.matcher(text);
            text = payload.find() ? payload.group(1) : "{}";
        }
        return json.readTree(text);
    }

    // ---- payloads -----------------------------------------------------------------------------------------------

    private ObjectNode botUser() {
        return obj(
                "id",
                APP_ID,
                "username",
                "PolicyBot",
                "discriminator",
                "0",
                "global_name",
                null,
                "avatar",
                null,
                "bot",
                true,
                "flags",
                0,
                "verified",
                true,
                "mfa_enabled",
                false);
    }

    private ObjectNode user(Member member) {
        return obj(
                "id",
                member.id(),
                "username",
                member.name(),
                "discriminator",
                "0",
                "global_name",
                member.name(),
                "avatar",
                null,
                "flags",
                0);
    }

    private ObjectNode memberJson(Member member, long permissions) {
        ArrayNode roles = json.createArrayNode();
        member.roleIds().forEach(roles::add);
        return obj(
                "user",
                user(member),
                "roles",
                roles,
                "joined_at",
                "2024-01-01T00:00:00.000000+00:00",
                "permissions",
                Long.toString(permissions),
                "flags",
                0,
                "deaf",
                false,
                "mute",
                false,
                "pending",
                false,
                "nick",
                null,
                "avatar",
                null);
    }

    private static long permissionsOf(Member member) {
        long permissions = EVERYONE;
        permissions |= member.roleIds().contains(MODERATOR_ROLE_ID) ? MANAGE_SERVER : 0;
        permissions |= member.roleIds().contains(STAFF_ROLE_ID) ? STAFF : 0;
        return permissions;
    }

    private ObjectNode message(String id, String channelId, JsonNode author, JsonNode sent) {
        ObjectNode message = obj(
                "id",
                id,
                "type",
                0,
                "channel_id",
                channelId,
                "author",
                author,
                "content",
                sent.path("content").asText(""),
                "timestamp",
                now(),
                "edited_timestamp",
                null,
                "tts",
                false,
                "mention_everyone",
                false,
                "mentions",
                json.createArrayNode(),
                "mention_roles",
                json.createArrayNode(),
                "attachments",
                json.createArrayNode(),
                "embeds",
                embedsAsDiscordSendsThem(sent.path("embeds")),
                "components",
                sent.has("components") ? sent.get("components") : json.createArrayNode(),
                "flags",
                sent.path("flags").asInt(0),
                "pinned",
                false);
        if (author.path("bot").asBoolean()) {
            message.put("webhook_id", APP_ID).put("application_id", APP_ID);
        }
        return message;
    }

    /** Discord adds the embed type ("rich") to the embeds a bot sends; JDA refuses embeds without it. */
    private ArrayNode embedsAsDiscordSendsThem(JsonNode sent) {
        ArrayNode embeds = json.createArrayNode();
        sent.forEach(embed -> {
            ObjectNode copy = (ObjectNode) embed.deepCopy();
            if (!copy.has("type")) {
                copy.put("type", "rich");
            }
            embeds.add(copy);
        });
        return embeds;
    }

    private ObjectNode channelJson(String id, String name, int position) {
        return obj(
                "id",
                id,
                "type",
                0,
                "guild_id",
                GUILD_ID,
                "name",
                name,
                "position",
                position,
                "permission_overwrites",
                json.createArrayNode(),
                "nsfw",
                false,
                "parent_id",
                null,
                "topic",
                null,
                "last_message_id",
                null,
                "rate_limit_per_user",
                0,
                "flags",
                0);
    }

    private ObjectNode role(String id, String name, long permissions, int position) {
        return obj(
                "id",
                id,
                "name",
                name,
                "permissions",
                Long.toString(permissions),
                "position",
                position,
                "color",
                0,
                "colors",
                obj("primary_color", 0, "secondary_color", null, "tertiary_color", null),
                "hoist",
                false,
                "managed",
                false,
                "mentionable",
                false,
                "flags",
                0,
                "icon",
                null,
                "unicode_emoji",
                null);
    }

    private ObjectNode ready() {
        return obj(
                "v",
                10,
                "user",
                botUser(),
                "application",
                obj("id", APP_ID, "flags", 0),
                "guilds",
                json.createArrayNode().add(obj("id", GUILD_ID, "unavailable", true)),
                "private_channels",
                json.createArrayNode(),
                "session_id",
                SESSION_ID,
                "resume_gateway_url",
                "ws://127.0.0.1:" + gateway.port + "/");
    }

    private ObjectNode guildCreate() {
        ArrayNode roles = json.createArrayNode()
                .add(role(GUILD_ID, "@everyone", EVERYONE, 0))
                .add(role(MODERATOR_ROLE_ID, "Moderators", MANAGE_SERVER, 2))
                .add(role(HELPER_ROLE_ID, "Policy helpers", 0, 1))
                .add(role(STAFF_ROLE_ID, "Staff", STAFF, 3));
        ArrayNode channels = json.createArrayNode()
                .add(channelJson(CHANNEL_ID, "general", 0))
                .add(channelJson(ALERT_CHANNEL_ID, "policy-alerts", 1));
        ArrayNode members = json.createArrayNode()
                .add(obj(
                        "user",
                        botUser(),
                        "roles",
                        json.createArrayNode(),
                        "joined_at",
                        "2024-01-01T00:00:00.000000+00:00",
                        "deaf",
                        false,
                        "mute",
                        false,
                        "flags",
                        0,
                        "pending",
                        false,
                        "nick",
                        null,
                        "avatar",
                        null));
        ObjectNode guild = obj(
                "id",
                GUILD_ID,
                "name",
                "PolicyBot Test Server",
                "owner_id",
                OWNER_ID,
                "member_count",
                3,
                "afk_timeout",
                300,
                "features",
                json.createArrayNode(),
                "roles",
                roles,
                "channels",
                channels,
                "members",
                members,
                "unavailable",
                false,
                "large",
                false,
                "joined_at",
                "2024-01-01T00:00:00.000000+00:00",
                "preferred_locale",
                "en-US",
                "verification_level",
                0,
                "default_message_notifications",
                0,
                "explicit_content_filter",
                0,
                "mfa_level",
                0,
                "nsfw_level",
                0,
                "premium_tier",
                0,
                "premium_subscription_count",
                0,
                "icon",
                null,
                "splash",
                null,
                "banner",
                null,
                "description",
                null,
                "system_channel_id",
                null,
                "rules_channel_id",
                null,
                "afk_channel_id",
                null,
                "max_members",
                500_000,
                "vanity_url_code",
                null);
        for (String empty : List.of(
                "threads",
                "guild_scheduled_events",
                "emojis",
                "stickers",
                "voice_states",
                "presences",
                "stage_instances")) {
            guild.set(empty, json.createArrayNode());
        }
        return guild;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A snowflake made from the current time: JDA skips replies to interactions whose id looks older than 15 minutes. */
    String snowflake() {
        long id =
                ((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (snowflakeCounter.incrementAndGet() & 0x3FFFFF);
        return Long.toString(id);
    }

    /** {@code obj("a", 1, "b", "x")}: a JSON object from key/value pairs (values: JSON nodes, strings, numbers, booleans, null). */
    private ObjectNode obj(Object... keysAndValues) {
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], json.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    // ---- gateway ------------------------------------------------------------------------------------------------

    /** The gateway: HELLO on open, READY and GUILD_CREATE after IDENTIFY, ACK for each heartbeat. */
    private final class Gateway extends WebSocketServer {
        final int port;
        final CountDownLatch started = new CountDownLatch(1);
        private final AtomicInteger sequence = new AtomicInteger();
        private volatile WebSocket connection;

        Gateway(ServerSocketChannel channel) {
            super(channel);
            this.port = channel.socket().getLocalPort();
            setReuseAddr(true);
            setDaemon(true);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            connection = socket;
            socket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            JsonNode frame;
            try {
                frame = json.readTree(message);
            } catch (IOException e) {
                throw new IllegalStateException("JDA sent a frame that is not JSON: " + message, e);
            }
            recordFrame(frame);
            switch (frame.path("op").asInt(-1)) {
                case 1 -> socket.send("{\"op\":11}");
                case 2 -> {
                    dispatch("READY", ready());
                    dispatch("GUILD_CREATE", guildCreate());
                }
                case 6 -> dispatch("RESUMED", json.createObjectNode()); // nothing was missed, so nothing to replay
                default -> {}
            }
        }

        void dispatch(String type, JsonNode data) {
            WebSocket socket = connection;
            if (socket == null || !socket.isOpen()) {
                throw new IllegalStateException("JDA is not connected to the fake gateway");
            }
            ObjectNode frame = obj("op", 0, "t", type, "s", sequence.incrementAndGet(), "d", data);
            socket.send(frame.toString());
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            if (socket == connection) {
                connection = null;
            }
        }

        @Override
        public void onError(WebSocket socket, Exception error) {
            // JDA's own logs say what went wrong; the tests fail on them
        }
    }
}
