package dev.policybot.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport under LangChain4j's chat models: sends their requests with the JDK client and retries HTTP 429
 * and 5xx per a {@link RetryPolicy}, honouring {@code Retry-After} (LangChain4j's own transport drops the response
 * headers on errors, so it cannot). The models' own retries are switched off so the two never multiply.
 */
final class RetryingHttpClient implements HttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttpClient.class);
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** Waits between attempts; tests record the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryingHttpClient(Duration connectTimeout, Duration readTimeout, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.client = java.net.http.HttpClient.newBuilder().version(Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest jdkRequest = toJdk(request);
        for (int retry = 1; ; retry++) {
            HttpResponse<String> response = send(jdkRequest);
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(response.headers().map()).body(response.body()).build();
            }
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            Optional<Duration> wait = policy.waitBefore(retry, response.statusCode(), retryAfter,
                    ZonedDateTime.now(clock));
            if (wait.isEmpty()) {
                throw new HttpException(response.statusCode(), response.body());
            }
            LOG.info("model server answered HTTP {}; retry {} of {} in {} ms", response.statusCode(), retry,
                    policy.maxRetries(), wait.get().toMillis());
            pause(wait.get());
        }
    }

    private HttpResponse<String> send(java.net.http.HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
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
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout);
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
        private final Sleeper sleeper;
        private final Clock clock;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(RetryPolicy policy, Sleeper sleeper, Clock clock) {
            this.policy = policy;
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
            Duration connect = connectTimeout == null || connectTimeout.compareTo(MAX_CONNECT) > 0
                    ? MAX_CONNECT : connectTimeout;
            return new RetryingHttpClient(connect, read, policy, sleeper, clock);
        }
    }
}
