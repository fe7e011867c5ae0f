package org.narrativewatch.opinion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Locale;
import org.narrativewatch.Wire;

/**
 * The wire forms of poll series, written by {@code nwatch opinion list} and by the API's {@code /api/polls} alike.
 *
 * <p>A series in a list: {@code {"id", "pollster", "question", "answer", "points" (how many), "first", "last",
 * "kind", "n_assumed" (how many points rest on an assumed n)}}. One series with its points: the same without the
 * count, with {@code "interval"} (what the intervals cover) and {@code "points": [{"date" (fieldwork midpoint),
 * "start", "end" (fieldwork), "percent", "lo", "hi" (95% sampling interval), "n" (the sample size the interval
 * uses), "n_assumed" (true when the source gave none and n is the assumed one), "design_effect", "kind", "mode",
 * "dating", "origin"}]}.
 *
 * <p>Aliases, for readers of the shapes the CLI and the API had before they were one: {@code points_with_assumed_n}
 * = {@code n_assumed} (series), {@code fieldwork_from}/{@code fieldwork_to} = {@code start}/{@code end} and
 * {@code n_used} = {@code n} (points). The first names are canonical (docs/opinion.md).
 *
 * <p>CSV: {@link #LIST_CSV_HEADER} and {@link #POINTS_CSV_HEADER}.
 */
public final class PollFormat {
    private PollFormat() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the 95% intervals cover, said beside every series' points. */
    public static final String INTERVAL_NOTE = "95% sampling interval (normal approximation, effective n = n / design effect); "
            + "sampling error only: no house effects, no non-response bias";

    public static final String LIST_CSV_HEADER = "id,pollster,question,answer,points,first,last,n_assumed";

    public static final String POINTS_CSV_HEADER = "date,fieldwork_from,fieldwork_to,percent,lo,hi,n,n_assumed,design_effect,dating";

    /** Series, one object each (see the class comment), in the order given. */
    public static ArrayNode list(Collection<PollSeries> all) {
        ArrayNode a = JSON.createArrayNode();
        all.forEach(s -> a.add(summary(s)));
        return a;
    }

    /** One series in a list: what it is and how many points it has. */
    public static ObjectNode summary(PollSeries s) {
        ObjectNode o = head(s);
        o.put("points", s.points().size());
        assumed(o, s);
        return o;
    }

    /** One series with its points. */
    public static ObjectNode series(PollSeries s) {
        ObjectNode o = head(s);
        assumed(o, s);
        o.put("interval", INTERVAL_NOTE);
        ArrayNode a = o.putArray("points");
        s.points().forEach(p -> a.add(point(p)));
        return o;
    }

    private static ObjectNode head(PollSeries s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id());
        o.put("pollster", s.key().pollster());
        o.put("question", s.key().question());
        o.put("answer", s.key().answer());
        o.put("first", s.first() == null ? null : s.first().toString());
        o.put("last", s.last() == null ? null : s.last().toString());
        o.put("kind", s.points().isEmpty() ? "share" : kind(s.points().get(0)));
        return o;
    }

    private static void assumed(ObjectNode o, PollSeries s) {
        o.put("n_assumed", s.assumedN());
        o.put("points_with_assumed_n", s.assumedN());
    }

    /** One poll (see the class comment). */
    public static ObjectNode point(PollPoint p) {
        ObjectNode e = JSON.createObjectNode();
        e.put("date", p.midpoint().toString());
        e.put("start", p.start().toString());
        e.put("end", p.end().toString());
        e.put("fieldwork_from", p.start().toString());
        e.put("fieldwork_to", p.end().toString());
        Wire.number(e, "percent", p.percent());
        Wire.number(e, "lo", p.lo());
        Wire.number(e, "hi", p.hi());
        e.put("n", p.nUsed());
        e.put("n_used", p.nUsed());
        e.put("n_assumed", p.nAssumed());
        Wire.number(e, "design_effect", p.designEffect());
        e.put("kind", kind(p));
        e.put("mode", p.mode());
        e.put("dating", p.dating());
        e.put("origin", p.origin());
        return e;
    }

    /** A series in a list as a row of {@link #LIST_CSV_HEADER}. */
    public static String listCsvRow(PollSeries s) {
        return String.join(",", Wire.csvCell(s.id()), Wire.csvCell(s.key().pollster()), Wire.csvCell(s.key().question()), Wire.csvCell(s.key().answer()),
                "" + s.points().size(), "" + s.first(), "" + s.last(), "" + s.assumedN());
    }

    /** A poll as a row of {@link #POINTS_CSV_HEADER}. */
    public static String pointCsvRow(PollPoint p) {
        return String.join(",", "" + p.midpoint(), "" + p.start(), "" + p.end(), num(p.percent()), num(p.lo()), num(p.hi()),
                "" + p.nUsed(), "" + p.nAssumed(), num(p.designEffect()), Wire.csvCell(p.dating()));
    }

    private static String kind(PollPoint p) {
        return p.kind().name().toLowerCase(Locale.ROOT);
    }

    /** A figure in CSV: six significant digits, empty when missing. */
    public static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

}
