package dev.policybot.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.policybot.config.EmbeddingConfig;
import dev.policybot.domain.port.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process embedding model behind {@link Embedder}: all-MiniLM-L6-v2 (the default) or bge-small-en-v1.5, both
 * quantized, 384 dimensions, loaded from the model files in their Maven jars (nothing is downloaded).
 * Texts are embedded in batches; ONNX Runtime spreads each text over all cores (on 2 cores one feeding thread measured
 * 25% faster than two, which contend for the same cores). Texts with no visible character (blank, whitespace,
 * U+00A0) never reach the model: LangChain4j fails a whole batch on one such text, so they get a zero vector instead.
 */
public final class InProcessEmbedder implements Embedder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEmbedder.class);
    public static final String MODEL_ID = Model.MINILM.id;
    private static final int DIMENSION = 384;
    private static final int BATCH = 64;

    /** The models that run in process; each id names the cache of its vectors. */
    public enum Model {
        MINILM(EmbeddingConfig.MINILM, ""),
        /** BGE reads a query with the instruction it was trained with, passages without. */
        BGE_SMALL(EmbeddingConfig.BGE_SMALL, "Represent this sentence for searching relevant passages: ");

        final String id;
        final String queryInstruction;

        Model(String id, String queryInstruction) {
            this.id = id;
            this.queryInstruction = queryInstruction;
        }

        /** The model of this id ({@link EmbeddingConfig#MODELS}). */
        public static Model of(String id) {
            for (Model model : values()) {
                if (model.id.equals(id.toLowerCase(Locale.ROOT))) {
                    return model;
                }
            }
            throw new IllegalArgumentException("unknown embedding model " + id);
        }

        EmbeddingModel load(Executor pool) {
            return switch (this) {
                case MINILM -> new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
                case BGE_SMALL -> new BgeSmallEnV15QuantizedEmbeddingModel(pool);
            };
        }
    }

    private final Model choice;
    private final ExecutorService pool;
    /** Loaded on first use (seconds): a command that only reads the index, or finds it unchanged, never waits for it. */
    private volatile EmbeddingModel model;

    public InProcessEmbedder() {
        this(Model.MINILM);
    }

    public InProcessEmbedder(Model choice) {
        this(choice, 1);
    }

    public InProcessEmbedder(int threads) {
        this(Model.MINILM, threads);
    }

    public InProcessEmbedder(Model choice, int threads) {
        this.choice = choice;
        this.pool = Executors.newFixedThreadPool(threads, named());
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = choice.load(pool);
                }
                loaded = model;
            }
        }
        return loaded;
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
        List<float[]> embedded = visible.isEmpty() ? List.of() : embedVisible(visible);
        List<float[]> vectors = new ArrayList<>(batch.size());
        int next = 0;
        for (String text : batch) {
            vectors.add(hasVisibleText(text) ? embedded.get(next++) : new float[DIMENSION]);
        }
        return vectors;
    }

    /**
     * Embeds the batch; should the tokenizer still find nothing in one of the texts (a character this class did not
     * foresee), the batch is embedded one text at a time and such a text gets a zero vector, as a blank one does.
     */
    private List<float[]> embedVisible(List<TextSegment> visible) {
        try {
            return model().embedAll(visible).content().stream()
                    .map(Embedding::vector)
                    .toList();
        } catch (RuntimeException batchFailure) {
            List<float[]> vectors = new ArrayList<>(visible.size());
            for (TextSegment segment : visible) {
                vectors.add(embedOne(segment, batchFailure));
            }
            return vectors;
        }
    }

    private float[] embedOne(TextSegment segment, RuntimeException batchFailure) {
        try {
            return model().embed(segment).content().vector();
        } catch (RuntimeException e) {
            if (!tokenizesToNothing(e)) {
                e.addSuppressed(batchFailure);
                throw e;
            }
            LOG.debug(
                    "A text of {} characters has no token the model reads; it gets a zero vector",
                    segment.text().length());
            return new float[DIMENSION];
        }
    }

    private static boolean tokenizesToNothing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException
                    && String.valueOf(t.getMessage()).contains("whitespace-only")) {
                return true;
            }
        }
        return false;
    }

    /** True when the text has a character that is neither whitespace nor a no-break or zero-width space. */
    public static boolean hasVisibleText(String text) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(InProcessEmbedder::visible);
    }

    /** Not a space, control, format character (joiners, soft hyphen, bidi marks) or lone combining mark. */
    private static boolean visible(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c)
                && !Character.isSpaceChar(c)
                && !Character.isISOControl(c)
                && type != Character.FORMAT
                && type != Character.NON_SPACING_MARK
                && type != Character.ENCLOSING_MARK
                && type != Character.UNASSIGNED;
    }

    /** A query with the model's query instruction, if it has one (BGE), before it. */
    @Override
    public float[] embedQuery(String query) {
        if (choice.queryInstruction.isEmpty() || !hasVisibleText(query)) {
            return embedAll(List.of(query)).get(0);
        }
        return embedAll(List.of(choice.queryInstruction + query)).get(0);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return choice.id;
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
