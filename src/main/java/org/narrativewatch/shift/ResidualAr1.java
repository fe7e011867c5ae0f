package org.narrativewatch.shift;

/**
 * The AR(1) noise behind the residuals of a fitted segmentation, estimated without the bias of fitting: the
 * marginal variance and lag-1 autocorrelation whose expected residual moments equal the observed ones.
 *
 * <p>Why: residuals r = M u of a least-squares fit (M the annihilator of the design, u the noise) are shorter
 * and less autocorrelated than the noise itself. The plug-in lag-1 autocorrelation Σ r_t r_{t−1} / Σ r_t² is
 * biased towards zero by about (1 + 3ρ + 2p) / m for m points and p fitted coefficients (Kendall 1954 for
 * p = 1; the fitted lines add to it), which for a piece of 20–100 points is 0.05–0.3: enough to read
 * autocorrelated noise as nearly independent, halve its long-run variance (1+ρ)/(1−ρ), and accept a split
 * that is only the noise's own wandering. Here ρ solves E[Σ r_t r_{t−1}] / E[Σ r_t²] = the observed ratio,
 * both expectations exact for stationary AR(1) noise under the fitted design (traces of M L M Σ_ρ and M Σ_ρ,
 * L the symmetric lag-1 matrix, Σ_ρ the AR(1) covariance), and σ² = Σ r_t² / tr(M Σ_ρ) (σ² the noise's
 * marginal variance; for ρ = 0 it is the usual Σ r² / (m − p)). A ratio-of-expectations (first-order) match,
 * the same approximation as the moments of the Durbin–Watson statistic. Written by hand: no maintained Java
 * library estimates AR(1) noise from regression residuals under a piecewise design.
 *
 * <p>The design is the one {@link ShiftDetector#residuals} fits: per segment a weighted mean, or a weighted line
 * when the segment has at least 3 observed buckets; residuals in the units of a whole bucket (√e times the
 * deviation of the rate). Pairs across a missing bucket do not count, as in the plug-in estimate.
 */
final class ResidualAr1 {
    private ResidualAr1() {}

    /** Noise estimated from residuals: marginal variance and lag-1 autocorrelation (≥ 0). */
    record Noise(double variance, double rho) {
        /** The long-run variance σ² (1+ρ)/(1−ρ). */
        double longRunVariance() {
            return variance * (1 + rho) / (1 - rho);
        }
    }

    /** Largest ρ considered (the plug-in estimate is capped alike). */
    private static final double RHO_MAX = 1 - 1e-9;

    /**
     * @param obs the observations (their exposures weigh the fit)
     * @param from first bucket of the stretch fitted, {@code to} one past its last
     * @param cps changes strictly inside (from, to), ascending
     * @param trend a line per segment (else a mean)
     * @return the noise, or null when fewer observed buckets than coefficients + 2
     */
    static Noise estimate(Observations obs, int from, int to, int[] cps, boolean trend) {
        int[] all = ShiftDetector.withBounds(cps, from, to, obs.size());
        double[] r = java.util.Arrays.copyOfRange(ShiftDetector.residuals(obs, all, trend), from, to);
        return new Design(obs, from, to, cps, trend).noise(r);
    }

    /**
     * The marginal variance of the stretch's noise at a given ρ (not estimated here): Σ r² / tr(M Σ_ρ) under the
     * stretch's own design. With ρ from a wider stretch this is the stretch's level of noise, unbiased at that ρ.
     *
     * @return the variance, or NaN when fewer observed buckets than coefficients + 1 or no residual spread
     */
    static double varianceAt(Observations obs, int from, int to, int[] cps, boolean trend, double rho) {
        int[] all = ShiftDetector.withBounds(cps, from, to, obs.size());
        double[] r = java.util.Arrays.copyOfRange(ShiftDetector.residuals(obs, all, trend), from, to);
        Design d = new Design(obs, from, to, cps, trend);
        double ss = ShiftDetector.lagOneSums(r)[0];
        if (d.m < d.p + 1 || !(ss > 0)) {
            return Double.NaN;
        }
        return ss / d.moments(Math.min(Math.max(rho, 0), RHO_MAX))[1];
    }

