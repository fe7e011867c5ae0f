package org.narrativewatch.ingest;

import org.narrativewatch.article.Article;

/** What a {@link Source} yields: an article, or the reason a record was refused, with where it was. */
public sealed interface SourceRecord {

    /** 1-based line number for line formats, record number for others. */
    long position();

    record Parsed(Article article, long position) implements SourceRecord {}

    /** {@code where} names file and line (or record) so a user can find it. */
    record Rejected(String where, String reason, long position) implements SourceRecord {
        @Override
        public String toString() {
            return where + ": " + reason;
        }
    }
}
