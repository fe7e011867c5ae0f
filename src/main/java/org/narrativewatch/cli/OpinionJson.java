package org.narrativewatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.narrativewatch.opinion.LeadLag;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.opinion.PollSeries;

/** The JSON and CSV shapes the opinion commands print (one place, so compare and leadlag agree). */
final class OpinionJson {
    private OpinionJson() {}

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Standard error in UTF-8 whatever the platform default (poll questions and file names may be Cyrillic). */
    static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    static void print(PrintStream out, JsonNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The leadlag contract: {"n", "ccf": [{"lag","r","lo","hi"}], "granger": {"a_to_b": {"lag","f","p"}, "b_to_a"}} plus extras. */
    static ObjectNode leadLag(LeadLag.Result r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("n", r.n());
        o.put("method", r.method());
        o.put("prewhitening_ar_order", r.prewhitenOrder());
        ArrayNode ccf = o.putArray("ccf");
        for (LeadLag.CcfPoint c : r.ccf()) {
            ObjectNode e = ccf.addObject();
            e.put("lag", c.lag());
            number(e, "r", c.r());
            number(e, "lo", c.lo());
            number(e, "hi", c.hi());
            e.put("significant", c.significant());
            e.put("pairs", c.n());
            number(e, "r_raw", c.rRaw());
        }
        ObjectNode g = o.putObject("granger");
        g.set("a_to_b", granger(r.aToB()));
        g.set("b_to_a", granger(r.bToA()));
        ArrayNode w = o.putArray("warnings");
        r.warnings().forEach(w::add);
        return o;
    }

    private static JsonNode granger(LeadLag.Granger g) {
        if (g == null) {
            return MAPPER.nullNode();
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("lag", g.lag());
        number(o, "f", g.f());
        number(o, "p", g.p());
        number(o, "p_f", g.pF());
        o.put("df1", g.df1());
        o.put("df2", g.df2());
        o.put("n", g.n());
        o.put("bootstrap_replicates", g.replicates());
        return o;
    }

    static ObjectNode series(PollSeries s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", s.id());
        o.put("pollster", s.key().pollster());
        o.put("question", s.key().question());
        o.put("answer", s.key().answer());
        o.put("points", s.points().size());
        o.put("first", String.valueOf(s.first()));
        o.put("last", String.valueOf(s.last()));
        o.put("n_assumed", s.assumedN());
        return o;
    }

    static ArrayNode points(PollSeries s) {
        ArrayNode a = MAPPER.createArrayNode();
        for (PollPoint p : s.points()) {
            a.add(point(p));
        }
        return a;
    }

    static ObjectNode point(PollPoint p) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("date", p.midpoint().toString());
        e.put("fieldwork_from", p.start().toString());
        e.put("fieldwork_to", p.end().toString());
        number(e, "percent", p.percent());
        number(e, "lo", p.lo());
        number(e, "hi", p.hi());
        e.put("n", p.nUsed());
        e.put("n_assumed", p.nAssumed());
        number(e, "design_effect", p.designEffect());
        e.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
        e.put("dating", p.dating());
        e.put("origin", p.origin());
        return e;
    }

    /** JSON has no NaN: a missing figure is null. */
    static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