    /** {tr(M L M Σ_ρ), tr(M Σ_ρ)} of the stretch's design (for tests against the dense matrices). */
    static double[] moments(Observations obs, int from, int to, int[] cps, boolean trend, double rho) {
        return new Design(obs, from, to, cps, trend).moments(rho);
    }

    /** Residual degrees of freedom of the stretch's design: observed buckets minus fitted coefficients. */
    static int degreesOfFreedom(Observations obs, int from, int to, int[] cps, boolean trend) {
        Design d = new Design(obs, from, to, cps, trend);
        return d.m - d.p;
    }

    /** The fitted design over one stretch, on its observed buckets (compacted). */
    private static final class Design {
        final int m;
        final int[] t;
        /** adjacent[j]: buckets j−1 and j are consecutive in time (a lag-1 pair). */
        final boolean[] adjacent;
        /**
         * Columns of the design in whitened units (√e, √e·(t − t̄)), each supported on one segment and stored on that
         * span only (element j − colFrom[q]; zero elsewhere): a joint estimate over a long series builds one design per
         * tested split, and full-length columns made its memory grow with segments × length.
         */
        final double[][] cols;
        final int[] colFrom;
        final int[] colTo;
        /**
         * The window [winFrom, winTo) where Σ_ρ of a column is read: its segment, the neighbouring segments, and one
         * bucket beyond (every trace term pairs a column with one of the same or a neighbouring segment, through L
         * at most one bucket apart), so the moments cost O(m) a call instead of O(p m).
         */
        final int[] winFrom;
        final int[] winTo;
        /** (Q'Q)^−1, diagonal: columns of different segments do not overlap, and a segment's two are orthogonal. */
        final double[][] inv;
        final int p;
        /** The first and last column on column q's segment (a segment has one or two). */
        private final int[] firstOfSpan;
        private final int[] lastOfSpan;

