package dev.policybot.embedding;

import dev.policybot.domain.Slugs;
import dev.policybot.domain.port.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Embedder} that remembers vectors by model and content hash, so an unchanged text is never embedded twice,
 * within a run or (with {@link #save()}) across runs. The file holds one record per text: a 32-byte SHA-256 of the text,
 * then the vector; it is named after the model, so switching models never mixes vectors.
 */
public final class CachingEmbedder implements Embedder {
    private static final Logger LOG = LoggerFactory.getLogger(CachingEmbedder.class);
    private static final int MAGIC = 0x50424543;

    private final Embedder delegate;
    private final Path file;
    private final Map<Key, float[]> vectors = new HashMap<>();
    private int embedded;
    private int reused;

    /**
     * @param delegate the model
     * @param dir      folder of the cache files, or {@code null} for a cache that lives only in memory
     */
    public CachingEmbedder(Embedder delegate, Path dir) {
        this.delegate = delegate;
        this.file = dir == null ? null : dir.resolve("embeddings-" + Slugs.of(delegate.modelId()) + ".bin");
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        Map<Key, String> missing = new LinkedHashMap<>();
        List<Key> keys = new ArrayList<>(texts.size());
        for (String text : texts) {
            Key key = Key.of(text);
            keys.add(key);
            if (!vectors.containsKey(key)) {
                missing.put(key, text);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = delegate.embedAll(new ArrayList<>(missing.values()));
            int i = 0;
            for (Key key : missing.keySet()) {
                vectors.put(key, fresh.get(i++));
            }
        }
        embedded += missing.size();
        reused += texts.size() - missing.size();
        List<float[]> out = new ArrayList<>(texts.size());
        for (Key key : keys) {
            out.add(vectors.get(key));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return delegate.embedQuery(query);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    /** Texts sent to the model since this cache was made. */
    public synchronized int embeddedCount() {
        return embedded;
    }

    /** Texts answered from the cache since this cache was made (repeats within a call included). */
    public synchronized int reusedCount() {
        return reused;
    }

    /** Keeps only the vectors of these texts (so the file does not grow with every edit), then saves. */
    public synchronized void retainAndSave(List<String> texts) {
        var keep = new HashSet<Key>();
        texts.forEach(t -> keep.add(Key.of(t)));
        vectors.keySet().retainAll(keep);
        save();
    }

    /**
     * Writes the cache beside the old file under a temp name of its own, fsyncs it, then moves it over the old one
     * and fsyncs the folder, so a crash or a power loss leaves a whole file and another writer's file is never taken.
     */
    public synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                write(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                syncDirectory(file.getParent());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file, e);
        }
    }

    private void write(Path tmp) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                DataOutputStream out =
                        new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(dimension());
            for (Map.Entry<Key, float[]> entry : vectors.entrySet()) {
                out.write(entry.getKey().hash);
                for (float f : entry.getValue()) {
                    out.writeFloat(f);
                }
            }
            out.flush();
            channel.force(true);
        }
    }

    /** Makes a rename in {@code dir} durable (a no-op where folders cannot be opened, as on Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync the folder {}: {}", dir, e.toString());
        }
    }

    private void load() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int dim = in.readInt() == MAGIC ? in.readInt() : -1;
            if (dim != dimension()) {
                LOG.warn("Ignoring the embedding cache {}: unknown format or dimension", file);
                return;
            }
            while (true) {
                byte[] hash = new byte[32];
                try {
                    in.readFully(hash);
                } catch (EOFException end) {
                    break;
                }
                float[] vector = new float[dim];
                for (int i = 0; i < dim; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.put(new Key(hash), vector);
            }
            LOG.debug("Loaded {} cached embeddings from {}", vectors.size(), file);
        } catch (IOException e) {
            LOG.warn("Ignoring the unreadable embedding cache {}: {}", file, e.toString());
            vectors.clear();
        }
    }

    private record Key(byte[] hash) {
        static Key of(String text) {
            try {
                return new Key(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(hash, k.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "Key";
        }
    }
}
