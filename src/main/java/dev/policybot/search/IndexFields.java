package dev.policybot.search;

/** Every Lucene field name of the clause index, in one place. */
final class IndexFields {
    /** Unique key of a clause version ({@code Clause.versionKey()}), the upsert key. */
    static final String KEY = "key";

    static final String CLAUSE_ID = "clauseId";
    static final String PLATFORM_ID = "platformId";
    static final String PLATFORM = "platform";
    static final String DOCUMENT_ID = "documentId";
    static final String DOCUMENT = "document";
    /** One stored value per heading, outermost first. */
    static final String HEADING = "heading";
    /** The clause text as stored (verbatim) and its English-analysed BM25 terms (with headings). */
    static final String TEXT = "text";
    /** Version dates as epoch days; {@link #VALID_TO} is {@link Long#MAX_VALUE} for current versions. */
    static final String VALID_FROM = "validFrom";

    static final String VALID_TO = "validTo";
    static final String URL = "url";
    static final String DEEP_LINK = "deepLink";
    static final String VECTOR = "vector";
    /** "platformId\tdocumentId\tplatform\tdocument" as doc values, to list what is indexed without a scan. */
    static final String DOCUMENT_KEY = "documentKey";
    /**
     * The length of the stored clause text as doc values, so that the length prior is computed without reading stored
     * fields (the dearest step of a search). Absent in indexes built before it existed.
     */
    static final String TEXT_LENGTH = "textLength";

    static final long OPEN_END = Long.MAX_VALUE;

    private IndexFields() {}
}
