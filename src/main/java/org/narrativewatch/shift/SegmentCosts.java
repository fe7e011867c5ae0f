package org.narrativewatch.shift;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The segment costs, with the same definitions as R changepoint's C code (cost_general_functions.c)
 * so that results can be compared with cpt.mean / cpt.meanvar:
 * <ul>
 * <li>normal-mean: S2 - S1^2/m on the series divided by its scale (R's mll.mean assumes variance 1);</li>
 * <li>normal-meanvar: m (log 2π + log σ̂² + 1), σ̂² = (S2 - S1²/m)/m on the raw series, replaced by
 * 1e-11 when it is ≤ 0, exactly as mll.meanvar does (the cost is scale-free apart from that floor,
 * so the series is not rescaled);</li>
 * <li>poisson: 2 S1 (log m - log S1), 0 when S1 = 0 (mll.meanvar.poisson; under MBIC a segment whose
 * sum is 0 is not charged its log-length either, as in R);</li>
 * <li>binomial (not in R): -2 [K log p + (N-K) log(1-p)], p = K/N, the exact binomial deviance;</li>
 * <li>normal-trend (not in R): residual sum of squares of a least-squares line over the scaled series;</li>
 * <li>normal-trendvar (not in R): m (log 2π + log σ̂² + 1) with σ̂² the residual variance about the segment's
 * least-squares line, on the raw series, never below a floor tied to the series' own noise
 * ({@link #varianceFloor}).</li>
 * </ul>
 * m counts observed buckets only. With an {@linkplain Observations#exposure() exposure} e per bucket
 * (a partial bucket), the count costs use Σe for m (a Poisson rate per full bucket), and the Gaussian
 * costs are weighted least squares on x/e with weights e (the mean of e full-bucket units has variance
 * σ²/e); with every e = 1 both are the plain costs above, to the bit.
 * The prefix sums are accumulated with a compensated sum, which rounds like R's cumsum (long double
 * accumulation), so ties and near-ties resolve as in R.
 * Written here because no maintained Java library offers change-point costs; distributions for the
 * intervals come from Hipparchus.
 */
public final class SegmentCosts {
    private SegmentCosts() {}

    /** R's mll.meanvar: a variance ≤ 0 (a constant segment) becomes this. */
    static final double VARIANCE_FLOOR = 1e-11;

    /** The cost of {@code model} over {@code obs}; {@code scale} divides Gaussian data (1 = none). */
    public static SegmentCost of(Model model, Observations obs, double scale) {
        return of(model, obs, scale, 1);
    }

    /**
     * As {@link #of(Model, Observations, double)}, with count costs divided by an over-dispersion
     * factor φ ≥ 1 (quasi-likelihood; φ = 1 is the pure Poisson or binomial deviance).
     */
    public static SegmentCost of(Model model, Observations obs, double scale, double dispersion) {
        if (!(dispersion >= 1)) {
            throw new IllegalArgumentException("dispersion must be >= 1: " + dispersion);
        }
        return switch (model) {
            case POISSON -> new Poisson(obs, 1 / dispersion);
            case BINOMIAL -> new Binomial(obs, 1 / dispersion);
            case NORMAL_MEAN -> new Gaussian(obs, scale, false, false);
            case NORMAL_MEANVAR -> new Gaussian(obs, 1, true, false);
            case NORMAL_TREND -> new Gaussian(obs, scale, false, true);
            case NORMAL_TREND_VAR -> new TrendVariance(obs, varianceFloor(obs), 1);
            // its size is estimated with the segmentation (NegativeBinomial.search), not known up front
            case NEGATIVE_BINOMIAL -> throw new IllegalArgumentException("the negative binomial cost needs its size: NegativeBinomial.Cost");
        };
    }

    /**
     * A line and a variance per segment, the cost multiplied by {@code weight} (1 = the likelihood; below 1 a
     * quasi-likelihood for autocorrelated noise, see {@link ShiftDetector}).
     */
    public static SegmentCost trendVariance(Observations obs, double floor, double weight) {
        return new TrendVariance(obs, floor, weight);
    }

    /** A segment's variance is never taken below this share of the series' noise variance. */
    static final double FLOOR_SHARE = 0.01;

    /**
     * The floor of a segment's variance in the line-and-variance model: 1% of the noise variance of the
     * whole series, estimated robustly from second differences of neighbouring observed buckets (a line's
     * second differences are 0; white noise's have variance 6σ²; the median ignores steps and spikes).
     * Without a floor, a stretch that happens to lie on a line (an interpolated or rounded stretch, a run
     * of equal values) has a log-variance near −∞ and buys changes around it. Series whose second
     * differences are mostly 0 fall back to the spread around the no-change line.
     */
    static double varianceFloor(Observations obs) {
        int n = obs.size();
        double[] d = new double[Math.max(0, n)];
        int c = 0;
        int a = -1;
        int b = -1;
        for (int i = 0; i < n; i++) {
            if (obs.missing(i)) {
                continue;
            }
            if (a >= 0 && b == i - 1 && a == i - 2) {
                double x0 = obs.values()[a] / obs.exposure(a);
                double x1 = obs.values()[b] / obs.exposure(b);
                double x2 = obs.values()[i] / obs.exposure(i);
                d[c++] = Math.abs(x2 - 2 * x1 + x0);
            }
            a = b;
            b = i;
        }
        double sd = 0;
        if (c >= 3) {
            double[] s = java.util.Arrays.copyOf(d, c);
            java.util.Arrays.sort(s);
            double med = c % 2 == 1 ? s[c / 2] : (s[c / 2 - 1] + s[c / 2]) / 2;
            sd = 1.4826 * med / Math.sqrt(6);
        }
        if (!(sd > 0)) {
            sd = ShiftDetector.nullScale(obs, true);
        }
        return Math.max(FLOOR_SHARE * sd * sd, Double.MIN_NORMAL);
    }

    /** Running sum with Neumaier's compensation: each partial sum as if accumulated in extended precision. */
    static final class Sum {
        private double sum;
        private double comp;

        double add(double v) {
            double t = sum + v;
            if (Math.abs(sum) >= Math.abs(v)) {
                comp += (sum - t) + v;
            } else {
                comp += (v - t) + sum;
            }
            sum = t;
            return sum + comp;
        }

        double value() {
            return sum + comp;
        }
    }

    /**
     * Prefix sums over observed buckets: count, Σe (exposure), Σx, Σx²/e (for Gaussian data, x divided
     * by the scale; Σx²/e is the weighted Σ e (x/e)²).
     */
    abstract static class Prefix implements SegmentCost {
        final int n;
        final long[] cnt;
        /** Σ exposure; null when every bucket is whole (then it equals cnt). */
        final double[] sw;
        final double[] s1;
        final double[] s2;

        Prefix(Observations obs, double scale) {
            n = obs.size();
            cnt = new long[n + 1];
            s1 = new double[n + 1];
            s2 = new double[n + 1];
            sw = obs.exposure() == null ? null : new double[n + 1];
            Sum a = new Sum();
            Sum b = new Sum();
            Sum w = new Sum();
            for (int i = 0; i < n; i++) {
                boolean miss = obs.missing(i);
                double x = miss ? 0 : obs.values()[i] / scale;
                double e = obs.exposure(i);
                cnt[i + 1] = cnt[i] + (miss ? 0 : 1);
                s1[i + 1] = a.add(x);
                s2[i + 1] = b.add(sw == null ? x * x : x * x / e);
                if (sw != null) {
                    sw[i + 1] = w.add(miss ? 0 : e);
                }
            }
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public int observed(int start, int end) {
            return (int) (cnt[end] - cnt[start]);
        }

        /** Σ exposure of the observed buckets in [start, end): their number when all are whole. */
        final double weight(int start, int end) {
            return sw == null ? (double) (cnt[end] - cnt[start]) : sw[end] - sw[start];
        }
    }

    static final class Poisson extends Prefix {
        /** log m for every possible observed count: one logarithm less per evaluation in PELT's inner loop. */
        private final double[] logCount;

        final double weight;

        Poisson(Observations obs, double weight) {
            super(obs, 1);
            this.weight = weight;
            logCount = new double[n + 1];
            for (int i = 1; i <= n; i++) {
                logCount[i] = Math.log(i);
            }
            for (int i = 0; i < obs.size(); i++) {
                double v = obs.values()[i];
                if (!Double.isNaN(v) && (v < 0 || v != Math.rint(v))) {
                    throw new org.narrativewatch.UserException("the poisson model needs counts (whole numbers >= 0); bucket " + i
                            + (obs.date(i) == null ? "" : " (" + obs.date(i) + ")") + " is " + v);
                }
            }
        }

        @Override
        public double cost(int start, int end) {
            double x = s1[end] - s1[start];
            if (sw == null) {
                int m = (int) (cnt[end] - cnt[start]);
                return x <= 0 || m == 0 ? 0 : 2 * weight * x * (logCount[m] - Math.log(x));
            }
            double e = sw[end] - sw[start];
            return x <= 0 || !(e > 0) ? 0 : 2 * weight * x * (Math.log(e) - Math.log(x));
        }

        /** R's mbic_meanvar_poisson: no log-length for a segment whose sum is 0. */
        @Override
        public double lengthCharge(int start, int end) {
            return s1[end] - s1[start] <= 0 ? 0 : Math.log(Math.max(1, observed(start, end)));
        }

        @Override
        public Estimate estimate(int start, int end, int at, double sigma) {
            long m = cnt[end] - cnt[start];
            double k = s1[end] - s1[start];
            if (m == 0) {
                return Estimate.NONE;
            }
            double e = weight(start, end);
            // Garwood's exact interval for a Poisson total, divided by the exposure (buckets).
            double lo = k == 0 ? 0 : chiSquaredQuantile(2 * k, 0.025) / 2 / e;
            double hi = chiSquaredQuantile(2 * k + 2, 0.975) / 2 / e;
            return new Estimate(k / e, lo, hi);
        }
    }

    /** From this many degrees of freedom on, χ² quantiles are Wilson and Hilferty's. */
    static final double WILSON_HILFERTY_FROM = 1e6;

    /**
     * The p-quantile of χ² with df degrees of freedom: Hipparchus' below {@link #WILSON_HILFERTY_FROM}, and from there
     * the Wilson–Hilferty cube-root normal approximation, df (1 − c + z √c)³ with c = 2 / (9 df). Why: Hipparchus' root
     * search loses accuracy at large df (at 10^10 its quantile is off by 3e-6 of the interval's half-width, at 10^16 by
     * most of it, or it fails to bracket: Poisson totals of that size occur, e.g. monetary series read as counts),
     * while Wilson–Hilferty's error falls with df: within 2e-8 of the half-width of Hipparchus' value at 10^6 and 10^8.
     */
    static double chiSquaredQuantile(double df, double p) {
        if (df < WILSON_HILFERTY_FROM) {
            return new ChiSquaredDistribution(df).inverseCumulativeProbability(p);
        }
        double z = new org.hipparchus.distribution.continuous.NormalDistribution().inverseCumulativeProbability(p);
        double c = 2 / (9 * df);
        double q = 1 - c + z * Math.sqrt(c);
        return df * q * q * q;
    }

    /** k of n per bucket: the prefix sums hold Σk (s1) and, here, Σn. */
    static final class Binomial extends Prefix {
        final double[] sn;
        private final double weight;

        Binomial(Observations obs, double weight) {
            super(obs, 1);
            if (obs.totals() == null) {
                throw new org.narrativewatch.UserException("the binomial model needs totals (k of n per bucket)");
            }
            this.weight = weight;
            sn = new double[n + 1];
            Sum tot = new Sum();
            for (int i = 0; i < n; i++) {
                boolean miss = obs.missing(i);
                double k = miss ? 0 : obs.values()[i];
                double t = miss ? 0 : obs.totals()[i];
                if (!miss && (k < 0 || k > t)) {
                    throw new org.narrativewatch.UserException("bucket " + i + (obs.date(i) == null ? "" : " (" + obs.date(i) + ")")
                            + ": count " + k + " is not between 0 and its total " + t);
                }
                sn[i + 1] = tot.add(t);
            }
        }

        @Override
        public double cost(int start, int end) {
            double k = s1[end] - s1[start];
            double t = sn[end] - sn[start];
            if (t <= 0) {
                return 0;
            }
            double c = 0;
            if (k > 0) {
                c -= k * Math.log(k / t);
            }
            if (t - k > 0) {
                c -= (t - k) * Math.log((t - k) / t);
            }
            return 2 * weight * c;
        }

        @Override
        public Estimate estimate(int start, int end, int at, double sigma) {
            double k = s1[end] - s1[start];
            double t = sn[end] - sn[start];
            if (t <= 0) {
                return Estimate.NONE;
            }
            // Clopper-Pearson exact interval.
            double lo = k == 0 ? 0 : new BetaDistribution(k, t - k + 1).inverseCumulativeProbability(0.025);
            double hi = k == t ? 1 : new BetaDistribution(k + 1, t - k).inverseCumulativeProbability(0.975);
            return new Estimate(k / t, lo, hi);
        }
    }

    static class Gaussian extends Prefix {
        final double scale;
        final boolean meanvar;
        final boolean trend;
        /** weighted Σt, Σt², Σxt for the trend model (t = bucket index) */
        final double[] st;
        final double[] stt;
        final double[] sxt;

        Gaussian(Observations obs, double scale, boolean meanvar, boolean trend) {
            super(obs, scale);
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("scale must be positive: " + scale);
            }
            this.scale = scale;
            this.meanvar = meanvar;
            this.trend = trend;
            if (trend) {
                st = new double[n + 1];
                stt = new double[n + 1];
                sxt = new double[n + 1];
                Sum a = new Sum();
                Sum b = new Sum();
                Sum c = new Sum();
                for (int i = 0; i < n; i++) {
                    boolean miss = obs.missing(i);
                    double x = miss ? 0 : obs.values()[i] / scale;
                    double w = miss ? 0 : obs.exposure(i);
                    st[i + 1] = a.add(w * i);
                    stt[i + 1] = b.add(w * i * (double) i);
                    sxt[i + 1] = c.add(x * i);
                }
            } else {
                st = stt = sxt = null;
            }
        }

        /** Residual (weighted) sum of squares about the segment mean or line, in scaled units. */
        double rss(int start, int end) {
            long m = cnt[end] - cnt[start];
            if (m == 0) {
                return 0;
            }
            if (trend && m < 3) {
                return 0; // a line passes through one or two points exactly
            }
            double w = weight(start, end);
            double a = s1[end] - s1[start];
            double ss = (s2[end] - s2[start]) - a * a / w;
            if (trend) {
                double t = st[end] - st[start];
                double vt = (stt[end] - stt[start]) - t * t / w;
                double cxt = (sxt[end] - sxt[start]) - a * t / w;
                if (vt > 0) {
                    ss -= cxt * cxt / vt;
                }
            }
            return Math.max(ss, 0);
        }

        @Override
        public double cost(int start, int end) {
            long m = cnt[end] - cnt[start];
            if (m == 0) {
                return 0;
            }
            if (!meanvar && !trend) { // the hot case in PELT's inner loop; R's mll.mean, unclamped like R
                double a = s1[end] - s1[start];
                return (s2[end] - s2[start]) - a * a / weight(start, end);
            }
            if (!meanvar) {
                return rss(start, end);
            }
            double a = s1[end] - s1[start];
            double var = ((s2[end] - s2[start]) - a * a / weight(start, end)) / m;
            if (var <= 0) {
                var = VARIANCE_FLOOR;
            }
            return m * (Math.log(2 * Math.PI) + Math.log(var) + 1);
        }

        @Override
        public double residualSumOfSquares(int start, int end) {
            return rss(start, end) * scale * scale;
        }

        @Override
        public Estimate estimate(int start, int end, int at, double sigma) {
            long m = cnt[end] - cnt[start];
            if (m == 0) {
                return Estimate.NONE;
            }
            double w = weight(start, end);
            double mean = (s1[end] - s1[start]) / w * scale;
            int dof = (int) m - (trend && m >= 3 ? 2 : 1);
            double sd = Double.isNaN(sigma) ? (dof > 0 ? Math.sqrt(residualSumOfSquares(start, end) / dof) : Double.NaN) : sigma;
            double q = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.975) : Double.NaN;
            if (trend && m >= 3) {
                double tbar = (st[end] - st[start]) / w;
                double vt = (stt[end] - stt[start]) - tbar * tbar * w;
                if (vt > 0) {
                    double slope = ((sxt[end] - sxt[start]) - tbar * (s1[end] - s1[start])) / vt * scale;
                    double fit = mean + slope * (at - tbar);
                    double se = sd * Math.sqrt(1.0 / w + (at - tbar) * (at - tbar) / vt);
                    return new Estimate(fit, fit - q * se, fit + q * se);
                }
            }
            double se = sd / Math.sqrt(w);
            return new Estimate(mean, mean - q * se, mean + q * se);
        }
    }

    /**
     * A line and its own variance per segment: m (log 2π + log max(σ̂², floor) + 1), σ̂² = RSS/m about the
     * (exposure-weighted) least-squares line, times a weight.
     */
    static final class TrendVariance extends Gaussian {
        final double floor;
        final double weight;

        TrendVariance(Observations obs, double floor, double weight) {
            super(obs, 1, false, true);
            if (!(floor > 0) || !(weight > 0)) {
                throw new IllegalArgumentException("floor and weight must be positive: " + floor + ", " + weight);
            }
            this.floor = floor;
            this.weight = weight;
        }

        @Override
        public double cost(int start, int end) {
            long m = cnt[end] - cnt[start];
            if (m == 0) {
                return 0;
            }
            return weight * m * (LOG_2PI + Math.log(variance(start, end)) + 1);
        }

        /** The segment's residual variance, at least the floor. */
        double variance(int start, int end) {
            long m = cnt[end] - cnt[start];
            return Math.max(rss(start, end) / m, floor);
        }
    }

    private static final double LOG_2PI = Math.log(2 * Math.PI);
}
