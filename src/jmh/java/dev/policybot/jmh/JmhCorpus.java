package dev.policybot.jmh;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.VersionHistory;
import dev.policybot.domain.port.Embedder;
import dev.policybot.ingest.MarkdownClauseSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The corpus the microbenchmarks run on: {@code -Dpolicybot.archive=DIR} (default ../shared/corpus). */
final class JmhCorpus {
    static final String ARCHIVE_PROPERTY = "policybot.archive";

    private JmhCorpus() {}

    static Path archive() {
        Path dir = Path.of(System.getProperty(ARCHIVE_PROPERTY, "../shared/corpus"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "no archive at " + dir.toAbsolutePath() + "; pass -D" + ARCHIVE_PROPERTY + "=DIR");
        }
        return dir;
    }

    static List<PolicyVersion> versions() {
        return ArchiveImport.read(archive());
    }

    static List<Clause> clauses() {
        return VersionHistory.splitAll(versions(), new MarkdownClauseSplitter());
    }

    static final List<String> QUESTIONS = List.of(
            "can soundcloud train ai on my tracks?",
            "does zoom use my calls to train its models?",
            "who owns the music i upload to spotify?",
            "can i delete my account and all my data?",
            "do they share my personal information with advertisers?",
            "what happens to my content if i close my account?",
            "am i allowed to upload a remix of someone else's song?",
            "how long do you keep my voice recordings?");

    /**
     * Feature-hashed bag of words, unit length: a stand-in for the model so that the search benchmark measures Lucene
     * and fusion without the minutes the model needs to embed a corpus. Its vectors cluster by shared words, as real
     * ones cluster by meaning, so the graph search does comparable work.
     */
    static final class HashedWords implements Embedder {
        private static final int DIMENSION = 384;

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> out = new ArrayList<>(texts.size());
            for (String text : texts) {
                out.add(embed(text));
            }
            return out;
        }

        private static float[] embed(String text) {
            float[] v = new float[DIMENSION];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() > 2) {
                    int h = word.hashCode();
                    v[Math.floorMod(h, DIMENSION)] += 1;
                    v[Math.floorMod(h * 31 + 17, DIMENSION)] += 0.5f;
                }
            }
            double norm = 1e-9;
            for (float f : v) {
                norm += f * f;
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-6) {
                v[0] = 1;
                return v;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
            return v;
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }

        @Override
        public String modelId() {
            return "hashed-words";
        }
    }
}
