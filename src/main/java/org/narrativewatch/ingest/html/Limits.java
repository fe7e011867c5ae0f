package org.narrativewatch.ingest.html;

/** Bounds on what one record may hold, shared by every live and archive source. */
public final class Limits {
    private Limits() {}

    /** Longest article text kept; a longer one is refused as a record (not stored cut). */
    public static final int MAX_DOCUMENT_CHARS = 2_000_000;

    /** Largest HTML page parsed (archived or fetched). */
    public static final long MAX_PAGE_BYTES = 8L << 20;

    /** Deepest HTML element kept as markup (deeper ones become their text); real pages nest ~30. */
    public static final int MAX_HTML_DEPTH = 100;
}
