package org.narrativewatch.shift;

import java.util.Arrays;

/**
 * A segment cost under AR(1) noise: each segment is a mean (or a line) plus a Gaussian AR(1) process
 * u_t = x_t − μ_t = ρ u_{t−1} + ε_t, ε_t ~ N(0, σ²/w_t), started at its stationary law u_a ~ N(0, σ²/(w_a(1−ρ²))),
 * w_t the bucket's weight (its exposure: a partial bucket's, times the variance-segment weight that
 * ShiftDetector's heteroscedastic pass puts there, as for the least-squares costs). Its cost is the exact
 * −2 log-likelihood of the segment at its GLS fit, minus Σ_t log(2π σ²/w_t) over its observed buckets (the same for
 * every segmentation): the generalised least-squares residual sum under that covariance, divided by σ², plus
 * −log(1−ρ²) for each stationary start (the log-determinant's part that a segmentation moves: a change inside a run of
 * observed buckets adds one start, so it costs that much more, 1.66 at ρ = 0.9, on top of the penalty). Written with
 * the Prais–Winsten transform: a start enters as √(w_a(1−ρ²))(x_a − μ_a), every later bucket as
 * √w_t ((x_t − ρ x_{t−1}) − (μ_t − ρ μ_{t−1})); the GLS fit is ordinary least squares on those terms, so the cost is
 * O(1) from prefix sums. The noise restarts at each change (segments are independent given their parameters: the model
 * whose likelihood this is; DeCAFS and AR1seg let the noise run on across a change instead, which couples
 * neighbouring segments), and restarts after a missing bucket too (the gap's own lag is not modelled).
 * <p>
 * Why: the robust default inflates the least-squares cost's scale by the long-run factor √((1+ρ)/(1−ρ)) of
 * autocorrelated noise; this cost is the likelihood of that noise instead (docs/shifts.md measures both).
 * <p>
 * Search: PELT's pruning needs C(a, b) ≥ C(a, t) + C(t, b) − K for a constant K, and here a change at t swaps t's
 * term w_t (x_t − ρ x_{t−1} − …)² for the stationary start w_t (1−ρ²)(x_t − μ_t)², which can be larger without bound, so no
 * such K exists; {@link #optimal} is therefore optimal partitioning without pruning (exact, O(n²) cost calls).
 * Written by hand: no maintained JVM library has change-point costs under AR(1) noise.
 */
final class Ar1Cost implements SegmentCost {
    private final int n;
    private final boolean trend;
    private final double rho;
    private final double invVar;
    private final boolean[] observed;
    private final double[] x;
    /** √ of each bucket's weight (its exposure). */
    private final double[] root;
    /** −log(1−ρ²): what each stationary start adds to −2 log L. */
    private final double startCost;
    /** Prefix count of stored (re)starts: observed buckets after a missing one (or the first). */
    private final int[] starts;
    /** Prefix sums over the stored terms: Σzz, Σg1z, Σg2z, Σg1g1, Σg1g2, Σg2g2 and the observed count. */
    private final double[] zz;
    private final double[] g1z;
    private final double[] g2z;
    private final double[] g11;
    private final double[] g12;
    private final double[] g22;
    private final int[] cnt;

