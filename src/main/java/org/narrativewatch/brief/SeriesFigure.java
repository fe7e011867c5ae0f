package org.narrativewatch.brief;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import org.narrativewatch.UserException;
import org.narrativewatch.opinion.DatedValues;
import org.narrativewatch.shift.Observations;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/**
 * {@code series: {file, column, from, to, date, max_days, compare: {a, b}}}: any dated CSV (trade, production,
 * prices; read as {@code nwatch opinion leadlag} reads it: a date column and the named value column, else 'value',
 * 'share' or the second). The value is the one at (or nearest) {@code date}, the mean ratio of two windows with
 * {@code compare}, else the last value of the window; the change points of the window are always computed
 * (the shift detector's choice for date,value series, as {@code nwatch shifts --csv}).
 */
final class SeriesFigure implements FigureKind {
    static final Set<String> KEYS = Set.of("file", "column", "from", "to", "date", "max_days", "compare");

    @Override
    public String name() {
        return "series";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    /** The CSV's values in [from, to], with its file. */
    record Loaded(NavigableMap<LocalDate, Double> values, Path file, String column) {}

    static Loaded load(Keys k, BriefContext ctx, Computed c) {
        Path file = ctx.file(k.required("file", "a CSV with a date column and a value column"), k.at("file"));
        String column = k.text("column");
        NavigableMap<LocalDate, Double> all;
        try {
            all = DatedValues.read(file, column);
        } catch (UserException e) {
            throw new UserException(k.at(column != null && e.getMessage().contains("no column") ? "column" : "file") + e.getMessage());
        }
        LocalDate from = k.date("from");
        LocalDate to = k.date("to");
        NavigableMap<LocalDate, Double> in = all.subMap(from == null ? LocalDate.MIN : from, true, to == null ? LocalDate.MAX : to, true);
        c.files.add(ctx.hash(file));
        return new Loaded(in, file, column);
    }

    @Override
    public Computed compute(Keys k, BriefContext ctx) {
        Computed c = new Computed();
        Loaded l = load(k, ctx, c);
        NavigableMap<LocalDate, Double> v = l.values();
        List<LocalDate> dates = new ArrayList<>();
        List<Double> finite = new ArrayList<>();
        for (Map.Entry<LocalDate, Double> e : v.entrySet()) {
            if (Double.isFinite(e.getValue())) {
                dates.add(e.getKey());
                finite.add(e.getValue());
            }
        }
        String range = (k.has("from") ? k.text("from") : "the start") + ".." + (k.has("to") ? k.text("to") : "the end");
        c.field("file", l.file().toString());
        if (dates.isEmpty()) {
            c.noData = "no values in " + l.file().getFileName() + " between " + range;
            return c;
        }
        c.dataFrom = dates.get(0);
        c.dataTo = dates.get(dates.size() - 1);
        double[] values = v.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<LocalDate> allDates = new ArrayList<>(v.keySet());
        c.field("first", finite.get(0)).field("last", finite.get(finite.size() - 1)).field("points", finite.size())
                .field("from", c.dataFrom.toString()).field("to", c.dataTo.toString());
        LocalDate date = k.date("date");
        Keys compare = k.object("compare");
        if (date != null && compare != null) {
            throw new UserException(k.at() + "give date: (a value) or compare: (two windows), not both");
        }
        if (date != null) {
            int maxDays = k.integer("max_days", 45, 0, 3660);
            int best = 0;
            for (int i = 1; i < dates.size(); i++) {
                if (Math.abs(ChronoUnit.DAYS.between(dates.get(i), date)) < Math.abs(ChronoUnit.DAYS.between(dates.get(best), date))) {
                    best = i;
                }
            }
            long away = Math.abs(ChronoUnit.DAYS.between(dates.get(best), date));
            if (away > maxDays) {
                c.noData = "no value within " + maxDays + " days of " + date + " (nearest " + dates.get(best) + "; data " + c.dataFrom + " to " + c.dataTo + ")";
            }
            c.value(finite.get(best), "value").field("date", dates.get(best).toString());
        } else if (compare != null) {
            compare.allow(Set.of("a", "b"));
            LocalDate[] a = compare.window("a");
            LocalDate[] b = compare.window("b");
            Relative r = compareMeans(v, a, b);
            c.compare = r;
            c.value(r.change(), Computed.RELATIVE).interval(r.lo(), r.hi());
            c.field("a", r.a()).field("b", r.b()).field("change", r.change()).field("lo", r.lo()).field("hi", r.hi());
            if (Double.isNaN(r.change())) {
                c.noData = r.method();
            }
        } else {
            c.value(finite.get(finite.size() - 1), "value").field("date", c.dataTo.toString());
        }
        List<Chart.Marker> markers = new ArrayList<>();
        if (finite.size() >= 3) {
            ShiftResult r = ShiftDetector.detect(Observations.of(allDates, values), ShiftOptions.DEFAULT);
            List<Change> changes = new ArrayList<>();
            for (var cp : r.changes()) {
                LocalDate prev = allDates.get(Math.max(0, cp.index() - 1));
                changes.add(new Change(prev.plusDays(1), cp.date(), cp.before().level(), cp.after().level(), cp.relative(), cp.p()));
                markers.add(new Chart.Marker(cp.date(), "change " + cp.date(), cp.after().level() > cp.before().level()
                        ? Chart.MarkerKind.CHANGE_UP : Chart.MarkerKind.CHANGE_DOWN));
            }
            c.changes = changes;
            c.field("model", r.model().wire).field("changes", changes.size());
        } else {
            c.changes = List.of();
        }
        List<Chart.Window> windows = new ArrayList<>();
        if (compare != null) {
            windows.add(new Chart.Window("a", compare.window("a")[0], compare.window("a")[1]));
            windows.add(new Chart.Window("b", compare.window("b")[0], compare.window("b")[1]));
        }
        String label = l.file().getFileName() + (l.column() == null ? "" : " · " + l.column());
        c.chart = new Chart(label, List.of(new Chart.Line(label, allDates, values, null, null, false)), allDates.get(0),
                allDates.get(allDates.size() - 1), windows, markers, List.of());
        boolean twoColumns = l.column() == null;
        c.commands.add((twoColumns ? "nwatch shifts --csv " + BriefContext.sh(l.file().toString()) : "nwatch shifts --csv FILE (the "
                + l.column() + " column of " + BriefContext.sh(l.file().toString()) + " as date,value)")
                + (k.has("from") ? " --from " + k.text("from") : "") + (k.has("to") ? " --to " + k.text("to") : "") + " --format json");
        return c;
    }

    /**
     * Mean of window b against mean of window a, with the delta-method 95% interval of the log ratio from each
     * window's sample variance (Welch-style: the windows may differ in spread and length).
     */
    static Relative compareMeans(NavigableMap<LocalDate, Double> v, LocalDate[] a, LocalDate[] b) {
        double[] ma = stats(v.subMap(a[0], true, a[1], true));
        double[] mb = stats(v.subMap(b[0], true, b[1], true));
        String la = a[0] + ".." + a[1];
        String lb = b[0] + ".." + b[1];
        if (ma[0] == 0 || mb[0] == 0) {
            return new Relative(la, lb, ma[1], mb[1], Double.NaN, Double.NaN, Double.NaN,
                    "no values in window " + (ma[0] == 0 ? "a " + la : "b " + lb));
        }
        if (ma[1] <= 0 || mb[1] <= 0) {
            double ch = ma[1] == 0 ? Double.NaN : (mb[1] - ma[1]) / Math.abs(ma[1]);
            return new Relative(la, lb, ma[1], mb[1], ch, Double.NaN, Double.NaN,
                    "means not both positive: relative change without an interval");
        }
        double se = Math.sqrt(ma[2] / (ma[0] * ma[1] * ma[1]) + mb[2] / (mb[0] * mb[1] * mb[1]));
        double lr = Math.log(mb[1] / ma[1]);
        if (ma[0] < 2 || mb[0] < 2) {
            return new Relative(la, lb, ma[1], mb[1], mb[1] / ma[1] - 1, Double.NaN, Double.NaN,
                    "a window has one value: no interval");
        }
        return new Relative(la, lb, ma[1], mb[1], mb[1] / ma[1] - 1, Math.exp(lr - 1.959964 * se) - 1,
                Math.exp(lr + 1.959964 * se) - 1, "mean of window b over mean of window a; 95% interval of the log ratio (delta method, each window's sample variance)");
    }

    /** {n, mean, sample variance} of the finite values. */
    private static double[] stats(Map<LocalDate, Double> w) {
        double n = 0;
        double s = 0;
        double ss = 0;
        for (double x : w.values()) {
            if (Double.isFinite(x)) {
                n++;
                s += x;
                ss += x * x;
            }
        }
        double mean = n == 0 ? Double.NaN : s / n;
        double var = n < 2 ? 0 : (ss - n * mean * mean) / (n - 1);
        return new double[] {n, mean, Math.max(0, var)};
    }
}
