package org.narrativewatch.ingest;

import org.narrativewatch.article.Article;

/** What a {@link Source} yields: an article, or the reason a record was refused, with where it was. */
public sealed interface SourceRecord {

    /** 1-based line number for line formats, record number for others. */
    long position();

    /**
     * @param where file and line (or record) for messages about this article found after parsing (a
     *              field the index cannot hold, a date outside the window); null: the source's name
     *              and the position, which is right for line formats
     */
    record Parsed(Article article, long position, String where) implements SourceRecord {
        public Parsed(Article article, long position) {
            this(article, position, null);
        }
    }

    /**
     * {@code where} names file and line (or record) so a user can find it.
     *
     * @param endsSource nothing after this point of the source can be read (a truncated or corrupt
     *                   file): the import of the file is incomplete, which its outcome says
     */
    record Rejected(String where, String reason, long position, boolean endsSource) implements SourceRecord {
        public Rejected(String where, String reason, long position) {
            this(where, reason, position, false);
        }

        @Override
        public String toString() {
            return where + ": " + reason;
        }
    }
}
