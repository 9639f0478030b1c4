package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.archive.ArchiveImport;
import dev.policybot.domain.VersionHistory;
import dev.policybot.ingest.MarkdownClauseSplitter;
import dev.policybot.llm.InProcessEmbedder;
import dev.policybot.search.LuceneClauseIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A changed {@code embedding.model} re-embeds the archive offline before the first search, then never again. */
class EmbeddingModelSwitchTest {
    private static final Path ARCHIVE = Path.of("src/test/resources/fixtures/retrieval/archive");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = PolicyBot.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        all[0] = "--index";
        all[1] = dir.resolve("index").toString();
        all[2] = "--config";
        all[3] = dir.resolve("config").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    @Test
    void an_index_of_minilm_vectors_is_re_embedded_with_bge_small_once_it_is_configured() throws IOException {
        copy(ARCHIVE, dir.resolve("index/archive"));
        try (InProcessEmbedder minilm = new InProcessEmbedder();
                LuceneClauseIndex lucene = new LuceneClauseIndex(dir.resolve("index/lucene"), minilm)) {
            lucene.rebuild(VersionHistory.splitAll(ArchiveImport.read(ARCHIVE), new MarkdownClauseSplitter()));
        }
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/policybot.yaml"), "embedding:\n  model: bge-small-en-v15-q\n");

        assertThat(run("search", "can tunecloud train ai on my tracks", "--limit", "1"))
                .isZero();

        assertThat(err.toString())
                .contains("The index holds vectors of all-minilm-l6-v2-q but embedding.model is bge-small-en-v15-q");
        assertThat(out.toString()).contains("We will not use your content to train generative AI models");
        assertThat(dir.resolve("index/lucene/embeddings-bge-small-en-v15-q.bin"))
                .exists();

        assertThat(run("search", "can tunecloud train ai on my tracks", "--limit", "1"))
                .isZero();
        assertThat(err.toString()).doesNotContain("re-embedding");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
