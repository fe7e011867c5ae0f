package org.narrativewatch.ingest;

import java.nio.charset.StandardCharsets;
import org.narrativewatch.article.Article;

/**
 * What every article must satisfy before it reaches an engine, whichever source it came from
 * (line formats, feeds, WARC, Telegram, the collector). A failing article is refused alone, with
 * the field named; without these checks one record can abort a whole import (Lucene refuses a
 * keyword over 32,766 bytes with an exception) or stretch the corpus over centuries.
 */
public final class ArticleCheck {
    private ArticleCheck() {}

    /** Lucene's limit on one indexed term ({@code IndexWriter.MAX_TERM_LENGTH}): keyword fields must fit. */
    public static final int MAX_KEYWORD_BYTES = 32_766;

    /** Null when the article can be stored, else the reason (its class first, then the detail). */
    public static String refusal(Article a, DateWindow dates) {
        // the identity key is indexed as one term: the URL, a space and the language
        String tooLong = tooLong("url", a.url(), a.lang().length() + 1);
        if (tooLong == null) {
            tooLong = tooLong("source", a.outlet(), 0);
        }
        if (tooLong == null) {
            tooLong = tooLong("group", a.group(), 0);
        }
        if (tooLong == null) {
            tooLong = tooLong("lang", a.lang(), 0);
        }
        if (tooLong == null) {
            tooLong = tooLong("syndicated_from", a.syndicatedFrom(), 0);
        }
        if (tooLong != null) {
            return tooLong;
        }
        return dates.refusal(a.published());
    }

    /** Cheap on the hot path: only strings long enough to possibly exceed the limit are encoded. */
    private static String tooLong(String field, String value, int extra) {
        if (value == null || (long) value.length() * 3 + extra <= MAX_KEYWORD_BYTES) {
            return null;
        }
        int bytes = utf8Length(value) + extra;
        if (bytes <= MAX_KEYWORD_BYTES) {
            return null;
        }
        return "field too long: " + field + " is " + bytes + " bytes (at most " + MAX_KEYWORD_BYTES + ")";
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
