package org.narrativewatch.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streamed JSON of a series is the tree JSON, byte for byte, gaps, partial buckets and provenance included. */
class SeriesFormatTest {

    @Test
    void streamedJsonEqualsTreeJson() throws Exception {
        Series s = new Series("путин AND \"a \\\" b\"", Bucketing.WEEK, LocalDate.of(2022, 2, 21), LocalDate.of(2022, 3, 13),
                "articles", List.of(new Bucket(LocalDate.of(2022, 2, 21), 1, 3, 7, false), new Bucket(LocalDate.of(2022, 2, 28), 0, 0, 7, false),
                        new Bucket(LocalDate.of(2022, 3, 7), 2, 7, 5, true)));
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("selection", Map.of("outlets", List.of("a"), "langs", List.of()));
        prov.put("engine", "lucene");
        prov.put("snapshot", "lucene:/x@v3/10 docs");
        ObjectMapper mapper = new ObjectMapper();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = mapper.createGenerator(out)) {
            SeriesFormat.writeJson(s, prov, g);
        }
        assertEquals(mapper.writeValueAsString(SeriesFormat.toJson(s, prov)), out.toString());
        StringWriter pretty = new StringWriter();
        try (JsonGenerator g = mapper.createGenerator(pretty).useDefaultPrettyPrinter()) {
            SeriesFormat.writeJson(s, prov, g);
        }
        assertEquals(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(SeriesFormat.toJson(s, prov)), pretty.toString());
    }

    @Test
    void isoDatesAreLocalDateText() {
        char[] out = new char[10];
        for (LocalDate d = LocalDate.of(998, 1, 1); d.isBefore(LocalDate.of(1003, 1, 1)); d = d.plusDays(1)) {
            check(d, out);
        }
        for (LocalDate d = LocalDate.of(1999, 12, 1); d.isBefore(LocalDate.of(2030, 1, 1)); d = d.plusDays(1)) {
            check(d, out);
        }
        for (LocalDate d = LocalDate.of(9998, 1, 1); d.isBefore(LocalDate.of(10001, 1, 1)); d = d.plusDays(1)) {
            check(d, out);
        }
        check(LocalDate.of(-5, 1, 1), out);
    }

    private static void check(LocalDate d, char[] out) {
        int n = SeriesFormat.isoDate(d, out);
        assertEquals(d.toString(), n == 0 ? d.toString() : new String(out, 0, n));
        assertEquals(d.getYear() >= 1000 && d.getYear() <= 9999, n == 10, d.toString());
    }
}