    /**
     * @param rho   the noise's lag-1 autocorrelation, in [0, 1)
     * @param sigma the innovation standard deviation (> 0), in the series' units
     */
    Ar1Cost(Observations obs, double rho, double sigma, boolean trend) {
        if (!(rho >= 0 && rho < 1) || !(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("AR(1) noise needs 0 <= rho < 1 and sigma > 0: " + rho + ", " + sigma);
        }
        this.n = obs.size();
        this.trend = trend;
        this.rho = rho;
        this.invVar = 1 / (sigma * sigma);
        observed = new boolean[n];
        x = new double[n];
        root = new double[n];
        startCost = -Math.log1p(-rho * rho);
        starts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            observed[i] = !obs.missing(i);
            x[i] = observed[i] ? obs.values()[i] / obs.exposure(i) : 0;
            root[i] = Math.sqrt(obs.exposure(i));
        }
        zz = new double[n + 1];
        g1z = new double[n + 1];
        g2z = new double[n + 1];
        g11 = new double[n + 1];
        g12 = new double[n + 1];
        g22 = new double[n + 1];
        cnt = new int[n + 1];
        SegmentCosts.Sum[] s = new SegmentCosts.Sum[6];
        for (int k = 0; k < 6; k++) {
            s[k] = new SegmentCosts.Sum();
        }
        double[] term = new double[3];
        for (int t = 0; t < n; t++) {
            double z = 0;
            double a = 0;
            double b = 0;
            boolean restart = observed[t] && !(t > 0 && observed[t - 1]);
            starts[t + 1] = starts[t] + (restart ? 1 : 0);
            if (observed[t]) {
                term(t, !restart, term);
                z = term[0];
                a = term[1];
                b = term[2];
            }
            zz[t + 1] = s[0].add(z * z);
            g1z[t + 1] = s[1].add(a * z);
            g2z[t + 1] = s[2].add(b * z);
            g11[t + 1] = s[3].add(a * a);
            g12[t + 1] = s[4].add(a * b);
            g22[t + 1] = s[5].add(b * b);
            cnt[t + 1] = cnt[t] + (observed[t] ? 1 : 0);
        }
    }

