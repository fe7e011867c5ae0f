package org.narrativewatch.shift;

import java.util.ArrayList;
import java.util.List;

/**
 * The long-run noise variance at which local refinement ({@link ShiftDetector#locallyRefined}) judges the best split
 * of a segment, estimated without the bias of fitting ({@link ResidualAr1}) in one of three ways.
 *
 * <p>{@link ShiftOptions.LocalNoise#UNBIASED}: from the piece alone (the split fit's residuals inside the segment).
 * On a piece of 20–30 points the bias-corrected ρ often runs to its bound (after two lines, a short stretch of
 * smooth noise looks like a random walk), so nothing splits it, real steps included.
 *
 * <p>{@link ShiftOptions.LocalNoise#POOLED}: ONE ρ for the whole series, which is what the long-run scale already
 * assumes (the noise is one stationary AR(1) process): ρ is estimated jointly from the residuals of every segment of
 * the current segmentation with the candidate split inserted, by {@link ResidualAr1}'s ratio of expectations over the
 * block-diagonal design of all segments' fits (the noise runs on across the changes). The candidate split is in the
 * segmentation while ρ is estimated, so the misfit of the step being tested does not inflate ρ (the rail_lines trap
 * of the global scale, docs/shifts.md point 7); a step missed elsewhere still does. σ² is the piece's own at that ρ
 * (Σ r² / tr(M Σ_ρ) over the piece's design): the level of the noise may change along the series (what variance
 * segments model), its persistence is taken as one.
 *
 * <p>{@link ShiftOptions.LocalNoise#POOLED_JOINT}: the same ρ, and σ² joint too (the whole series' marginal variance
 * from the same fit).
 *
 * <p>{@link ShiftOptions.LocalNoise#SHRUNK}: the piece's own ρ shrunk towards the common one by their information, as
 * a random-effects meta-analysis does (DerSimonian and Laird 1986; the parametric empirical Bayes estimate, Morris
 * 1983). Units: the piece (with its split) and every other segment of the segmentation; each unit's bias-corrected ρ_i
 * has sampling variance v_i = (1 − ρ̄²) / d_i (Bartlett 1946, for the lag-1 autocorrelation of AR(1) noise, evaluated
 * at the common value as under homogeneity; d_i its residual degrees of freedom). The between-unit variance τ² is
 * DerSimonian–Laird's moment estimate max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)), Q = Σ w_i (ρ_i − ρ̄)², w_i = 1/v_i,
 * ρ̄ = Σ w_i ρ_i / Σ w_i; the piece's ρ becomes μ + τ²/(τ² + v_piece) · (ρ_piece − μ), μ the random-effects mean
 * Σ ρ_i/(v_i + τ²) / Σ 1/(v_i + τ²). Homogeneous units (τ² = 0) give the common ρ; a piece whose persistence is
 * clearly its own keeps most of it. σ² is the piece's own at the shrunk ρ.
 *
 * <p>No constant is added to any of them.
 */
final class RefinementNoise {
    private RefinementNoise() {}

    /**
     * @param mode    how the noise is estimated
     * @param obs     the observations (weighted by the variance segments when there are any)
     * @param current the changes accepted so far, ascending, without {@code split}
     * @param a       first bucket of the segment tested, {@code b} one past its last
     * @param split   the segment's best split
     * @param trend   a line per segment (else a mean)
     * @return the long-run variance σ² (1+ρ)/(1−ρ), or 0 when it cannot be estimated (the split is then not made)
     */
    static double longRunVariance(ShiftOptions.LocalNoise mode, Observations obs, int[] current, int a, int b, int split,
                                  boolean trend) {
        int n = obs.size();
        int[] one = {split};
        if (mode == ShiftOptions.LocalNoise.UNBIASED) {
            ResidualAr1.Noise noise = ResidualAr1.estimate(obs, a, b, one, trend);
            return noise == null ? 0 : noise.longRunVariance();
        }
        int[] with = inserted(current, split);
        double rho;
        if (mode == ShiftOptions.LocalNoise.SHRUNK) {
            rho = shrunkRho(obs, with, a, b, split, trend);
        } else {
            ResidualAr1.Noise joint = ResidualAr1.estimate(obs, 0, n, with, trend);
            if (joint == null) {
                return 0;
            }
            rho = joint.rho();
            if (mode == ShiftOptions.LocalNoise.POOLED_JOINT) {
                return joint.longRunVariance();
            }
        }
        if (Double.isNaN(rho)) {
            return 0;
        }
        double variance = ResidualAr1.varianceAt(obs, a, b, one, trend, rho);
        return Double.isNaN(variance) ? 0 : variance * (1 + rho) / (1 - rho);
    }

    /** The piece's ρ shrunk towards the segments' common ρ (DerSimonian–Laird); NaN when the piece has none. */
    static double shrunkRho(Observations obs, int[] with, int a, int b, int split, boolean trend) {
        ResidualAr1.Noise piece = ResidualAr1.estimate(obs, a, b, new int[] {split}, trend);
        if (piece == null) {
            return Double.NaN;
        }
        List<double[]> units = new ArrayList<>(); // {ρ_i, d_i}
        units.add(new double[] {piece.rho(), ResidualAr1.degreesOfFreedom(obs, a, b, new int[] {split}, trend)});
        int n = obs.size();
        for (int k = 0; k <= with.length; k++) {
            int from = k == 0 ? 0 : with[k - 1];
            int to = k == with.length ? n : with[k];
            if (from >= a && to <= b) {
                continue; // the piece, counted above as one unit with its split
            }
            ResidualAr1.Noise noise = ResidualAr1.estimate(obs, from, to, new int[0], trend);
            if (noise != null) {
                units.add(new double[] {noise.rho(), ResidualAr1.degreesOfFreedom(obs, from, to, new int[0], trend)});
            }
        }
        return shrunk(units);
    }

    /**
     * The first unit's ρ shrunk by DerSimonian–Laird's random-effects model over all units.
     *
     * @param units {ρ_i, d_i} per unit, the unit to shrink first; d_i ≥ 1
     */
    static double shrunk(List<double[]> units) {
        double target = units.get(0)[0];
        int k = units.size();
        if (k < 2) {
            return target;
        }
        // fixed-effect mean: the weights 1/v_i are proportional to d_i whatever the common ρ
        double sd = 0;
        double srd = 0;
        for (double[] u : units) {
            sd += u[1];
            srd += u[0] * u[1];
        }
        double common = srd / sd;
        double factor = Math.max(1 - common * common, 1e-9);
        double sw = 0;
        double sw2 = 0;
        double q = 0;
        for (double[] u : units) {
            double w = u[1] / factor;
            sw += w;
            sw2 += w * w;
            q += w * (u[0] - common) * (u[0] - common);
        }
        double denominator = sw - sw2 / sw;
        double tau2 = denominator > 0 ? Math.max(0, (q - (k - 1)) / denominator) : 0;
        double num = 0;
        double den = 0;
        for (double[] u : units) {
            double w = 1 / (factor / u[1] + tau2);
            num += w * u[0];
            den += w;
        }
        double mu = num / den;
        double v = factor / units.get(0)[1];
        return mu + tau2 / (tau2 + v) * (target - mu);
    }

    private static int[] inserted(int[] cps, int c) {
        int[] out = new int[cps.length + 1];
        int k = 0;
        boolean done = false;
        for (int x : cps) {
            if (!done && c < x) {
                out[k++] = c;
                done = true;
            }
            out[k++] = x;
        }
        if (!done) {
            out[k] = c;
        }
        return out;
    }
}
