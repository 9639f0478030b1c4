package dev.policybot.config;

import java.util.List;
import java.util.Locale;

/**
 * The in-process embedding model that turns clauses and questions into vectors. Both run from the model files inside
 * the application's jar (never downloaded); a change of model re-embeds every clause on the next index build (vectors
 * are cached by model).
 *
 * @param model {@value #MINILM} (all-MiniLM-L6-v2, quantized; the default) or {@value #BGE_SMALL} (bge-small-en-v1.5,
 *              quantized: about twice the embedding time; see docs/EVALUATION.md for what each scores)
 */
public record EmbeddingConfig(String model) {
    public static final String MINILM = "all-minilm-l6-v2-q";
    public static final String BGE_SMALL = "bge-small-en-v15-q";
    public static final List<String> MODELS = List.of(MINILM, BGE_SMALL);
    public static final EmbeddingConfig DEFAULT = new EmbeddingConfig(null);

    public EmbeddingConfig {
        model = model == null || model.isBlank() ? MINILM : model.strip().toLowerCase(Locale.ROOT);
        if (!MODELS.contains(model)) {
            throw new IllegalArgumentException(
                    "unknown model '" + model + "' (known: " + String.join(", ", MODELS) + ")");
        }
    }
}
