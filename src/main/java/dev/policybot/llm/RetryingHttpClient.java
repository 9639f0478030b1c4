package dev.policybot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.policybot.config.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport under LangChain4j's chat models: sends their requests with the JDK client and retries HTTP 429
 * and 5xx per a {@link RetryPolicy}, honouring {@code Retry-After} (LangChain4j's own transport drops the response
 * headers on errors, so it cannot). A connection dropped after the request was sent is retried the same way. One
 * deadline covers a whole call: each attempt's timeout is cut to what is left of it, and a retry whose wait would
 * outlast it is not made, so the caller falls back in time. The models' own retries are switched off so the two
 * never multiply.
 */
final class RetryingHttpClient implements HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttpClient.class);
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** Headers the providers send their API key in. */
    private static final List<String> CREDENTIAL_HEADERS =
            List.of("Authorization", "x-api-key", "x-goog-api-key", "api-key");

    /** Waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryingHttpClient(
            Duration connectTimeout,
            Duration readTimeout,
            Duration deadline,
            RetryPolicy policy,
            Sleeper sleeper,
            Clock clock) {
        this.client = java.net.http.HttpClient.newBuilder()
                .version(Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
        this.deadline = deadline;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest jdkRequest = toJdk(request);
        long end = System.nanoTime() + deadline.toNanos();
        for (int retry = 1; ; retry++) {
            HttpResponse<String> response;
            try {
                response = send(withinDeadline(jdkRequest, end));
            } catch (DroppedConnection dropped) {
                Optional<Duration> wait =
                        policy.waitAfterDroppedConnection(retry).filter(w -> fits(w, end));
                if (wait.isEmpty()) {
                    throw new RuntimeException(dropped.getCause());
                }
                LOG.info(
                        "the connection to the model server dropped; retry {} of {} in {} ms",
                        retry,
                        policy.maxRetries(),
                        wait.get().toMillis());
                pause(wait.get());
                continue;
            }
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                return SuccessfulHttpResponse.builder()
                        .statusCode(response.statusCode())
                        .headers(response.headers().map())
                        .body(response.body())
                        .build();
            }
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            Optional<Duration> wait = policy.waitBefore(
                            retry, response.statusCode(), retryAfter, ZonedDateTime.now(clock))
                    .filter(w -> fits(w, end));
            if (wait.isEmpty()) {
                throw new HttpException(response.statusCode(), withoutCredentials(response.body(), jdkRequest));
            }
            LOG.info(
                    "model server answered HTTP {}; retry {} of {} in {} ms",
                    response.statusCode(),
                    retry,
                    policy.maxRetries(),
                    wait.get().toMillis());
            pause(wait.get());
        }
    }

    /**
     * The error body with the request's credentials masked: some servers quote the key they refused, and this body
     * becomes the exception's message, which may be logged.
     */
    static String withoutCredentials(String body, java.net.http.HttpRequest request) {
        if (body == null) {
            return null;
        }
        String out = body;
        for (String name : CREDENTIAL_HEADERS) {
            for (String value : request.headers().allValues(name)) {
                String secret = value.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? value.substring(7).strip()
                        : value.strip();
                if (secret.length() >= 8) {
                    out = out.replace(secret, "[redacted]");
                }
            }
        }
        return Secrets.redact(out);
    }

    /** The request with its timeout cut to what is left before the deadline; none left is a timeout now. */
    private java.net.http.HttpRequest withinDeadline(java.net.http.HttpRequest request, long end) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException(
                    new HttpTimeoutException("no reply within the " + deadline.toMillis() + " ms deadline"));
        }
        Duration timeout = Duration.ofNanos(Math.min(left, readTimeout.toNanos()));
        return java.net.http.HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(timeout)
                .build();
    }

    /** Whether waiting this long still leaves time for another attempt before the deadline. */
    private static boolean fits(Duration wait, long end) {
        return System.nanoTime() + wait.toNanos() < end;
    }

    /**
     * Sends one attempt. The request's own timeout ends at the response headers; the wait here also bounds the
     * body, so a server that trickles its reply is cut off at the deadline too.
     */
    private HttpResponse<String> send(java.net.http.HttpRequest request) {
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        long wait = request.timeout().orElse(readTimeout).toNanos();
        try {
            return future.get(wait, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException(
                    new HttpTimeoutException("no complete reply within " + wait / 1_000_000 + " ms"));
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    private static RuntimeException failure(Throwable cause) {
        if (cause instanceof HttpTimeoutException timeout) {
            return new TimeoutException(timeout);
        }
        if (cause instanceof ConnectException || !(cause instanceof IOException io)) {
            return new RuntimeException(cause);
        }
        return new DroppedConnection(io);
    }

    /** The connection broke after the request went out (reset, closed before a reply): worth another try. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection(IOException cause) {
            super(cause);
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            throw new UnsupportedOperationException("form uploads are not used by PolicyBot");
        }
        java.net.http.HttpRequest.Builder builder =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        java.net.http.HttpRequest.BodyPublisher body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        return builder.method(request.method().name(), body).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("PolicyBot does not stream model replies"));
    }

    /** Plugs this transport into a LangChain4j model builder; the model sets the timeouts it was given. */
    static final class Builder implements HttpClientBuilder {
        private static final Duration MAX_CONNECT = Duration.ofSeconds(10);
        private final RetryPolicy policy;
        private final Duration deadline;
        private final Sleeper sleeper;
        private final Clock clock;
        private Duration connectTimeout;
        private Duration readTimeout;

        /** @param deadline the longest one call may take, retries included */
        Builder(RetryPolicy policy, Duration deadline, Sleeper sleeper, Clock clock) {
            this.policy = policy;
            this.deadline = deadline;
            this.sleeper = sleeper;
            this.clock = clock;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            Duration read = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
            // connecting is quick or never happens: no need to wait as long as for a reply
            Duration connect =
                    connectTimeout == null || connectTimeout.compareTo(MAX_CONNECT) > 0 ? MAX_CONNECT : connectTimeout;
            return new RetryingHttpClient(connect, read, deadline, policy, sleeper, clock);
        }
    }
}
