package org.narrativewatch.opinion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.narrativewatch.Wire;

/**
 * The wire form of a lead-lag result ({@code nwatch opinion leadlag} and {@code compare}): the contract
 * {@code {"n", "ccf": [{"lag", "r", "lo", "hi"}], "granger": {"a_to_b": {"lag", "f", "p"}, "b_to_a"}}} plus the
 * method, the raw correlations, the plain F p-values and the warnings. Missing figures are null.
 */
public final class LeadLagFormat {
    private LeadLagFormat() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ObjectNode toJson(LeadLag.Result r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", r.n());
        o.put("method", r.method());
        o.put("prewhitening_ar_order", r.prewhitenOrder());
        ArrayNode ccf = o.putArray("ccf");
        for (LeadLag.CcfPoint c : r.ccf()) {
            ObjectNode e = ccf.addObject();
            e.put("lag", c.lag());
            Wire.number(e, "r", c.r());
            Wire.number(e, "lo", c.lo());
            Wire.number(e, "hi", c.hi());
            e.put("significant", c.significant());
            e.put("pairs", c.n());
            Wire.number(e, "r_raw", c.rRaw());
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
            return JSON.nullNode();
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("lag", g.lag());
        Wire.number(o, "f", g.f());
        Wire.number(o, "p", g.p());
        Wire.number(o, "p_f", g.pF());
        o.put("df1", g.df1());
        o.put("df2", g.df2());
        o.put("n", g.n());
        o.put("bootstrap_replicates", g.replicates());
        return o;
    }
}
