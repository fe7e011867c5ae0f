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

    /**
     * Text with the [start, end) spans of the words that matched, in UTF-16 code units (Java and
     * JavaScript string indices); {@link #codePointMatches()} gives them in Unicode code points
     * (Python string indices), which differ after an emoji or another character outside the BMP.
     */
    public record Highlighted(String text, List<int[]> matches) {
        public Highlighted {
            matches = List.copyOf(matches);
        }

        /** The same spans counted in code points. */
        public List<int[]> codePointMatches() {
            java.util.ArrayList<int[]> out = new java.util.ArrayList<>(matches.size());
            int unit = 0;
            int cp = 0;
            for (int[] m : matches) {
                if (m.length != 2 || m[0] < unit || m[1] < m[0] || m[1] > text.length()) {
                    continue; // spans are sorted and inside the text; anything else is not converted
                }
                cp += text.codePointCount(unit, m[0]);
                int start = cp;
                cp += text.codePointCount(m[0], m[1]);
                out.add(new int[] {start, cp});
                unit = m[1];
            }
            return out;
        }

        public static Highlighted plain(String text) {
            return new Highlighted(text == null ? "" : text, List.of());
        }
    }
}
