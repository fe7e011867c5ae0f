package org.narrativewatch.article;

/** How much of an article's published instant the source actually told us. */
public enum DateQuality {
    /** Date and time of day, with or without an offset in the source. */
    EXACT,
    /** A calendar date only; the time is set to local midnight. */
    DATE_ONLY,
    /** Not stated by the article; inferred (a capture date, a feed's fetch time). */
    GUESSED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DateQuality fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
