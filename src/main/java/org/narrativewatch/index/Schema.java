package org.narrativewatch.index;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.narrativewatch.article.Article;
import org.narrativewatch.article.DateQuality;

/**
 * Field names of a stored article, the same in every engine, and the one mapping between an
 * {@link Article} and its stored fields. {@code body} (title and text) and {@code title} hold, at
 * every word position, the exact form ("=путина") and the lemmas ("путин"), with positions; the
 * words a shown hit matched are found by analysing that hit again ({@link HitReanalysis}).
 * Per-article facts live in doc values (Lucene) or numeric fields (OpenSearch), so that timelines
 * and breakdowns never read stored text.
 */
public final class Schema {
    private Schema() {}

    public static final String ID = "id";            // identity key: normalised URL + language
    public static final String URL = "url";
    public static final String OUTLET = "outlet";
    public static final String GROUP = "group";
    public static final String LANG = "lang";
    public static final String DAY = "day";          // days since 1970-01-01, in the source's own offset
    public static final String TS = "ts";            // epoch seconds, for newest-first order
    public static final String PUBLISHED = "published";
    public static final String DATE_QUALITY = "dq";
    public static final String BODY = "body";
    public static final String TITLE = "title";
    public static final String TITLE_STORED = "title_s";
    public static final String TEXT_STORED = "text_s";
    public static final String STORY = "story";      // hash of the normalised text: syndicated copies share it
    public static final String COPY = "copy";        // 1 when an earlier article had the same text
    public static final String SYNDICATED_FROM = "syndicated_from";

    /** Positions between title and text in {@code body}, so phrases and NEAR do not span them. */
    public static final int TITLE_TEXT_GAP = 100;

    /** The stored fields an article is rebuilt from, in the order {@link #stored} writes them. */
    public static final List<String> STORED = List.of(URL, OUTLET, GROUP, LANG, PUBLISHED, DATE_QUALITY,
            TITLE_STORED, TEXT_STORED, SYNDICATED_FROM);

    /** Of the stored fields, those a selection filters on: exact keywords, one value per article. */
    public static final Set<String> KEYWORDS = Set.of(OUTLET, GROUP, LANG);

    /** An article's stored fields as strings, by name; a missing group or source is left out. */
    public static Map<String, String> stored(Article a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(URL, a.url());
        m.put(OUTLET, a.outlet());
        if (a.group() != null && !a.group().isBlank()) {
            m.put(GROUP, a.group());
        }
        m.put(LANG, a.lang());
        m.put(PUBLISHED, a.published().toString());
        m.put(DATE_QUALITY, a.dateQuality().wire());
        m.put(TITLE_STORED, a.title());
        m.put(TEXT_STORED, a.text());
        if (a.syndicatedFrom() != null) {
            m.put(SYNDICATED_FROM, a.syndicatedFrom());
        }
        return m;
    }

    /** The article back from its stored fields; {@code field} answers null for a field that is absent. */
    public static Article article(Function<String, String> field) {
        return new Article(field.apply(URL), field.apply(OUTLET), field.apply(GROUP),
                OffsetDateTime.parse(field.apply(PUBLISHED)), DateQuality.fromWire(field.apply(DATE_QUALITY)),
                field.apply(LANG), field.apply(TITLE_STORED), field.apply(TEXT_STORED), field.apply(SYNDICATED_FROM));
    }

    /** The day an article is counted on, as stored in {@link #DAY}. */
    public static int day(Article a) {
        return (int) a.day().toEpochDay();
    }

    /**
     * The selection's keyword filters: field → the values allowed (any of them), only for the parts
     * the selection restricts. Dates are not among them: each caller filters on its own day range.
     */
    public static Map<String, Set<String>> keywordFilters(Selection sel) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        put(m, OUTLET, sel.outlets());
        put(m, GROUP, sel.groups());
        put(m, LANG, sel.langs());
        return m;
    }

    private static void put(Map<String, Set<String>> m, String field, Set<String> values) {
        if (!values.isEmpty()) {
            m.put(field, new LinkedHashSet<>(values.stream().sorted().toList()));
        }
    }

    /**
     * Lucene's field type for {@link #BODY} and {@link #TITLE} in the index: positions (phrases, NEAR),
     * no offsets, not stored. The spans of the hits shown come from analysing them again ({@link HitReanalysis}).
     */
    static final FieldType TEXT = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    /** The same with offsets: the one-document index a hit is analysed into to find its match spans. */
    static final FieldType TEXT_WITH_OFFSETS = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

    private static FieldType textType(IndexOptions options) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(false);
        t.setIndexOptions(options);
        t.setOmitNorms(false);
        t.freeze();
        return t;
    }
}
