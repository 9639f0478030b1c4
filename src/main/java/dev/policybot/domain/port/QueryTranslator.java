package dev.policybot.domain.port;

/**
 * Port: translates a question into English for retrieval (the indexed documents are mostly English and the
 * in-process embedding model is English-only). Implemented with the configured LLM; {@link #NONE} without one.
 */
@FunctionalInterface
public interface QueryTranslator {
    QueryTranslator NONE = (question, language) -> null;

    /**
     * @param question the question as typed
     * @param language its detected language code ({@code de}, …), never {@code en}
     * @return the English translation, or {@code null} when it cannot be translated
     */
    String toEnglish(String question, String language);
}
