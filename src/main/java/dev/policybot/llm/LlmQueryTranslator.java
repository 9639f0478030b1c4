package dev.policybot.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.policybot.domain.port.QueryTranslator;
import dev.policybot.text.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Translates a question into English with the configured chat model, so retrieval finds English clauses. */
public final class LlmQueryTranslator implements QueryTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(LlmQueryTranslator.class);
    /** A translation of a question is short; anything longer is the model doing something else. */
    private static final int MAX_CHARS = 400;

    private final ChatModel model;

    public LlmQueryTranslator(ChatModel model) {
        this.model = model;
    }

    @Override
    public String toEnglish(String question, String language) {
        try {
            String reply = model.chat(QueryTranslationPrompt.messages(question, Languages.name(language)))
                    .aiMessage()
                    .text();
            String line = reply == null
                    ? ""
                    : reply.strip().lines().findFirst().orElse("").strip();
            line = line.replaceAll("^[\"\u201c\u201e']+|[\"\u201c\u201d']+$", "");
            return line.isBlank() || line.length() > MAX_CHARS ? null : line;
        } catch (RuntimeException e) {
            LOG.warn(
                    "translating the question failed ({}); searching with the original words",
                    ModelFault.of(e).cause());
            LOG.debug("translation failure", e);
            return null;
        }
    }
}
