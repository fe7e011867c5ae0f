package org.narrativewatch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire form of search results, written by {@code nwatch search --format json} and by the API's
 * {@code /api/search} alike: {@code {"query", "total", "offset", "limit", "hits": [{"url", "outlet", "group", "published",
 * "date_quality", "lang", "title", "title_matches", "title_matches_cp", "snippet", "snippet_matches", "snippet_matches_cp", "syndicated_from", "score"}]}}.
 * Article text leaves as plain strings with the matched words as {@code [start, end)} spans, never as markup;
 * spans that do not lie inside their text are dropped, not trusted. The {@code _cp} spans count code points
 * (for clients whose strings are not UTF-16: Python, Go, Rust).
 */
public final class HitsFormat {
    private HitsFormat() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first page: {@link #toJson(String, Hits, int, int)} with offset 0. */
    public static ObjectNode toJson(String query, Hits h, int limit) {
        return toJson(query, h, 0, limit);
    }

    /**
     * @param offset the matches skipped before this page
     * @param limit the most hits asked for ({@code total} counts them all)
     */
    public static ObjectNode toJson(String query, Hits h, int offset, int limit) {
        ObjectNode o = JSON.createObjectNode();
        o.put("query", query);
        o.put("total", h.total());
        o.put("offset", offset);
        o.put("limit", limit);
        ArrayNode a = o.putArray("hits");
        for (Hits.Hit hit : h.hits()) {
            ObjectNode ho = a.addObject();
            ho.put("url", hit.url());
            ho.put("outlet", hit.outlet());
            ho.put("group", hit.group());
            ho.put("published", hit.published() == null ? null : hit.published().toString());
            ho.put("date_quality", hit.dateQuality() == null ? null : hit.dateQuality().wire());
            ho.put("lang", hit.lang());
            Hits.Highlighted title = hit.title() == null ? Hits.Highlighted.plain("") : hit.title();
            Hits.Highlighted snippet = hit.snippet() == null ? Hits.Highlighted.plain("") : hit.snippet();
            ho.put("title", title.text());
            ho.set("title_matches", spans(title));
            ho.set("title_matches_cp", codePointSpans(title));
            ho.put("snippet", snippet.text());
            ho.set("snippet_matches", spans(snippet));
            ho.set("snippet_matches_cp", codePointSpans(snippet));
            ho.put("syndicated_from", hit.syndicatedFrom());
            ho.put("score", hit.score());
        }
        return o;
    }

    /** Match spans as {@code [[start, end], ...]}. */
    static ArrayNode spans(Hits.Highlighted h) {
        ArrayNode m = JSON.createArrayNode();
        for (int[] span : h.matches()) {
            if (span.length == 2 && 0 <= span[0] && span[0] < span[1] && span[1] <= h.text().length()) {
                m.addArray().add(span[0]).add(span[1]);
            }
        }
        return m;
    }

    /** The same spans in code points. */
    static ArrayNode codePointSpans(Hits.Highlighted h) {
        ArrayNode m = JSON.createArrayNode();
        h.codePointMatches().forEach(s -> m.addArray().add(s[0]).add(s[1]));
        return m;
    }
}
