package dev.policybot.search;

import dev.policybot.domain.Clause;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** The one mapper between a clause version and its Lucene document. */
final class ClauseDocuments {
    /**
     * The {@link dev.policybot.domain.port.Embedder} port promises unit-length vectors, for which the dot product ranks exactly
     * as the cosine does, at a third of the arithmetic (the cosine also sums both norms); the vector graph computes it
     * millions of times per build.
     */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private ClauseDocuments() {}

    static Document toDocument(Clause clause, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KEY, clause.versionKey(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.CLAUSE_ID, clause.id()));
        doc.add(new StringField(IndexFields.PLATFORM_ID, clause.platformId(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.PLATFORM, clause.platform()));
        doc.add(new StringField(IndexFields.DOCUMENT_ID, clause.documentId(), Field.Store.YES));
        doc.add(new StoredField(IndexFields.DOCUMENT, clause.document()));
        for (String heading : clause.headingPath()) {
            doc.add(new StoredField(IndexFields.HEADING, heading));
        }
        String searchable = searchableText(clause);
        doc.add(new StoredField(IndexFields.TEXT, clause.text()));
        doc.add(new NumericDocValuesField(IndexFields.TEXT_LENGTH, clause.text().length()));
        doc.add(new TextField(IndexFields.TEXT, searchable, Field.Store.NO));
        long from = clause.validFrom().toEpochDay();
        long to = clause.validTo() == null
                ? IndexFields.OPEN_END
                : clause.validTo().toEpochDay();
        doc.add(new LongPoint(IndexFields.VALID_FROM, from));
        doc.add(new StoredField(IndexFields.VALID_FROM, from));
        doc.add(new NumericDocValuesField(IndexFields.VALID_FROM, from));
        doc.add(new LongPoint(IndexFields.VALID_TO, to));
        doc.add(new StoredField(IndexFields.VALID_TO, to));
        if (clause.url() != null) {
            doc.add(new StoredField(IndexFields.URL, clause.url()));
        }
        if (clause.deepLink() != null) {
            doc.add(new StoredField(IndexFields.DEEP_LINK, clause.deepLink()));
        }
        doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, SIMILARITY));
        doc.add(new SortedSetDocValuesField(IndexFields.DOCUMENT_KEY, new BytesRef(documentKey(clause))));
        return doc;
    }

    static Clause toClause(Document doc) {
        List<String> headings = new ArrayList<>();
        for (IndexableField field : doc.getFields(IndexFields.HEADING)) {
            headings.add(field.stringValue());
        }
        long to = doc.getField(IndexFields.VALID_TO).numericValue().longValue();
        return new Clause(
                doc.get(IndexFields.CLAUSE_ID),
                doc.get(IndexFields.PLATFORM_ID),
                doc.get(IndexFields.PLATFORM),
                doc.get(IndexFields.DOCUMENT_ID),
                doc.get(IndexFields.DOCUMENT),
                headings,
                doc.get(IndexFields.TEXT),
                LocalDate.ofEpochDay(
                        doc.getField(IndexFields.VALID_FROM).numericValue().longValue()),
                to == IndexFields.OPEN_END ? null : LocalDate.ofEpochDay(to),
                doc.get(IndexFields.URL),
                doc.get(IndexFields.DEEP_LINK));
    }

    /**
     * What BM25 and the embedding model see: the headings above the clause, then its text. Headings carry the topic
     * that a list item or a short clause leaves implicit ("Cookies" above "We use them to...").
     */
    static String searchableText(Clause clause) {
        if (clause.headingPath().isEmpty()) {
            return clause.text();
        }
        return String.join(" › ", clause.headingPath()) + "\n" + clause.text();
    }

    static String documentKey(Clause clause) {
        return String.join("\t", clause.platformId(), clause.documentId(), clause.platform(), clause.document());
    }
}
