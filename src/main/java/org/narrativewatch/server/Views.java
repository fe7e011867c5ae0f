package org.narrativewatch.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.narrativewatch.index.CorpusStats;
import org.narrativewatch.index.Selection;
import org.narrativewatch.index.SelectionFormat;
import org.narrativewatch.timeline.Series;
import org.narrativewatch.timeline.SeriesFormat;

/** The API's JSON for corpus figures and selections; each result type's own wire form is beside its type (*Format). */
final class Views {
    private Views() {}

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * A timeline in the shape of {@code nwatch timeline --format json} (the lead's {@link SeriesFormat}):
     * {@code {"query", "by", "from", "to", "unit", "selection", "engine", "buckets": [{"start", "count",
     * "total", "share", "gap"}]}}. Share is null in gaps (no articles: missing, not zero).
     */
    static ObjectNode series(Series s, Selection sel, String engine) {
        return SeriesFormat.toJson(s, provenance(sel, engine));
    }

    /** What made the numbers, written beside every series (as the CLI does). */
    static Map<String, Object> provenance(Selection sel, String engine) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("selection", selection(sel));
        p.put("engine", engine);
        return p;
    }

    static ObjectNode selection(Selection sel) {
        return SelectionFormat.toJson(sel);
    }

    /** One line per part of the selection, for CSV header comments: what made these numbers. */
    static String selectionText(Selection sel) {
        return SelectionFormat.toText(sel);
    }

    static ObjectNode stats(CorpusStats s) {
        ObjectNode o = F.objectNode();
        o.put("articles", s.articles());
        o.put("outlets", s.outlets());
        o.put("from", str(s.from()));
        o.put("to", str(s.to()));
        o.set("languages", counts(s.byLanguage()));
        o.set("groups", counts(s.byGroup()));
        o.put("syndicated_copies", s.syndicatedCopies());
        o.put("snapshot", s.snapshot());
        return o;
    }

    private static ObjectNode counts(Map<String, Long> m) {
        ObjectNode o = F.objectNode();
        if (m != null) {
            m.forEach(o::put);
        }
        return o;
    }

    static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
