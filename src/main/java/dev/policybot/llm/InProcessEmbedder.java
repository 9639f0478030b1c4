package dev.policybot.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.policybot.core.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process embedding model (all-MiniLM-L6-v2, quantized, 384 dimensions) behind {@link Embedder}.
 * Texts are embedded in batches on a small named pool (one thread per core), and texts with no visible character
 * never reach the model: LangChain4j fails a whole batch on one blank text, so they get a zero vector instead.
 */
public final class InProcessEmbedder implements Embedder, AutoCloseable {
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    private static final int DIMENSION = 384;
    private static final int BATCH = 64;

    private final ExecutorService pool;
    private final EmbeddingModel model;

    public InProcessEmbedder() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public InProcessEmbedder(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, named());
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += BATCH) {
            vectors.addAll(embedBatch(texts.subList(start, Math.min(texts.size(), start + BATCH))));
        }
        return vectors;
    }

    private List<float[]> embedBatch(List<String> batch) {
        List<TextSegment> visible = new ArrayList<>();
        for (String text : batch) {
            if (hasVisibleText(text)) {
                visible.add(TextSegment.from(text));
            }
        }
        List<Embedding> embedded = visible.isEmpty() ? List.of() : model.embedAll(visible).content();
        List<float[]> vectors = new ArrayList<>(batch.size());
        int next = 0;
        for (String text : batch) {
            vectors.add(hasVisibleText(text) ? embedded.get(next++).vector() : new float[DIMENSION]);
        }
        return vectors;
    }

    /** True when the text has a character that is neither whitespace nor a no-break or zero-width space. */
    static boolean hasVisibleText(String text) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && c != '\u200B' && c != '\uFEFF' && !Character.isISOControl(c));
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "embedder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
