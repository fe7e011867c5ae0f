package org.narrativewatch.index;

import java.time.OffsetDateTime;
import java.util.List;
import org.narrativewatch.article.DateQuality;

/** A page of search results. {@code total} counts every match of the selection, not just this page. */
public record Hits(long total, List<Hit> hits) {

    public Hits {
        hits = List.copyOf(hits);
    }

    /**
     * One matching article. {@code title} and {@code snippet} carry the matched words as character
     * spans rather than markup, so each view escapes the text its own way and nothing from an
     * article is ever interpreted as markup.
     */
    public record Hit(String url, String outlet, String group, OffsetDateTime published, DateQuality dateQuality,
                      String lang, Highlighted title, Highlighted snippet, String syndicatedFrom, float score) {}

    /** Text with the [start, end) character spans of the words that matched. */
    public record Highlighted(String text, List<int[]> matches) {
        public Highlighted {
            matches = List.copyOf(matches);
        }

        public static Highlighted plain(String text) {
            return new Highlighted(text == null ? "" : text, List.of());
        }
    }
}
