package dev.policybot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationWriterTest {
    @TempDir
    Path dir;

    private final WordHashEmbedder embedder = new WordHashEmbedder();

    private static List<Clause> clauses(int n) {
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clauses.add(LuceneClauseIndexTest.clause(
                    "p" + i % 7,
                    "terms",
                    "c" + i,
                    "Clause number " + i + " about topic" + i % 13 + " and data " + i % 5,
                    LocalDate.EPOCH,
                    null));
        }
        return clauses;
    }

    @Test
    void a_large_build_holds_every_clause_in_one_segment_with_a_searchable_vector_graph() throws Exception {
        List<Clause> clauses = clauses(600);
        List<String> texts =
                clauses.stream().map(LuceneClauseIndex::embeddingText).toList();

        GenerationWriter.write(dir, clauses, embedder.embedAll(texts), 100);

        try (FSDirectory directory = FSDirectory.open(dir);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSize(1);
            assertThat(reader.numDocs()).isEqualTo(600);
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs key = searcher.search(
                    new TermQuery(new Term(IndexFields.KEY, clauses.get(421).versionKey())), 1);
            // a beam of 50, as retrieval asks for: with a beam of one the graph search is greedy and may stop short
            TopDocs nearest = searcher.search(
                    new KnnFloatVectorQuery(IndexFields.VECTOR, embedder.embedQuery(texts.get(421)), 50), 1);
            assertThat(nearest.scoreDocs[0].doc).isEqualTo(key.scoreDocs[0].doc);
        }
    }

    @Test
    void a_small_build_and_a_large_one_index_the_same_documents() throws Exception {
        List<Clause> clauses = clauses(300);
        List<float[]> vectors = embedder.embedAll(
                clauses.stream().map(LuceneClauseIndex::embeddingText).toList());

        GenerationWriter.write(dir.resolve("small"), clauses, vectors, Integer.MAX_VALUE);
        GenerationWriter.write(dir.resolve("large"), clauses, vectors, 1);

        assertThat(keys(dir.resolve("large"))).isEqualTo(keys(dir.resolve("small")));
    }

    private static Set<String> keys(Path index) throws Exception {
        Set<String> keys = new TreeSet<>();
        try (FSDirectory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                keys.add(reader.storedFields().document(doc).get(IndexFields.KEY));
            }
        }
        return keys;
    }
}
