package org.narrativewatch.shift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Series;

/**
 * A series as the detectors see it: one value per bucket, NaN where the bucket is missing, and for
 * shares the totals the values are counts of (k of n). Missing buckets keep their place in time
 * (a segment spanning a gap is still one segment) but add nothing to any cost.
 *
 * @param dates  bucket start dates, or null for a plain index series (e.g. benchmark data)
 * @param values the count or value per bucket; NaN = missing
 * @param totals for the binomial model: the number of trials per bucket (0 = missing); else null
 * @param exposure how much of a full bucket each bucket covers (a partial first or last week of 3 days:
 *                 3/7), or null when every bucket is whole. Count and Gaussian costs weigh a bucket by it
 *                 (a rate per full bucket); the binomial model is weighed by its totals instead.
 */
public record Observations(List<LocalDate> dates, double[] values, double[] totals, double[] exposure) {

    public Observations(List<LocalDate> dates, double[] values, double[] totals) {
        this(dates, values, totals, null);
    }

    public Observations {
        if (exposure != null) {
            if (exposure.length != values.length) {
                throw new IllegalArgumentException(exposure.length + " exposures for " + values.length + " values");
            }
            for (int i = 0; i < exposure.length; i++) {
                if (!(exposure[i] > 0) || Double.isInfinite(exposure[i])) {
                    throw new IllegalArgumentException("exposure of bucket " + i + " must be positive, not " + exposure[i]);
                }
            }
            exposure = exposure.clone();
        }
        if (dates != null && dates.size() != values.length) {
            throw new IllegalArgumentException(dates.size() + " dates for " + values.length + " values");
        }
        if (totals != null && totals.length != values.length) {
            throw new IllegalArgumentException(totals.length + " totals for " + values.length + " values");
        }
        dates = dates == null ? null : List.copyOf(dates);
    }

    /** A plain series (opinion, territory, a CSV): NaN marks a missing value. */
    public static Observations of(List<LocalDate> dates, double[] values) {
        return new Observations(dates, values.clone(), null);
    }

    /**
     * Counts from a timeline; gap buckets (no articles at all in the selection, or no covered day) become
     * missing, and partial buckets carry their exposure ({@link #exposure(Series)}).
     */
    public static Observations counts(Series s) {
        List<Bucket> b = s.buckets();
        double[] v = new double[b.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.get(i).gap() || b.get(i).days() <= 0 ? Double.NaN : b.get(i).count();
        }
        return new Observations(s.starts(), v, null, exposure(s));
    }

    /**
     * Each bucket's share of its calendar length that the numbers cover (days / 7 for a week cut by the
     * range or the corpus; days / the month's length by month), or null when every bucket is whole. A
     * bucket with no covered day gets 1 and is missing anyway.
     */
    public static double[] exposure(Series s) {
        List<Bucket> b = s.buckets();
        double[] e = new double[b.size()];
        boolean any = false;
        for (int i = 0; i < e.length; i++) {
            Bucket x = b.get(i);
            int full = s.by().length(x.start());
            e[i] = x.days() > 0 && x.days() < full ? (double) x.days() / full : 1;
            any |= e[i] < 1;
        }
        return any ? e : null;
    }

    /** k of n from a timeline: the share model's input. Gap buckets have n = 0 and carry no weight. */
    public static Observations shares(Series s) {
        List<Bucket> b = s.buckets();
        double[] k = new double[b.size()];
        double[] n = new double[b.size()];
        for (int i = 0; i < k.length; i++) {
            Bucket x = b.get(i);
            if (x.count() > x.total()) {
                throw new UserException("bucket " + x.start() + " of '" + s.label() + "' has count " + x.count()
                        + " above its total " + x.total());
            }
            k[i] = x.gap() || x.days() <= 0 ? Double.NaN : x.count();
            n[i] = x.total();
        }
        // the binomial cost is weighed by the totals; the exposure marks the cut buckets for the detector's rule
        return new Observations(s.starts(), k, n, exposure(s));
    }

    /**
     * The same series with each bucket's exposure (its share of a full bucket, e.g. days / 7 by week);
     * null = every bucket whole.
     */
    public Observations withExposure(double[] exposure) {
        return new Observations(dates, values, totals, exposure);
    }

    /** The exposure of bucket i (1 when none was given). */
    public double exposure(int i) {
        return exposure == null ? 1 : exposure[i];
    }

    public int size() {
        return values.length;
    }

    public boolean missing(int i) {
        return Double.isNaN(values[i]) || (totals != null && !(totals[i] > 0));
    }

    public int observedCount() {
        int c = 0;
        for (int i = 0; i < values.length; i++) {
            if (!missing(i)) {
                c++;
            }
        }
        return c;
    }

    public LocalDate date(int i) {
        return dates == null ? null : dates.get(i);
    }

    /** The same series with the listed buckets marked missing (outlier removal). */
    Observations withMissing(List<Integer> indices) {
        if (indices.isEmpty()) {
            return this;
        }
        double[] v = values.clone();
        for (int i : indices) {
            v[i] = Double.NaN;
        }
        return new Observations(dates == null ? null : new ArrayList<>(dates), v, totals == null ? null : totals.clone(), exposure);
    }
}