        Design(Observations obs, int from, int to, int[] cps, boolean trend) {
            int count = 0;
            for (int i = from; i < to; i++) {
                if (!obs.missing(i)) {
                    count++;
                }
            }
            m = count;
            t = new int[m];
            double[] e = new double[m];
            int[] seg = new int[m];
            int j = 0;
            int s = 0;
            for (int i = from; i < to; i++) {
                while (s < cps.length && i >= cps[s]) {
                    s++;
                }
                if (!obs.missing(i)) {
                    t[j] = i;
                    e[j] = obs.exposure(i);
                    seg[j] = s;
                    j++;
                }
            }
            adjacent = new boolean[m];
            for (j = 1; j < m; j++) {
                adjacent[j] = t[j] - t[j - 1] == 1;
            }
            java.util.List<double[]> c = new java.util.ArrayList<>();
            java.util.List<int[]> span = new java.util.ArrayList<>();
            java.util.List<double[]> blocks = new java.util.ArrayList<>();
            int a = 0;
            while (a < m) {
                int b = a;
                while (b < m && seg[b] == seg[a]) {
                    b++;
                }
                double sw = 0;
                double st = 0;
                for (int q = a; q < b; q++) {
                    sw += e[q];
                    st += e[q] * t[q];
                }
                double tbar = st / sw;
                double[] one = new double[b - a];
                for (int q = a; q < b; q++) {
                    one[q - a] = Math.sqrt(e[q]);
                }
                c.add(one);
                span.add(new int[] {a, b});
                if (trend && b - a >= 3) {
                    double[] slope = new double[b - a];
                    double vt = 0;
                    for (int q = a; q < b; q++) {
                        slope[q - a] = Math.sqrt(e[q]) * (t[q] - tbar);
                        vt += slope[q - a] * slope[q - a];
                    }
                    if (vt > 0) {
                        // the two columns are orthogonal (t centred at the weighted mean): a diagonal block
                        c.add(slope);
                        span.add(new int[] {a, b});
                        blocks.add(new double[] {1 / sw});
                        blocks.add(new double[] {1 / vt});
                    } else {
                        blocks.add(new double[] {1 / sw});
                    }
                } else {
                    blocks.add(new double[] {1 / sw});
                }
                a = b;
            }
            p = c.size();
            cols = c.toArray(new double[0][]);
            colFrom = new int[p];
            colTo = new int[p];
            inv = blocks.toArray(new double[0][]);
            for (int q = 0; q < p; q++) {
                colFrom[q] = span.get(q)[0];
                colTo[q] = span.get(q)[1];
            }
            // the segments tile [0, m) in order, so a column's neighbouring segments are those of the columns just
            // before its segment's first and just after its segment's last (O(p), where a scan of all pairs is O(p²))
            winFrom = new int[p];
            winTo = new int[p];
            firstOfSpan = new int[p];
            lastOfSpan = new int[p];
            for (int q = 0; q < p; q++) {
                firstOfSpan[q] = q > 0 && colFrom[q - 1] == colFrom[q] ? firstOfSpan[q - 1] : q;
            }
            for (int q = p - 1; q >= 0; q--) {
                lastOfSpan[q] = q + 1 < p && colFrom[q + 1] == colFrom[q] ? lastOfSpan[q + 1] : q;
            }
            for (int q = 0; q < p; q++) {
                int before = firstOfSpan[q] > 0 ? colFrom[firstOfSpan[q] - 1] : colFrom[q];
                int after = lastOfSpan[q] + 1 < p ? colTo[lastOfSpan[q] + 1] : colTo[q];
                winFrom[q] = Math.max(0, before - 1);
                winTo[q] = Math.min(m, after + 1);
            }
        }

        /**
         * Σ_ρ Q_q up to the factor 1/(1−ρ²), y_j = Σ_k ρ^|t_j − t_k| Q_q[k], on [lo, hi) (element j at j − lo), by a
         * forward and a backward recursion; exact there when Q_q is zero outside [lo, hi).
         */
        double[] sigma(int q, double rho, int lo, int hi) {
            double[] x = cols[q];
            int from = colFrom[q];
            int to = colTo[q];
            double[] f = new double[hi - lo];
            double[] y = new double[hi - lo];
            for (int j = lo; j < hi; j++) {
                double xj = j >= from && j < to ? x[j - from] : 0;
                f[j - lo] = xj + (j > lo ? decay(rho, j) * f[j - 1 - lo] : 0);
            }
            double b = 0;
            for (int j = hi - 1; j >= lo; j--) {
                double xj = j >= from && j < to ? x[j - from] : 0;
                b = xj + (j + 1 < hi ? decay(rho, j + 1) * b : 0);
                y[j - lo] = f[j - lo] + b - xj;
            }
            return y;
        }

        /** ρ to the time between observed buckets j−1 and j. */
        private double decay(double rho, int j) {
            return adjacent[j] ? rho : Math.pow(rho, t[j] - t[j - 1]);
        }

        /**
         * L x with L the symmetric lag-1 matrix (½ on both off-diagonals where buckets are consecutive), for x given on
         * [lo, hi) (element j at j − lo, zero outside): the result on the same window (exact one bucket inside its ends).
         */
        double[] lag(double[] x, int lo, int hi) {
            double[] y = new double[hi - lo];
            for (int j = lo + 1; j < hi; j++) {
                if (adjacent[j]) {
                    y[j - lo] += 0.5 * x[j - 1 - lo];
                    y[j - 1 - lo] += 0.5 * x[j - lo];
                }
            }
            return y;
        }

