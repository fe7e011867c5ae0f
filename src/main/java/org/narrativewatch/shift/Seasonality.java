package org.narrativewatch.shift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.special.Beta;

/**
 * A calendar cycle in a series (a weekday pattern in daily counts, a yearly one in monthly figures, a
 * monthly one in a daily balance), found and removed before change detection so that the cycle is not
 * cut into changes.
 * <p>
 * Which cycles are tried follows from the calendar, not from the data: daily series get the day of the
 * week and then the day of the month, monthly series the month of the year, quarterly ones the quarter.
 * A cycle is kept when X-11's test for stable seasonality rejects "no cycle" at 0.1%: the series is
 * detrended by a centred moving average over one cycle, and a one-way analysis of variance of the
 * detrended values by position in the cycle gives F. The profile is the mean detrended value at each
 * position, centred (additive, for Gaussian data: x − s) or normalised to a mean of 1 (multiplicative,
 * for counts, where it becomes part of each bucket's exposure: expected count = rate × exposure × s).
 * At least three cycles are needed. Written here because the seasonal-adjustment programs (X-13,
 * STL) have no maintained JVM implementation; this is their classical first stage only.
 *
 * @param cycle          what position in the calendar the profile is keyed by
 * @param profile        the seasonal component at each position (additive) or factor (multiplicative)
 * @param f              the F statistic of the test; {@code p} its p-value
 * @param multiplicative counts: factors; otherwise additive components
 */
public record Seasonality(Cycle cycle, double[] profile, double f, double p, boolean multiplicative) {

    /** X-11's level for the test of stable seasonality. */
    public static final double LEVEL = 0.001;

    public enum Cycle {
        DAY_OF_WEEK("day-of-week", 7, 7),
        DAY_OF_MONTH("day-of-month", 31, 30),
        MONTH_OF_YEAR("month-of-year", 12, 12),
        QUARTER_OF_YEAR("quarter-of-year", 4, 4);

        public final String wire;
        /** positions in the cycle */
        public final int positions;
        /** buckets in one cycle, for the centred moving average that detrends */
        public final int length;

        Cycle(String wire, int positions, int length) {
            this.wire = wire;
            this.positions = positions;
            this.length = length;
        }

        int key(LocalDate d) {
            return switch (this) {
                case DAY_OF_WEEK -> d.getDayOfWeek().getValue() - 1;
                case DAY_OF_MONTH -> (int) ((long) (d.getDayOfMonth() - 1) * 31 / d.lengthOfMonth());
                case MONTH_OF_YEAR -> d.getMonthValue() - 1;
                case QUARTER_OF_YEAR -> (d.getMonthValue() - 1) / 3;
            };
        }
    }

    /** The cycles worth testing for a series with these bucket dates (by their typical spacing). */
    public static List<Cycle> candidates(List<LocalDate> dates) {
        if (dates == null || dates.size() < 3) {
            return List.of();
        }
        long[] gaps = new long[dates.size() - 1];
        for (int i = 1; i < dates.size(); i++) {
            gaps[i - 1] = dates.get(i).toEpochDay() - dates.get(i - 1).toEpochDay();
        }
        Arrays.sort(gaps);
        long g = gaps[gaps.length / 2];
        if (g == 1) {
            return List.of(Cycle.DAY_OF_WEEK, Cycle.DAY_OF_MONTH);
        }
        if (g >= 28 && g <= 31) {
            return List.of(Cycle.MONTH_OF_YEAR);
        }
        if (g >= 89 && g <= 92) {
            return List.of(Cycle.QUARTER_OF_YEAR);
        }
        return List.of();
    }

    /**
     * Tests and removes the calendar cycles of {@code obs} one after another (each on what the previous
     * left); returns the cycles kept, and in {@code adjusted[0]} the series without them.
     */
    static List<Seasonality> remove(Observations obs, boolean multiplicative, Observations[] adjusted) {
        List<Seasonality> kept = new ArrayList<>();
        Observations cur = obs;
        for (Cycle c : candidates(obs.dates())) {
            Seasonality s = test(cur, c, multiplicative);
            if (s != null && s.p() < LEVEL) {
                kept.add(s);
                cur = s.adjust(cur);
            }
        }
        adjusted[0] = cur;
        return kept;
    }