    /** The transformed observation and regressors of bucket t: a continuation of t − 1, or a (re)start. */
    private void term(int t, boolean continues, double[] out) {
        if (continues) {
            double c = root[t];
            out[0] = c * (x[t] - rho * x[t - 1]);
            out[1] = c * (1 - rho);
            out[2] = c * (t - rho * (t - 1));
        } else {
            double c = root[t] * Math.sqrt(1 - rho * rho);
            out[0] = c * x[t];
            out[1] = c;
            out[2] = c * t;
        }
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int observed(int start, int end) {
        return cnt[end] - cnt[start];
    }

    @Override
    public double cost(int start, int end) {
        int m = cnt[end] - cnt[start];
        // the segment's stationary starts: its first observed bucket, and each one after a gap
        double logDet = startCost * ((observed[start] ? 1 : 0) + starts[end] - starts[start + 1]);
        if (m <= (trend ? 2 : 1)) {
            return logDet; // the fit is exact
        }
        // the stored terms of (start, end), each continuing its predecessor inside the segment, and the start's own
        double szz = zz[end] - zz[start + 1];
        double s1z = g1z[end] - g1z[start + 1];
        double s2z = g2z[end] - g2z[start + 1];
        double s11 = g11[end] - g11[start + 1];
        double s12 = g12[end] - g12[start + 1];
        double s22 = g22[end] - g22[start + 1];
        if (observed[start]) {
            double[] t0 = new double[3];
            term(start, false, t0);
            szz += t0[0] * t0[0];
            s1z += t0[1] * t0[0];
            s2z += t0[2] * t0[0];
            s11 += t0[1] * t0[1];
            s12 += t0[1] * t0[2];
            s22 += t0[2] * t0[2];
        }
        double rss;
        double det = s11 * s22 - s12 * s12;
        if (trend && det > 1e-12 * s11 * s22) {
            rss = szz - (s22 * s1z * s1z - 2 * s12 * s1z * s2z + s11 * s2z * s2z) / det;
        } else {
            rss = szz - s1z * s1z / s11;
        }
        return Math.max(rss, 0) * invVar + logDet;
    }

    @Override
    public Estimate estimate(int start, int end, int at, double sigma) {
        return Estimate.NONE; // levels are described by the least-squares cost (ShiftDetector)
    }

    /**
     * Optimal partitioning (Jackson et al. 2005) without pruning: F(t) = min over s of F(s) + C(s, t) + β, ties to
     * the earliest s, every segment at least {@code minSegment} long. Exact for any additive cost; used here because
     * PELT's pruning is not safe for this cost (see the class comment).
     */
    static Pelt.Result optimal(SegmentCost cost, double penalty, int minSegment) {
        int n = cost.size();
        int minSeg = Math.max(1, minSegment);
        if (n < 2 * minSeg) {
            return new Pelt.Result(new int[0], n == 0 ? 0 : cost.cost(0, n));
        }
        double[] f = new double[n + 1];
        int[] last = new int[n + 1];
        Arrays.fill(f, Double.POSITIVE_INFINITY);
        f[0] = -penalty;
        for (int t = minSeg; t <= n; t++) {
            double best = f[0] + cost.cost(0, t) + penalty;
            int arg = 0;
            for (int s = minSeg; s <= t - minSeg; s++) {
                double v = f[s] + cost.cost(s, t) + penalty;
                if (v < best) {
                    best = v;
                    arg = s;
                }
            }
            f[t] = best;
            last[t] = arg;
        }
        int[] cps = Pelt.backtrack(last, n);
        return new Pelt.Result(cps, f[n] - penalty * cps.length);
    }

    /** ρ is kept below this: at 1 the noise is a random walk, which explains any step. */
    static final double MAX_RHO = 0.99;

    /** Consistency of the median absolute deviation for the normal sd. */
    private static final double MAD_TO_SD = 1.482602218505602;

    /**
     * ρ and the innovation sd from the spread of lag-1 and lag-2 differences, robust to level changes (a change
     * moves one or two differences) and, centred at their medians, to a common slope: for stationary AR(1) noise
     * Var(x_{t+2} − x_t) / Var(x_{t+1} − x_t) = 1 + ρ, and σ² = Var(x_{t+1} − x_t)(1 + ρ) / 2. The spreads are
     * robust sds (MAD), as in AR1seg (Chakar et al. 2017); each difference is scaled by the root of its buckets'
     * (geometric mean) weight, so σ is the innovation sd at weight 1, as the cost reads it. Null when the differences have no (finite) spread.
     */
    static double[] noiseFromDifferences(Observations obs) {
        int n = obs.size();
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        int k1 = 0;
        int k2 = 0;
        for (int t = 0; t < n; t++) {
            if (obs.missing(t)) {
                continue;
            }
            double xt = obs.values()[t] / obs.exposure(t);
            // weighted as the cost weighs them (innovation variance σ²/w): exact where the weights are equal
            if (t + 1 < n && !obs.missing(t + 1)) {
                d1[k1++] = (obs.values()[t + 1] / obs.exposure(t + 1) - xt) * Math.sqrt(Math.sqrt(obs.exposure(t) * obs.exposure(t + 1)));
            }
            if (t + 2 < n && !obs.missing(t + 2)) {
                d2[k2++] = (obs.values()[t + 2] / obs.exposure(t + 2) - xt) * Math.sqrt(Math.sqrt(obs.exposure(t) * obs.exposure(t + 2)));
            }
        }
        if (k1 < 3 || k2 < 3) {
            return null;
        }
        double s1 = mad(Arrays.copyOf(d1, k1));
        double s2 = mad(Arrays.copyOf(d2, k2));
        if (!(s1 > 0) || !(s2 > 0)) {
            return null;
        }
        double rho = Math.max(0, Math.min(MAX_RHO, (s2 / s1) * (s2 / s1) - 1));
        return usable(rho, s1 * Math.sqrt((1 + rho) / 2));
    }

    /**
     * ρ (the plug-in lag-1 autocorrelation, at least 0) and the innovation sd s√(1 − ρ²) of residuals (scaled by
     * the root of their buckets' weights by the caller), s their root mean square; null when they have no (finite) spread.
     */
    static double[] noiseFromResiduals(double[] r) {
        double ms = ShiftDetector.meanSquare(r, 0, r.length);
        if (!(ms > 0)) {
            return null;
        }
        double rho = Math.min(MAX_RHO, ShiftDetector.lagOneAutocorrelation(r));
        return usable(rho, Math.sqrt(ms * (1 - rho * rho)));
    }

    /**
     * {ρ, σ}, or null when they describe no noise this cost can use: values near the double range overflow the squares
     * or the differences to infinity (ρ then NaN), which the constructor would refuse with an internal error.
     */
    private static double[] usable(double rho, double sigma) {
        return rho >= 0 && rho < 1 && sigma > 0 && Double.isFinite(sigma) ? new double[] {rho, sigma} : null;
    }

    private static double mad(double[] d) {
        Arrays.sort(d);
        double med = median(d);
        double[] a = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            a[i] = Math.abs(d[i] - med);
        }
        Arrays.sort(a);
        return MAD_TO_SD * median(a);
    }

    private static double median(double[] sorted) {
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }
}
