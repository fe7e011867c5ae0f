package org.narrativewatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure measured {@code n} times: its median and the lowest and highest value. One call on a shared 2-core
 * machine moves by 1.5–3× between runs; the median of several, with its range beside it, says how far to trust it.
 */
record Spread(double median, double min, double max, int n) {

    static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    static Spread of(List<Double> xs) {
        List<Double> finite = xs.stream().filter(x -> x != null && !Double.isNaN(x)).toList();
        if (finite.isEmpty()) {
            return NONE;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : finite) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new Spread(Measure.median(finite), min, max, finite.size());
    }

    /**
     * PostgreSQL's figure over ours (or ours over its, for rates), one ratio per pair measured side by side:
     * pair i of {@code ours} and {@code pg} ran minutes apart at most, so load drift moves both alike.
     */
    static Spread pairedRatios(List<Double> ours, List<Double> pg, Row.Better better) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(ours.size(), pg.size()); i++) {
            double o = ours.get(i);
            double p = pg.get(i);
            if (o > 0 && p > 0) {
                r.add(better == Row.Better.LOWER ? p / o : o / p);
            }
        }
        return of(r);
    }

    boolean measured() {
        return n > 0;
    }

    /** "137–186" (rounded as the table rounds), "–" when not measured, the one value when measured once. */
    String range() {
        if (!measured()) {
            return "–";
        }
        return n == 1 || min == max ? ResultTable.pretty(min) : ResultTable.pretty(min) + "–" + ResultTable.pretty(max);
    }

    /**
     * Ratios of pairs: their median and range, "0.78× (0.62–2.16)". Under a load that shifts between runs, the median
     * of paired ratios moved less from run to run than the ratio of the two medians (docs/benchmarks.md).
     */
    String ratioSummary() {
        if (!measured()) {
            return "–";
        }
        return n == 1 || min == max ? ResultTable.ratio(median)
                : ResultTable.ratio(median) + " (" + ratioNumber(min) + "–" + ratioNumber(max) + ")";
    }

    private static String ratioNumber(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.2f", x);
    }
}