    /** The cycle's profile and test on {@code obs} (rates x/exposure), or null with too little data. */
    static Seasonality test(Observations obs, Cycle cycle, boolean multiplicative) {
        int n = obs.size();
        int len = cycle.length;
        if (obs.observedCount() < 3 * len) {
            return null;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = obs.missing(i) ? Double.NaN : obs.values()[i] / obs.exposure(i);
        }
        int h = len / 2;
        boolean even = len % 2 == 0;
        double[] sum = new double[cycle.positions];
        double[] sumSq = new double[cycle.positions];
        int[] cnt = new int[cycle.positions];
        for (int i = h; i + h < n; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            // centred moving average over one cycle (2×len for an even length)
            double s = 0;
            boolean complete = true;
            for (int j = i - h; j <= i + h && complete; j++) {
                if (Double.isNaN(y[j])) {
                    complete = false;
                } else {
                    s += (even && (j == i - h || j == i + h) ? 0.5 : 1) * y[j];
                }
            }
            double ma = s / len;
            if (!complete || (multiplicative && !(ma > 0))) {
                continue;
            }
            double si = multiplicative ? y[i] / ma : y[i] - ma;
            int k = cycle.key(obs.date(i));
            sum[k] += si;
            sumSq[k] += si * si;
            cnt[k]++;
        }
        int groups = 0;
        int total = 0;
        double grand = 0;
        for (int k = 0; k < cycle.positions; k++) {
            if (cnt[k] > 0) {
                groups++;
                total += cnt[k];
                grand += sum[k];
            }
        }
        if (groups < 2 || total - groups < groups) {
            return null;
        }
        grand /= total;
        double between = 0;
        double within = 0;
        for (int k = 0; k < cycle.positions; k++) {
            if (cnt[k] > 0) {
                double m = sum[k] / cnt[k];
                between += cnt[k] * (m - grand) * (m - grand);
                within += sumSq[k] - cnt[k] * m * m;
            }
        }
        int df1 = groups - 1;
        int df2 = total - groups;
        double f = within > 0 ? (between / df1) / (within / df2) : Double.POSITIVE_INFINITY;
        double p = Double.isInfinite(f) ? 0 : Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2.0, df1 / 2.0);
        double[] profile = new double[cycle.positions];
        double centre = 0;
        for (int k = 0; k < cycle.positions; k++) {
            profile[k] = cnt[k] > 0 ? sum[k] / cnt[k] : multiplicative ? 1 : 0;
            centre += profile[k];
        }
        centre /= cycle.positions;
        for (int k = 0; k < cycle.positions; k++) {
            profile[k] = multiplicative ? profile[k] / centre : profile[k] - centre;
            if (multiplicative && !(profile[k] > 0)) {
                return null; // a position that never has counts: no multiplicative cycle to remove
            }
        }
        return new Seasonality(cycle, profile, f, p, multiplicative);
    }

    /** The series without the cycle: Gaussian values minus the component, or counts' exposure times the factor. */
    Observations adjust(Observations obs) {
        int n = obs.size();
        if (multiplicative) {
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = obs.exposure(i) * profile[cycle.key(obs.date(i))];
            }
            return obs.withExposure(e);
        }
        double[] v = obs.values().clone();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                v[i] -= obs.exposure(i) * profile[cycle.key(obs.date(i))];
            }
        }
        return new Observations(obs.dates(), v, obs.totals(), obs.exposure());
    }

    /** The component at bucket date {@code d} (what was subtracted, or the factor). */
    public double at(LocalDate d) {
        return profile[cycle.key(d)];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s cycle (F = %.1f, p = %.2g)", cycle.wire, f, p);
    }
}
