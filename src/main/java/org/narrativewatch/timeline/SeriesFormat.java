package org.narrativewatch.timeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The two wire forms of a {@link Series}: JSON ({"query", "by", "from", "to", "buckets": [{"start",
 * "count", "total", "share", "gap", "days", "partial"}]}) and CSV with a header comment and the same
 * columns. {@code days} and {@code partial} say how much of each bucket the numbers cover (see
 * {@link Bucket}); the CLI and the API both write these. Both carry the query, the selection and the corpus snapshot that
 * made the numbers, so an exported figure can be reproduced.
 */
public final class SeriesFormat {
    private SeriesFormat() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Shares are rounded to 6 decimals: enough to recompute count/total, short to read. */
    public static double roundShare(double share) {
        return Math.round(share * 1e6) / 1e6;
    }

    /** @param provenance extra top-level fields (selection, snapshot, engine), written as given */
    public static ObjectNode toJson(Series s, Map<String, ?> provenance) {
        ObjectNode o = JSON.createObjectNode();
        o.put("query", s.label());
        o.put("by", s.by().wire());
        o.put("from", s.from() == null ? null : s.from().toString());
        o.put("to", s.to() == null ? null : s.to().toString());
        o.put("unit", s.unit());
        provenance.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
        ArrayNode buckets = o.putArray("buckets");
        for (Bucket b : s.buckets()) {
            ObjectNode j = buckets.addObject();
            j.put("start", b.start().toString());
            j.put("count", b.count());
            j.put("total", b.total());
            if (b.gap()) {
                j.putNull("share");
            } else {
                j.put("share", roundShare(b.share()));
            }
            j.put("gap", b.gap());
            j.put("days", b.days());
            j.put("partial", b.partial());
        }
        return o;
    }

    /**
     * The same JSON as {@link #toJson}, field for field, written straight to {@code g} without building a tree:
     * a daily series over decades has ~10,000 buckets, and the tree cost more than the query itself in batch runs.
     * {@code g} needs a codec (made by an ObjectMapper) to write the provenance values.
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
            g.writeTree(JSON.valueToTree(e.getValue()));
        }
        g.writeArrayFieldStart("buckets");
        for (Bucket b : s.buckets()) {
            g.writeStartObject();
            g.writeStringField("start", b.start().toString());
            g.writeNumberField("count", b.count());
            g.writeNumberField("total", b.total());
            if (b.gap()) {
                g.writeNullField("share");
            } else {
                g.writeNumberField("share", roundShare(b.share()));
            }
            g.writeBooleanField("gap", b.gap());
            g.writeNumberField("days", b.days());
            g.writeBooleanField("partial", b.partial());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static String toCsv(Series s, Map<String, ?> provenance) {
        StringBuilder sb = new StringBuilder();
        sb.append("# query: ").append(oneLine(s.label())).append('\n');
        sb.append("# by: ").append(s.by().wire()).append(", from: ").append(s.from()).append(", to: ").append(s.to())
                .append(", unit: ").append(s.unit()).append('\n');
        provenance.forEach((k, v) -> sb.append("# ").append(k).append(": ").append(oneLine(String.valueOf(v))).append('\n'));
        sb.append(CSV_HEADER).append('\n');
        for (Bucket b : s.buckets()) {
            csvRow(sb, b);
        }
        return sb.toString();
    }

    /** The bucket columns of the CSV form, in order. */
    public static final String CSV_HEADER = "start,count,total,share,gap,days,partial";

    /** One bucket as a CSV row of {@link #CSV_HEADER}'s columns, newline included. */
    public static void csvRow(StringBuilder sb, Bucket b) {
        sb.append(b.start()).append(',').append(b.count()).append(',').append(b.total()).append(',')
                .append(b.gap() ? "" : String.format(Locale.ROOT, "%.6f", b.share())).append(',')
                .append(b.gap()).append(',').append(b.days()).append(',').append(b.partial()).append('\n');
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
