package org.narrativewatch.brief;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.narrativewatch.UserException;

/**
 * An {@code expect} clause and its judgement. Every criterion given must hold for the claim to hold; one that fails
 * makes it fail; one the data cannot decide (no data, the interval straddles the threshold's side) makes it unknown.
 * <ul>
 * <li>{@code {value: X, tolerance: T}}: |v - X| ≤ T·|X| (relative; default 0.05); {@code {min: A, max: B}}.</li>
 * <li>{@code {change: up|down, near: DATE, within_days: D}}: a change point of the figure's series in that direction
 *     whose bucket lies within D days (default 7) of DATE; {@code {change: none}}: no change point in the window.</li>
 * <li>{@code {falls_by_at_least: F}}, {@code {rises_by_at_least: F}} (a compare figure): the relative change of b
 *     against a is at least F in that direction, and its 95% interval excludes no change.</li>
 * <li>{@code {leads: a|b, lag: K}} (a leadlag figure): that series leads — a significant prewhitened
 *     cross-correlation at lag K (any positive lag when K is absent) and a Granger p below 0.05 that way.</li>
 * </ul>
 * Values may be written as numbers or as "30%" (read in the figure's unit: 30 for poll percentages, 0.30 for shares
 * and relative changes).
 */
public final class Expectation {
    static final Set<String> KEYS = Set.of("value", "tolerance", "min", "max", "change", "near", "within_days",
            "falls_by_at_least", "rises_by_at_least", "leads", "lag");
    static final double DEFAULT_TOLERANCE = 0.05;
    static final int DEFAULT_WITHIN_DAYS = 7;
    static final double GRANGER_ALPHA = 0.05;

    private Expectation() {}

    /** The judgement of one claim. */
    record Verdict(Status status, String expected, String reason) {}