        /** Q_q' y for y given on [lo, hi) (element j at j − lo; column q's span lies inside). */
        private double dot(int q, double[] y, int lo) {
            double s = 0;
            double[] x = cols[q];
            int from = colFrom[q];
            for (int j = from; j < colTo[q]; j++) {
                s += x[j - from] * y[j - lo];
            }
            return s;
        }

        /** {E[Σ r_t r_{t−1}], E[Σ r_t²]} × (1−ρ²) for unit-variance innovations' scale: tr(M L M Σ), tr(M Σ). */
        double[] moments(double rho) {
            double[][] sq = new double[p][];
            double[][] lsq = new double[p][];
            for (int q = 0; q < p; q++) {
                sq[q] = sigma(q, rho, winFrom[q], winTo[q]);
                lsq[q] = lag(sq[q], winFrom[q], winTo[q]);
            }
            double[] g = new double[p];
            for (int q = 0; q < p; q++) {
                g[q] = inv[q][0];
            }
            // tr(P Σ) = Σ_q g_q Q_q'ΣQ_q (G diagonal); tr(P L Σ) alike; tr(P L P Σ) = Σ_{q,s} g_q g_s (Q_q'LQ_s)(Q_s'ΣQ_q)
            double trPS = 0;
            double trPLS = 0;
            for (int q = 0; q < p; q++) {
                trPS += g[q] * dot(q, sq[q], winFrom[q]);
                trPLS += g[q] * dot(q, lsq[q], winFrom[q]);
            }
            double trPLPS = 0;
            for (int q = 0; q < p; q++) {
                // L Q_q lives on q's span and one bucket either side
                int lo = Math.max(0, colFrom[q] - 1);
                int hi = Math.min(m, colTo[q] + 1);
                double[] window = new double[hi - lo];
                System.arraycopy(cols[q], 0, window, colFrom[q] - lo, cols[q].length);
                double[] lq = lag(window, lo, hi);
                // Q_q' L Q_s is non-zero only for columns on the same or neighbouring segments
                int first = firstOfSpan[q] > 0 ? firstOfSpan[firstOfSpan[q] - 1] : firstOfSpan[q];
                int last = lastOfSpan[q] + 1 < p ? lastOfSpan[lastOfSpan[q] + 1] : lastOfSpan[q];
                for (int s = first; s <= last; s++) {
                    double qls = 0;
                    double[] xs = cols[s];
                    int from = colFrom[s];
                    for (int j = Math.max(from, lo); j < Math.min(colTo[s], hi); j++) {
                        qls += xs[j - from] * lq[j - lo];
                    }
                    if (qls != 0) {
                        trPLPS += g[q] * g[s] * qls * dot(q, sq[s], winFrom[s]);
                    }
                }
            }
            double trS = m;
            double trLS = 0;
            for (int j = 1; j < m; j++) {
                if (adjacent[j]) {
                    trLS += rho;
                }
            }
            return new double[] {trLS - 2 * trPLS + trPLPS, trS - trPS};
        }

        Noise noise(double[] r) {
            double[] sums = ShiftDetector.lagOneSums(r);
            double ss = sums[0];
            double cross = sums[1];
            if (m < p + 2 || !(ss > 0)) {
                return null;
            }
            double observed = cross / ss;
            double[] at0 = moments(0);
            double rho;
            if (observed <= at0[0] / at0[1]) {
                rho = 0;
            } else {
                double[] top = moments(RHO_MAX);
                if (observed >= top[0] / top[1]) {
                    rho = RHO_MAX;
                } else {
                    double lo = 0;
                    double hi = RHO_MAX;
                    for (int it = 0; it < 50; it++) {
                        double mid = (lo + hi) / 2;
                        double[] mm = moments(mid);
                        if (mm[0] / mm[1] < observed) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    rho = (lo + hi) / 2;
                }
            }
            double[] mm = moments(rho);
            // E[Σr²] = σ² tr(M Σ_ρ) with Σ_ρ's diagonal 1 (the scale taken out above is the marginal variance)
            return new Noise(ss / mm[1], rho);
        }
    }
}
