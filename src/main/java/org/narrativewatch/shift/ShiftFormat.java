package org.narrativewatch.shift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.narrativewatch.Wire;

/**
 * The wire forms of a {@link ShiftResult}, written by {@code nwatch shifts} (and {@code opinion shifts},
 * {@code territory series --shifts}) and by the API's {@code /api/shifts} alike.
 *
 * <p>JSON: {@code {"model", "penalty", "penalty_value", "min_segment", "n", "observed", "dispersion",
 * (negative-binomial:) "size", (Gaussian models:) "scale", "scale_kind", "seasonal": [{"cycle", "kind", "f", "p", "profile"}], "changes": [{"date",
 * "index", "before", "after", "before_ci", "after_ci", "relative_change", "p" (, "posterior")}], "segments": [{"from",
 * "to", "start", "end", "observed", "level", "ci"}], "pulses": [{@link #pulse}], "outliers",
 * "variance_changes": [{"date", "index", "sd_before", "sd_after"}] (where the noise's spread changes; not level changes),
 * "merged": [{"date", "index", "jump_sd"}] (breaks the jump check merged: the level jumped by less than a long-run sd),
 * "no_change_check": [{"fit", "changes", "bic"}] (the automatic Gaussian default: the segmentation against no change)}}, after
 * the caller's leading fields (the query). Figures that do not exist (NaN) are null. CSV: one row per change
 * point under {@link #CSV_HEADER}.
 */
public final class ShiftFormat {
    private ShiftFormat() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String CSV_HEADER = "date,index,before,before_lo,before_hi,after,after_lo,after_hi,relative_change,p";

    /** The result alone. */
    public static ObjectNode toJson(ShiftResult r) {
        return toJson(Map.of(), r);
    }

    /** @param head leading fields (the query, the CSV file), written first as given */
    public static ObjectNode toJson(Map<String, ?> head, ShiftResult r) {
        ObjectNode m = JSON.createObjectNode();
        head.forEach((k, v) -> m.set(k, JSON.valueToTree(v)));
        m.put("model", r.model().wire);
        m.put("penalty", r.penalty().wire());
        m.put("penalty_value", r.penaltyValue());
        m.put("min_segment", r.minSegment());
        m.put("n", r.n());
        m.put("observed", r.observed());
        m.put("dispersion", r.dispersion());
        if (!Double.isNaN(r.size())) {
            m.put("size", r.size()); // negative-binomial: variance λ(1 + λ/size) per whole bucket
        }
        if (r.model() == Model.NORMAL_MEAN || r.model() == Model.NORMAL_TREND || r.model() == Model.NORMAL_MEANVAR
                || r.model() == Model.NORMAL_TREND_VAR) {
            m.put("scale", r.scale());
            m.put("scale_kind", r.longRunScale() ? "long-run sd within segments" : "sd around the no-change fit");
        }
        ArrayNode seasonal = m.putArray("seasonal");
        r.seasonality().forEach(c -> seasonal.add(cycle(c)));
        ArrayNode changes = m.putArray("changes");
        for (ChangePoint c : r.changes()) {
            ObjectNode x = changes.addObject();
            x.put("date", c.date() == null ? null : c.date().toString());
            x.put("index", c.index());
            Wire.number(x, "before", c.before().level());
            Wire.number(x, "after", c.after().level());
            x.set("before_ci", ci(c.before()));
            x.set("after_ci", ci(c.after()));
            Wire.number(x, "relative_change", c.relative());
            Wire.number(x, "p", c.p());
            if (!Double.isNaN(c.posterior())) {
                x.put("posterior", c.posterior());
            }
        }
        ArrayNode segs = m.putArray("segments");
        for (Segment s : r.segments()) {
            ObjectNode x = segs.addObject();
            x.put("from", s.from() == null ? null : s.from().toString());
            x.put("to", s.to() == null ? null : s.to().toString());
            x.put("start", s.start());
            x.put("end", s.end());
            x.put("observed", s.observed());
            Wire.number(x, "level", s.level().level());
            x.set("ci", ci(s.level()));
        }
        ArrayNode pulses = m.putArray("pulses");
        Pulse.of(r).forEach(p -> pulses.add(pulse(p)));
        ArrayNode outliers = m.putArray("outliers");
        r.outliers().forEach(outliers::add);
        ArrayNode spread = m.putArray("variance_changes");
        for (ShiftDetector.VarianceChange v : r.varianceChanges()) {
            ObjectNode x = spread.addObject();
            x.put("date", v.date() == null ? null : v.date().toString());
            x.put("index", v.index());
            Wire.number(x, "sd_before", v.sdBefore());
            Wire.number(x, "sd_after", v.sdAfter());
        }
        ArrayNode merged = m.putArray("merged");
        for (ShiftDetector.Merged x : r.merged()) {
            ObjectNode o = merged.addObject();
            o.put("date", x.date() == null ? null : x.date().toString());
            o.put("index", x.index());
            Wire.number(o, "jump_sd", x.jump());
        }
        ArrayNode check = m.putArray("no_change_check");
        for (ShiftResult.Fit f : r.fits()) {
            ObjectNode x = check.addObject();
            x.put("fit", f.name());
            x.put("changes", f.changes());
            Wire.number(x, "bic", f.bic());
        }
        return m;
    }

    /** A calendar cycle removed before detection: which, its test, and its profile (components or factors). */
    static ObjectNode cycle(Seasonality s) {
        ObjectNode x = JSON.createObjectNode();
        x.put("cycle", s.cycle().wire);
        x.put("kind", s.multiplicative() ? "factor" : "component");
        Wire.number(x, "f", s.f());
        Wire.number(x, "p", s.p());
        ArrayNode profile = x.putArray("profile");
        for (double v : s.profile()) {
            profile.add(v);
        }
        return x;
    }

    /** A pulse (a rise and fall, or a dip and recovery): {@code {"kind", "from", "to", "start", "end", "buckets", "before", "level", "level_ci", "after", "p"}}. */
    public static ObjectNode pulse(Pulse p) {
        ObjectNode x = JSON.createObjectNode();
        x.put("kind", p.peak() ? "peak" : "dip");
        x.put("from", p.from() == null ? null : p.from().toString());
        x.put("to", p.to() == null ? null : p.to().toString());
        x.put("start", p.start());
        x.put("end", p.end());
        x.put("buckets", p.length());
        Wire.number(x, "before", p.before().level());
        Wire.number(x, "level", p.level().level());
        x.set("level_ci", ci(p.level()));
        Wire.number(x, "after", p.after().level());
        Wire.number(x, "p", p.p());
        return x;
    }

    /** The change points as CSV under {@link #CSV_HEADER}; missing figures are empty cells. */
    public static String toCsv(ShiftResult r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (ChangePoint c : r.changes()) {
            b.append(c.date() == null ? "" : c.date().toString()).append(',').append(c.index());
            for (double d : new double[] {c.before().level(), c.before().lo(), c.before().hi(), c.after().level(), c.after().lo(),
                    c.after().hi(), c.relative(), c.p()}) {
                b.append(',').append(Double.isFinite(d) ? Double.toString(d) : "");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static ArrayNode ci(Estimate e) {
        ArrayNode a = JSON.createArrayNode();
        for (double v : new double[] {e.lo(), e.hi()}) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }
}