    /** Unknown keys and malformed values are user errors naming FILE:LINE (checked before anything is computed). */
    static void validate(FigureSpec f, String file) {
        JsonNode e = f.expect();
        if (e == null) {
            return;
        }
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new UserException(file + ":" + f.lineOf(k) + ": figure '" + f.id() + "': unknown expect key '" + k
                        + "' (value, tolerance, min, max, change, near, within_days, falls_by_at_least, rises_by_at_least, leads, lag)");
            }
        }
        if (e.has("value") && (e.has("min") || e.has("max"))) {
            throw new UserException(at(f, file, "value") + "give value (with tolerance) or min/max, not both");
        }
        if (e.has("tolerance") && !e.has("value")) {
            throw new UserException(at(f, file, "tolerance") + "tolerance goes with value");
        }
        if (e.has("change")) {
            String c = e.get("change").asText("").toLowerCase(Locale.ROOT);
            if (!Set.of("up", "down", "none").contains(c)) {
                throw new UserException(at(f, file, "change") + "change must be up, down or none, not '" + e.get("change").asText() + "'");
            }
            if (!c.equals("none") && !e.has("near")) {
                throw new UserException(at(f, file, "change") + "change: " + c + " needs near: DATE (and within_days)");
            }
        } else if (e.has("near") || e.has("within_days")) {
            throw new UserException(at(f, file, e.has("near") ? "near" : "within_days") + "near/within_days go with change: up|down");
        }
        if (e.has("near")) {
            date(e.get("near"), at(f, file, "near"));
        }
        if (e.has("within_days") && (!e.get("within_days").canConvertToInt() || e.get("within_days").asInt() < 0)) {
            throw new UserException(at(f, file, "within_days") + "within_days must be a whole number of days ≥ 0");
        }
        if (e.has("leads")) {
            String l = e.get("leads").asText("");
            if (!l.equals("a") && !l.equals("b")) {
                throw new UserException(at(f, file, "leads") + "leads must be a or b, not '" + l + "'");
            }
            if (!"leadlag".equals(f.kind())) {
                throw new UserException(at(f, file, "leads") + "leads/lag test a leadlag figure, not " + f.kind());
            }
        } else if (e.has("lag")) {
            throw new UserException(at(f, file, "lag") + "lag goes with leads: a|b");
        }
        if ((e.has("falls_by_at_least") || e.has("rises_by_at_least")) && (f.body() == null || !f.body().has("compare"))) {
            throw new UserException(at(f, file, e.has("falls_by_at_least") ? "falls_by_at_least" : "rises_by_at_least")
                    + "falls_by_at_least/rises_by_at_least test a compare figure (compare: {a: FROM..TO, b: FROM..TO})");
        }
        if (e.size() == 0) {
            throw new UserException(at(f, file, "expect") + "expect is empty");
        }
    }

    private static String at(FigureSpec f, String file, String key) {
        return file + ":" + f.lineOf(key) + ": figure '" + f.id() + "': expect: ";
    }

    static LocalDate date(JsonNode n, String where) {
        try {
            return LocalDate.parse(n.asText("").strip());
        } catch (java.time.DateTimeException x) {
            throw new UserException(where + "'" + n.asText() + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A number as written, "30%" read in {@code unit} (percent: 30; anything else: 0.30). */
    static double number(JsonNode n, String unit, String where) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        String s = n.asText("").strip().replace(",", "").replace("_", "");
        boolean pct = s.endsWith("%");
        if (pct) {
            s = s.substring(0, s.length() - 1).strip();
        }
        try {
            double v = Double.parseDouble(s);
            return pct && !Computed.PERCENT.equals(unit) ? v / 100 : v;
        } catch (NumberFormatException x) {
            throw new UserException(where + "'" + n.asText() + "' is not a number");
        }
    }

    static Verdict judge(FigureSpec f, Computed c, String file) {
        JsonNode e = f.expect();
        if (e == null) {
            return new Verdict(c.noData != null ? Status.UNKNOWN : Status.COMPUTED, null, c.noData);
        }
        List<String> expected = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> held = new ArrayList<>();
        String where = file + ":" + f.line() + ": figure '" + f.id() + "': expect: ";
        if (e.has("value") || e.has("min") || e.has("max")) {
            valueCriterion(e, c, where, expected, held, failed, undecided);
        }
        if (e.has("change")) {
            changeCriterion(e, c, expected, held, failed, undecided);
        }
        if (e.has("falls_by_at_least") || e.has("rises_by_at_least")) {
            compareCriterion(e, c, where, expected, held, failed, undecided);
        }
        if (e.has("leads")) {
            leadCriterion(e, c, expected, held, failed, undecided);
        }
        String exp = String.join("; ", expected);
        if (c.noData != null) {
            return new Verdict(Status.UNKNOWN, exp, c.noData);
        }
        if (!failed.isEmpty()) {
            return new Verdict(Status.FAILS, exp, String.join("; ", failed));
        }
        if (!undecided.isEmpty()) {
            return new Verdict(Status.UNKNOWN, exp, String.join("; ", undecided));
        }
        return new Verdict(Status.HOLDS, exp, String.join("; ", held));
    }

    private static void valueCriterion(JsonNode e, Computed c, String where, List<String> expected, List<String> held,
                                       List<String> failed, List<String> undecided) {
        double v = c.value;
        String shown = Format.value(v, c.unit);
        if (e.has("value")) {
            double target = number(e.get("value"), c.unit, where);
            double tol = e.has("tolerance") ? number(e.get("tolerance"), Computed.RELATIVE, where) : DEFAULT_TOLERANCE;
            expected.add("value " + Format.value(target, c.unit) + " ± " + Format.percent(tol));
            if (Double.isNaN(v)) {
                undecided.add("the figure has no value to compare");
            } else if (c.countCut != null && v <= target + tol * Math.abs(target)) {
                undecided.add(c.countCut);
            } else if (Math.abs(v - target) <= tol * Math.abs(target) + 1e-12) {
                held.add(shown + " is within " + Format.percent(tol) + " of " + Format.value(target, c.unit));
            } else {
                failed.add(shown + " is " + Format.percent(Math.abs(v - target) / Math.abs(target)) + " off "
                        + Format.value(target, c.unit) + " (tolerance " + Format.percent(tol) + ")");
            }
            return;
        }
        Double min = e.has("min") ? number(e.get("min"), c.unit, where) : null;
        Double max = e.has("max") ? number(e.get("max"), c.unit, where) : null;
        expected.add((min != null ? "≥ " + Format.value(min, c.unit) : "") + (min != null && max != null ? " and " : "")
                + (max != null ? "≤ " + Format.value(max, c.unit) : ""));
        if (Double.isNaN(v)) {
            undecided.add("the figure has no value to compare");
        } else if (c.countCut != null) {
            // a count over fewer days than the window: only what more days cannot undo decides
            if (max != null && v > max) {
                failed.add(shown + " is above " + Format.value(max, c.unit) + " already over the days covered");
            } else if (min != null && v >= min && max == null) {
                held.add(shown + " reaches " + Format.value(min, c.unit) + " already over the days covered");
            } else {
                undecided.add(c.countCut);
            }
        } else if ((min == null || v >= min) && (max == null || v <= max)) {
            held.add(shown + " is in range");
        } else {
            failed.add(shown + (min != null && v < min ? " is below " + Format.value(min, c.unit) : " is above " + Format.value(max, c.unit)));
        }
    }

    private static void changeCriterion(JsonNode e, Computed c, List<String> expected, List<String> held, List<String> failed,
                                        List<String> undecided) {
        String dir = e.get("change").asText().toLowerCase(Locale.ROOT);
        if (c.changes == null) {
            undecided.add("this figure has no series to find changes in");
            expected.add("change " + dir);
            return;
        }
        List<Change> whole = c.changes.stream().filter(ch -> !ch.restsOnPartial()).toList();
        List<Change> onPartial = c.changes.stream().filter(Change::restsOnPartial).toList();
        if (dir.equals("none")) {
            expected.add("no change point in the window");
            if (!whole.isEmpty()) {
                failed.add(whole.size() + " change point(s): " + describe(whole));
            } else if (!onPartial.isEmpty()) {
                undecided.add("the only change point(s) rest on partial buckets: " + describe(onPartial) + " ("
                        + onPartial.get(0).partialOnly() + ")");
            } else {
                held.add("no change point between " + c.dataFrom + " and " + c.dataTo);
            }
            return;
        }
        LocalDate near = LocalDate.parse(e.get("near").asText().strip());
        int within = e.has("within_days") ? e.get("within_days").asInt() : DEFAULT_WITHIN_DAYS;
        expected.add("change " + dir + " within " + within + " days of " + near);
        if (c.dataFrom == null || near.isBefore(c.dataFrom.minusDays(within)) || near.isAfter(c.dataTo.plusDays(within))) {
            undecided.add("no data around " + near + (c.dataFrom == null ? "" : " (the series has data " + c.dataFrom + " to " + c.dataTo + ")"));
            return;
        }
        boolean up = dir.equals("up");
        Change best = nearest(whole, up, near, within);
        Change partialOnly = nearest(onPartial, up, near, within);
        if (best != null) {
            held.add("change " + dir + " at " + span(best) + " (" + level(best) + ", p " + Format.p(best.p()) + "), "
                    + best.daysFrom(near) + " days from " + near);
        } else if (partialOnly != null) {
            // a change the partial bucket's length may have made: neither proof nor disproof of the claim
            undecided.add("the change " + dir + " at " + span(partialOnly) + " rests on a partial bucket: "
                    + partialOnly.partialOnly());
        } else {
            failed.add("no change " + dir + " within " + within + " days of " + near
                    + (c.changes.isEmpty() ? " (no change points at all)" : "; change points: " + describe(c.changes)));
        }
    }

    private static Change nearest(List<Change> changes, boolean up, LocalDate near, int within) {
        Change best = null;
        for (Change ch : changes) {
            if (ch.up() == up && ch.daysFrom(near) <= within && (best == null || ch.daysFrom(near) < best.daysFrom(near))) {
                best = ch;
            }
        }
        return best;
    }

    static String span(Change ch) {
        return ch.date().equals(ch.end()) ? ch.date().toString() : ch.date() + ".." + ch.end();
    }

    /** "level 0.4 → 5.5 (+1,200%)": the detector's levels either side, and the relative change when defined. */
    static String level(Change ch) {
        return Format.number(ch.before()) + " → " + Format.number(ch.after())
                + (Double.isFinite(ch.relative()) ? " " + Format.signedPercent(ch.relative()) : "");
    }

    static String describe(List<Change> changes) {
        List<String> s = new ArrayList<>();
        for (Change ch : changes) {
            s.add(span(ch) + " " + (ch.up() ? "up" : "down") + (ch.restsOnPartial() ? " (on a partial bucket)" : ""));
        }
        return String.join(", ", s);
    }

    private static void compareCriterion(JsonNode e, Computed c, String where, List<String> expected, List<String> held,
                                         List<String> failed, List<String> undecided) {
        boolean falls = e.has("falls_by_at_least");
        double t = number(e.get(falls ? "falls_by_at_least" : "rises_by_at_least"), Computed.RELATIVE, where);
        expected.add((falls ? "falls" : "rises") + " by at least " + Format.percent(t));
        Relative r = c.compare;
        if (r == null || Double.isNaN(r.change())) {
            undecided.add("no comparison could be made");
            return;
        }
        String shown = Format.signedPercent(r.change()) + " [95% " + Format.signedPercent(r.lo()) + ", " + Format.signedPercent(r.hi()) + "]";
        boolean meets = falls ? r.change() <= -t : r.change() >= t;
        if (!meets) {
            failed.add(shown + (falls ? " is not a fall of " : " is not a rise of ") + Format.percent(t));
        } else if (!r.decided()) {
            undecided.add(shown + ": the 95% interval includes no change, so the data cannot tell");
        } else {
            held.add(shown);
        }
    }

    private static void leadCriterion(JsonNode e, Computed c, List<String> expected, List<String> held, List<String> failed,
                                      List<String> undecided) {
        String who = e.get("leads").asText();
        Integer lag = e.has("lag") ? e.get("lag").asInt() : null;
        expected.add(who + " leads" + (lag == null ? "" : " by " + lag + " step(s)"));
        LeadLagOutcome o = c.leadLag;
        if (o == null) {
            undecided.add("no lead-lag result");
            return;
        }
        int sign = who.equals("a") ? 1 : -1;
        double p = who.equals("a") ? o.pAtoB() : o.pBtoA();
        List<Integer> wanted = o.significantLags().stream().filter(k -> k * sign > 0 && (lag == null || k * sign == lag)).toList();
        String pText = Double.isNaN(p) ? "Granger not testable" : "Granger p " + Format.p(p);
        if (Double.isNaN(p)) {
            undecided.add(pText + " (too few observations)");
        } else if (!wanted.isEmpty() && p < GRANGER_ALPHA) {
            held.add("significant cross-correlation at lag " + wanted.get(0) * sign + " (" + o.step() + "), " + pText);
        } else {
            failed.add((wanted.isEmpty() ? "no significant cross-correlation " + (lag == null ? "at a positive lag" : "at lag " + lag)
                    + " with " + who + " first" : "cross-correlation fits") + ", " + pText
                    + (o.significantLags().isEmpty() ? "" : "; significant lags (A first > 0): " + o.significantLags()));
        }
    }
}
