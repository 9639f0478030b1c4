package dev.policybot.search;

import dev.policybot.core.Clause;
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
     * The {@link dev.policybot.core.Embedder} port promises unit-length vectors, for which the dot product ranks exactly
     * as the cosine does, at a third of the arithmetic (the cosine also sums both norms); the vector graph computes it
     * millions of times per build.
     */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;
    /** Clauses shorter than this get their lead-in indexed in {@link IndexFields#CONTEXT}. */
    static final int SHORT_CLAUSE = 400;
    /** How far back over a run of short clauses (list items) the lead-in ending in ':' is looked for. */
    private static final int LEAD_IN_REACH = 12;

    private ClauseDocuments() {
    }

    /** The document of {@code clauses.get(i)}, with the clauses before it (in document order) giving its lead-in. */
    static Document toDocument(List<Clause> clauses, int i, float[] vector) {
        Document doc = toDocument(clauses.get(i), vector);
        String leadIn = leadIn(clauses, i);
        if (!leadIn.isEmpty()) {
            doc.add(new TextField(IndexFields.CONTEXT, leadIn, Field.Store.NO));
        }
        return doc;
    }

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
        doc.add(new TextField(IndexFields.TEXT, searchable, Field.Store.NO));
        doc.add(new TextField(IndexFields.TEXT_EXACT, searchable, Field.Store.NO));
        long from = clause.validFrom().toEpochDay();
        long to = clause.validTo() == null ? IndexFields.OPEN_END : clause.validTo().toEpochDay();
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
        return new Clause(doc.get(IndexFields.CLAUSE_ID), doc.get(IndexFields.PLATFORM_ID), doc.get(IndexFields.PLATFORM),
                doc.get(IndexFields.DOCUMENT_ID), doc.get(IndexFields.DOCUMENT), headings, doc.get(IndexFields.TEXT),
                LocalDate.ofEpochDay(doc.getField(IndexFields.VALID_FROM).numericValue().longValue()),
                to == IndexFields.OPEN_END ? null : LocalDate.ofEpochDay(to),
                doc.get(IndexFields.URL), doc.get(IndexFields.DEEP_LINK));
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

    /**
     * The text a short clause continues: walking back over the short clauses before it in the same document version
     * (the other items of its list), the nearest one ending in ':' ("We collect the following information:"), or else
     * the clause right before it. Empty for long clauses and first clauses.
     */
    static String leadIn(List<Clause> clauses, int i) {
        Clause clause = clauses.get(i);
        if (clause.text().length() >= SHORT_CLAUSE || i == 0 || !sameVersion(clause, clauses.get(i - 1))) {
            return "";
        }
        for (int j = i - 1; j >= Math.max(0, i - LEAD_IN_REACH) && sameVersion(clause, clauses.get(j)); j--) {
            String text = clauses.get(j).text().strip();
            if (text.endsWith(":")) {
                return text;
            }
            if (text.length() >= SHORT_CLAUSE) {
                break;
            }
        }
        return clauses.get(i - 1).text();
    }

    private static boolean sameVersion(Clause a, Clause b) {
        return a.platformId().equals(b.platformId()) && a.documentId().equals(b.documentId())
                && a.validFrom().equals(b.validFrom());
    }

    static String documentKey(Clause clause) {
        return String.join("\t", clause.platformId(), clause.documentId(), clause.platform(), clause.document());
    }
}
