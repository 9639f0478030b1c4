package dev.policybot.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Why a model gave no usable answer, as one short phrase for the person ("timed out") and for the log.
 * The person's note never contains the exception text, which may echo a provider's response.
 */
record ModelFault(String cause) {
    static final ModelFault EMPTY_REPLY = new ModelFault("sent an empty reply");
    static final ModelFault REFUSED = new ModelFault("declined to answer");

    /** The one-line note shown with the extractive answer that replaces the model's. */
    String note() {
        return "The language model " + cause + ", so this answer quotes the documents directly.";
    }

    static ModelFault of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ModelFault fault = classify(t);
            if (fault != null) {
                return fault;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InternalServerException) {
                return new ModelFault("server failed");
            }
        }
        return new ModelFault("failed (" + failure.getClass().getSimpleName() + ")");
    }

    private static ModelFault classify(Throwable t) {
        if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return new ModelFault("timed out");
        }
        if (t instanceof RateLimitException) {
            return new ModelFault("was rate-limited (HTTP 429)");
        }
        if (t instanceof AuthenticationException) {
            return new ModelFault("rejected the API key");
        }
        if (t instanceof ModelNotFoundException) {
            return new ModelFault("was not found (check the model name)");
        }
        if (t instanceof ContentFilteredException) {
            return REFUSED;
        }
        if (t instanceof HttpException http) {
            return new ModelFault(
                    http.statusCode() >= 500
                            ? "server failed (HTTP " + http.statusCode() + ")"
                            : "rejected the request (HTTP " + http.statusCode() + ")");
        }
        if (t instanceof ConnectException) {
            return new ModelFault("could not be reached");
        }
        // LangChain4j parses replies with Jackson; this package does not depend on Jackson, so match by name
        if (t.getClass().getName().startsWith("com.fasterxml.jackson.")) {
            return new ModelFault("sent a reply that could not be read");
        }
        if (t instanceof IOException) {
            return new ModelFault("dropped the connection");
        }
        return null;
    }
}
