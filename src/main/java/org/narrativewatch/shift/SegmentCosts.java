package org.narrativewatch.shift;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The segment costs, with the same definitions as R changepoint's C code (cost_general_functions.c)
 * so that results can be compared with cpt.mean / cpt.meanvar:
 * <ul>
 * <li>normal-mean: S2 - S1^2/m on the series divided by its scale (R's mll.mean assumes variance 1);</li>
 * <li>normal-meanvar: m (log 2π + log σ̂² + 1), σ̂² = (S2 - S1²/m)/m floored at 1e-11 (mll.meanvar);</li>
 * <li>poisson: 2 S1 (log m - log S1), 0 when S1 = 0 (mll.meanvar.poisson);</li>
 * <li>binomial (not in R): -2 [K log p + (N-K) log(1-p)], p = K/N, the exact binomial deviance;</li>
 * <li>normal-trend (not in R): residual sum of squares of a least-squares line over the scaled series.</li>
 * </ul>
 * m counts observed buckets only. Written here because no maintained Java library offers
 * change-point costs; distributions for the intervals come from Hipparchus.
 */
public final class SegmentCosts {
    private SegmentCosts() {}

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
            case NORMAL_MEANVAR -> new Gaussian(obs, scale, true, false);
            case NORMAL_TREND -> new Gaussian(obs, scale, false, true);
        };
    }

    /** Prefix sums over observed buckets: count, Σx, Σx², Σt, Σt², Σxt, Σn (t = bucket index). */
    private abstract static class Prefix implements SegmentCost {
        final int n;
        final long[] cnt;
        final double[] s1;
        final double[] s2;

        Prefix(Observations obs, double scale) {
            n = obs.size();
            cnt = new long[n + 1];
            s1 = new double[n + 1];
            s2 = new double[n + 1];
            for (int i = 0; i < n; i++) {
                boolean miss = obs.missing(i);
                double x = miss ? 0 : obs.values()[i] / scale;
                cnt[i + 1] = cnt[i] + (miss ? 0 : 1);
                s1[i + 1] = s1[i] + x;
                s2[i + 1] = s2[i] + x * x;
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
    }

    static final class Poisson extends Prefix {
        /** log m for every possible observed count: one logarithm less per evaluation in PELT's inner loop. */
        private final double[] logCount;

        private final double weight;

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
            int m = (int) (cnt[end] - cnt[start]);
            double x = s1[end] - s1[start];
            return x <= 0 || m == 0 ? 0 : 2 * weight * x * (logCount[m] - Math.log(x));
        }

        @Override
        public Estimate estimate(int start, int end, int at, double sigma) {
            long m = cnt[end] - cnt[start];
            double k = s1[end] - s1[start];
            if (m == 0) {
                return Estimate.NONE;
            }
            // Garwood's exact interval for a Poisson total, divided by the number of buckets.
            double lo = k == 0 ? 0 : new ChiSquaredDistribution(2 * k).inverseCumulativeProbability(0.025) / 2 / m;
            double hi = new ChiSquaredDistribution(2 * k + 2).inverseCumulativeProbability(0.975) / 2 / m;
            return new Estimate(k / m, lo, hi);
        }
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
            for (int i = 0; i < n; i++) {
                boolean miss = obs.missing(i);
                double k = miss ? 0 : obs.values()[i];
                double t = miss ? 0 : obs.totals()[i];
                if (!miss && (k < 0 || k > t)) {
                    throw new org.narrativewatch.UserException("bucket " + i + (obs.date(i) == null ? "" : " (" + obs.date(i) + ")")
                            + ": count " + k + " is not between 0 and its total " + t);
                }
                sn[i + 1] = sn[i] + t;
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

    static final class Gaussian extends Prefix {
        final double scale;
        final boolean meanvar;
        final boolean trend;
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
                for (int i = 0; i < n; i++) {
                    boolean miss = obs.missing(i);
                    double x = miss ? 0 : obs.values()[i] / scale;
                    double t = miss ? 0 : i;
                    st[i + 1] = st[i] + t;
                    stt[i + 1] = stt[i] + t * t;
                    sxt[i + 1] = sxt[i] + x * t;
                }
            } else {
                st = stt = sxt = null;
            }
        }

        /** Residual sum of squares about the segment mean or line, in scaled units. */
        double rss(int start, int end) {
            double m = cnt[end] - cnt[start];
            if (m == 0) {
                return 0;
            }
            if (trend && m < 3) {
                return 0; // a line passes through one or two points exactly
            }
            double a = s1[end] - s1[start];
            double ss = (s2[end] - s2[start]) - a * a / m;
            if (trend) {
                double t = st[end] - st[start];
                double vt = (stt[end] - stt[start]) - t * t / m;
                double cxt = (sxt[end] - sxt[start]) - a * t / m;
                if (vt > 0) {
                    ss -= cxt * cxt / vt;
                }
            }
            return Math.max(ss, 0);
        }

        @Override
        public double cost(int start, int end) {
            double m = cnt[end] - cnt[start];
            if (m == 0) {
                return 0;
            }
            if (!meanvar && !trend) { // the hot case in PELT's inner loop: no calls, no branches beyond this
                double a = s1[end] - s1[start];
                return Math.max((s2[end] - s2[start]) - a * a / m, 0);
            }
            if (!meanvar) {
                return rss(start, end);
            }
            double var = Math.max(rss(start, end) / m, VARIANCE_FLOOR);
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
            double mean = (s1[end] - s1[start]) / m * scale;
            int dof = (int) m - (trend && m >= 3 ? 2 : 1);
            double sd = Double.isNaN(sigma) ? (dof > 0 ? Math.sqrt(residualSumOfSquares(start, end) / dof) : Double.NaN) : sigma;
            double q = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.975) : Double.NaN;
            if (trend && m >= 3) {
                double tbar = (st[end] - st[start]) / m;
                double vt = (stt[end] - stt[start]) - tbar * tbar * m;
                if (vt > 0) {
                    double slope = ((sxt[end] - sxt[start]) - tbar * (s1[end] - s1[start])) / vt * scale;
                    double fit = mean + slope * (at - tbar);
                    double se = sd * Math.sqrt(1.0 / m + (at - tbar) * (at - tbar) / vt);
                    return new Estimate(fit, fit - q * se, fit + q * se);
                }
            }
            double se = sd / Math.sqrt(m);
            return new Estimate(mean, mean - q * se, mean + q * se);
        }
    }
}
