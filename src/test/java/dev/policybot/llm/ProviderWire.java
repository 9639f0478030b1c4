package dev.policybot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policybot.config.LlmConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * Each provider's wire format, as a loopback server plays it: where the real LangChain4j client posts, and what a
 * reply with a given text looks like. Public for the tests of other packages that configure a model (eval).
 */
public enum ProviderWire {
    OPENAI("openai", "/v1", "/v1/chat/completions") {
        @Override
        JsonNode reply(String text) {
            ObjectNode body = object().put("id", "chatcmpl-1")
                    .put("object", "chat.completion")
                    .put("created", 1_700_000_000)
                    .put("model", "test-model");
            ObjectNode choice =
                    body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", text);
            body.putObject("usage")
                    .put("prompt_tokens", 10)
                    .put("completion_tokens", 5)
                    .put("total_tokens", 15);
            return body;
        }
    },
    OLLAMA("ollama", "", "/api/chat") {
        @Override
        JsonNode reply(String text) {
            ObjectNode body = object().put("model", "test-model")
                    .put("created_at", "2026-01-01T00:00:00Z")
                    .put("done", true)
                    .put("done_reason", "stop")
                    .put("prompt_eval_count", 10)
                    .put("eval_count", 5);
            body.putObject("message").put("role", "assistant").put("content", text);
            return body;
        }
    },
    ANTHROPIC("anthropic", "/v1/", "/v1/messages") {
        @Override
        JsonNode reply(String text) {
            ObjectNode body = object().put("id", "msg_1")
                    .put("type", "message")
                    .put("role", "assistant")
                    .put("model", "test-model")
                    .put("stop_reason", "end_turn");
            body.putArray("content").addObject().put("type", "text").put("text", text);
            body.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
            return body;
        }
    },
    GEMINI("gemini", "/v1beta", "/v1beta/models/test-model:generateContent") {
        @Override
        JsonNode reply(String text) {
            ObjectNode body = object();
            ObjectNode candidate = body.putArray("candidates")
                    .addObject()
                    .put("finishReason", "STOP")
                    .put("index", 0);
            ObjectNode content = candidate.putObject("content").put("role", "model");
            content.putArray("parts").addObject().put("text", text);
            body.putObject("usageMetadata")
                    .put("promptTokenCount", 10)
                    .put("candidatesTokenCount", 5)
                    .put("totalTokenCount", 15);
            return body;
        }
    };

    static final ObjectMapper JSON = new ObjectMapper();
    final String provider;
    final String basePath;
    final String requestPath;

    ProviderWire(String provider, String basePath, String requestPath) {
        this.provider = provider;
        this.basePath = basePath;
        this.requestPath = requestPath;
    }

    abstract JsonNode reply(String text);

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public MockResponse answering(String text) {
        return json(200, reply(text).toString());
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    LlmConfig config(MockWebServer server, Duration timeout) {
        return new LlmConfig(
                provider, "http://127.0.0.1:" + server.getPort() + basePath, "test-model", timeout, 300, 2);
    }

    /** As above, with a deadline for a whole call (retries included). */
    LlmConfig config(MockWebServer server, Duration timeout, Duration deadline) {
        return new LlmConfig(
                provider, "http://127.0.0.1:" + server.getPort() + basePath, "test-model", timeout, 300, 2, deadline);
    }

    /** Every string in a request body, concatenated: the messages as the model would read them. */
    public static String textOf(String requestBody) {
        try {
            List<String> strings = new ArrayList<>();
            collect(JSON.readTree(requestBody), strings);
            return String.join("\n", strings);
        } catch (IOException e) {
            throw new AssertionError("request body is not JSON: " + requestBody, e);
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }
}
