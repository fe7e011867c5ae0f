package org.narrativewatch.timeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.narrativewatch.Wire;

/**
 * The two wire forms of a {@link Series}: JSON ({"query", "by", "from", "to", "buckets": [{"start",
 * "count", "total", "share", "gap", "days", "partial"}]}) and CSV with a header comment and the same
 * columns. {@code days} and {@code partial} say how much of each bucket the numbers cover (see
 * {@link Bucket}); the CLI and the API both write these. Both carry the query, the selection and the corpus snapshot that
 * made the numbers, so an exported figure can be reproduced.
 */
public final class SeriesFormat {
    private SeriesFormat() {}

    /** Made on first use: a series written to a stream needs none (see {@link #writeJson}). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** Shares are rounded to 6 decimals: enough to recompute count/total, short to read. */
    public static double roundShare(double share) {
        return Math.round(share * 1e6) / 1e6;
    }

    /**
     * The JSON as a tree (for callers that add to it), written by {@link #writeJson}: one writer of the format.
     *
     * @param provenance extra top-level fields (selection, snapshot, engine), written as given
     */
    public static ObjectNode toJson(Series s, Map<String, ?> provenance) {
        try (TokenBuffer buf = new TokenBuffer(Mapper.JSON, false)) {
            writeJson(s, provenance, buf);
            return Mapper.JSON.readTree(buf.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON written straight to {@code g} without building a tree:
     * a daily series over decades has ~10,000 buckets, and the tree cost more than the query itself in batch runs.
     * {@code g} may be a bare jackson-core generator (no ObjectMapper): provenance values that are strings, whole
     * numbers, booleans, maps, collections or JSON trees of those are written here (the one-shot CLI call then never
     * sets up databind, whose first mapper cost more than the rest of the output); anything else goes through a mapper.
     */
    public static void writeJson(Series s, Map<String, ?> provenance, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("query", s.label());
        g.writeStringField("by", s.by().wire());
        g.writeStringField("from", s.from() == null ? null : s.from().toString());
        g.writeStringField("to", s.to() == null ? null : s.to().toString());
        g.writeStringField("unit", s.unit());
        for (Map.Entry<String, ?> e : provenance.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeArrayFieldStart("buckets");
        // field names quoted once (Jackson's SerializedString), days formatted without LocalDate.toString's builder:
        // a daily series is ~10,000 buckets, and these were a third of writing one (docs/benchmarks.md, "The batch mode")
        char[] day = new char[10];
        for (Bucket b : s.buckets()) {
            writeBucket(g, b, day);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * One bucket, in a method of its own: a loop that runs once per call is never compiled by the JIT (its ~10,000
     * iterations stay below the on-stack-replacement threshold), while a method called 10,000 times is compiled
     * after a few hundred: writing a daily series in a one-shot call took ~20 ms interpreted (docs/benchmarks.md,
     * "The CLI, second round").
     */
    private static void writeBucket(JsonGenerator g, Bucket b, char[] day) throws IOException {
        g.writeStartObject();
        g.writeFieldName(START);
        int n = isoDate(b.start(), day);
        if (n > 0) {
            g.writeString(day, 0, n);
        } else {
            g.writeString(b.start().toString());
        }
        g.writeFieldName(COUNT);
        g.writeNumber(b.count());
        g.writeFieldName(TOTAL);
        g.writeNumber(b.total());
        g.writeFieldName(SHARE);
        if (b.gap()) {
            g.writeNull();
        } else {
            g.writeNumber(roundShare(b.share()));
        }
        g.writeFieldName(GAP);
        g.writeBoolean(b.gap());
        g.writeFieldName(DAYS);
        g.writeNumber(b.days());
        g.writeFieldName(PARTIAL);
        g.writeBoolean(b.partial());
        g.writeEndObject();
    }

    private static final SerializedString START = new SerializedString("start");
    private static final SerializedString COUNT = new SerializedString("count");
    private static final SerializedString TOTAL = new SerializedString("total");
    private static final SerializedString SHARE = new SerializedString("share");
    private static final SerializedString GAP = new SerializedString("gap");
    private static final SerializedString DAYS = new SerializedString("days");
    private static final SerializedString PARTIAL = new SerializedString("partial");

    /**
     * {@code d} as {@link LocalDate#toString} writes it, into {@code out} (10 chars): its length, or 0 for a year
     * outside 1000..9999 (then use toString, which signs and pads those).
     */
    static int isoDate(LocalDate d, char[] out) {
        int y = d.getYear();
        if (y < 1000 || y > 9999) {
            return 0;
        }
        int m = d.getMonthValue();
        int dd = d.getDayOfMonth();
        out[0] = (char) ('0' + y / 1000);
        out[1] = (char) ('0' + y / 100 % 10);
        out[2] = (char) ('0' + y / 10 % 10);
        out[3] = (char) ('0' + y % 10);
        out[4] = '-';
        out[5] = (char) ('0' + m / 10);
        out[6] = (char) ('0' + m % 10);
        out[7] = '-';
        out[8] = (char) ('0' + dd / 10);
        out[9] = (char) ('0' + dd % 10);
        return 10;
    }

    /**
     * A provenance value as the ObjectMapper would write it (same tokens, so the same text under any pretty printer):
     * written by hand only so that no mapper is needed for the few plain types provenance holds.
     */
    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String str) {
            g.writeString(str);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof JsonNode n && (n.isContainerNode() || n.isTextual() || n.isNull() || n.isBoolean()
                || n.isIntegralNumber() && n.canConvertToLong())) {
            writeTree(g, n);
        } else {
            ObjectMapper json = Mapper.JSON;
            json.writeTree(g, json.valueToTree(v));
        }
    }

    private static void writeTree(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode e : n) {
                writeValue(g, e);
            }
            g.writeEndArray();
        } else if (n.isTextual()) {
            g.writeString(n.textValue());
        } else if (n.isNull()) {
            g.writeNull();
        } else if (n.isBoolean()) {
            g.writeBoolean(n.booleanValue());
        } else {
            g.writeNumber(n.longValue());
        }
    }

    public static String toCsv(Series s, Map<String, ?> provenance) {
        StringBuilder sb = new StringBuilder();
        sb.append("# query: ").append(Wire.oneLine(s.label())).append('\n');
        sb.append("# by: ").append(s.by().wire()).append(", from: ").append(s.from()).append(", to: ").append(s.to())
                .append(", unit: ").append(s.unit()).append('\n');
        provenance.forEach((k, v) -> sb.append("# ").append(k).append(": ").append(Wire.oneLine(String.valueOf(v))).append('\n'));
        sb.append(CSV_HEADER).append('\n');
        for (Bucket b : s.buckets()) {
            csvRow(sb, b);
        }
        return sb.toString();
    }

    /**
     * Several series in one long table: a {@code query} column before the bucket columns ({@link #LONG_CSV_HEADER}),
     * under header comments: {@code title}, each series' query, their bucketing and unit, then the provenance.
     */
    public static String toLongCsv(String title, List<Series> series, Map<String, ?> provenance) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(Wire.oneLine(title)).append('\n');
        for (Series s : series) {
            sb.append("# query: ").append(Wire.oneLine(s.label())).append('\n');
        }
        if (!series.isEmpty()) {
            sb.append("# by: ").append(series.get(0).by().wire()).append(", unit: ").append(series.get(0).unit()).append('\n');
        }
        provenance.forEach((k, v) -> sb.append("# ").append(k).append(": ").append(Wire.oneLine(String.valueOf(v))).append('\n'));
        sb.append(LONG_CSV_HEADER).append('\n');
        for (Series s : series) {
            longCsvRows(sb, s);
        }
        return sb.toString();
    }

    /** The bucket columns of the CSV form, in order. */
    public static final String CSV_HEADER = "start,count,total,share,gap,days,partial";

    /** The columns of the long table: the query, then {@link #CSV_HEADER}'s. */
    public static final String LONG_CSV_HEADER = "query," + CSV_HEADER;

    /** One series' rows of the long table, each starting with its query. */
    public static void longCsvRows(StringBuilder sb, Series s) {
        String q = Wire.csvCell(Wire.oneLine(s.label()));
        for (Bucket b : s.buckets()) {
            csvRow(sb.append(q).append(','), b);
        }
    }

    /** One bucket as a CSV row of {@link #CSV_HEADER}'s columns, newline included. */
    public static void csvRow(StringBuilder sb, Bucket b) {
        sb.append(b.start()).append(',').append(b.count()).append(',').append(b.total()).append(',')
                .append(b.gap() ? "" : String.format(Locale.ROOT, "%.6f", b.share())).append(',')
                .append(b.gap()).append(',').append(b.days()).append(',').append(b.partial()).append('\n');
    }

}
