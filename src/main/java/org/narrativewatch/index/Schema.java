package org.narrativewatch.index;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Field names and types of the embedded index. {@code body} (title and text) and {@code title} hold,
 * at every word position, the exact form ("=путина") and the lemmas ("путин"), with offsets so
 * that search results can show which words matched. Per-article facts live in doc values, so that
 * timelines and breakdowns never read stored text.
 */
final class Schema {
    private Schema() {}

    static final String ID = "id";            // identity key: normalised URL + language
    static final String URL = "url";
    static final String OUTLET = "outlet";
    static final String GROUP = "group";
    static final String LANG = "lang";
    static final String DAY = "day";          // days since 1970-01-01, in the source's own offset
    static final String TS = "ts";            // epoch seconds, for newest-first order
    static final String PUBLISHED = "published";
    static final String DATE_QUALITY = "dq";
    static final String BODY = "body";
    static final String TITLE = "title";
    static final String TITLE_STORED = "title_s";
    static final String TEXT_STORED = "text_s";
    static final String STORY = "story";      // hash of the normalised text: syndicated copies share it
    static final String COPY = "copy";        // 1 when an earlier article had the same text
    static final String SYNDICATED_FROM = "syndicated_from";

    /** Positions between title and text in {@code body}, so phrases and NEAR do not span them. */
    static final int TITLE_TEXT_GAP = 100;

    static final FieldType TEXT_WITH_OFFSETS;

    static {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(false);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.setOmitNorms(false);
        t.freeze();
        TEXT_WITH_OFFSETS = t;
    }
}
