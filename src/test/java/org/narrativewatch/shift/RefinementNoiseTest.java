package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/** Local refinement's noise with one AR(1) coefficient for the whole series, pooled or shrunk ({@link RefinementNoise}). */
class RefinementNoiseTest {

    /** Segment length and count of {@link #segmented}. */
    private static final int LENGTH = 40;
    private static final int SEGMENTS = 6;

    /**
     * One stationary AR(1) process (marginal sd 1) under six lines of 40 buckets, each with its own level and slope
     * (steps of 6–10 sds between them): the noise runs on across the changes, as the long-run scale assumes.
     */
    private static Observations segmented(RandomDataGenerator r, double rho) {
        int n = LENGTH * SEGMENTS;
        double[] x = new double[n];
        double e = r.nextGaussian();
        for (int i = 0; i < n; i++) {
            int k = i / LENGTH;
            x[i] = (k % 2 == 0 ? 0 : 5 + k) + (k % 3 - 1) * 0.05 * (i - k * LENGTH) + e;
            e = rho * e + Math.sqrt(1 - rho * rho) * r.nextGaussian();
        }
        return Observations.of(null, x);
    }

    private static int[] changes() {
        int[] cps = new int[SEGMENTS - 1];
        for (int k = 1; k < SEGMENTS; k++) {
            cps[k - 1] = k * LENGTH;
        }
        return cps;
    }

    /**
     * The joint estimate over all six segments' fits (the block-diagonal design) is unbiased for the one ρ of the
     * series, and, resting on 240 buckets instead of one segment's 40, varies less than a segment's own estimate;
     * the plug-in lag-1 autocorrelation of the same residuals is biased towards 0.
     */
    @Test
    void oneRhoPooledOverTheSegmentsIsUnbiased() {
        int[] cps = changes();
        int n = LENGTH * SEGMENTS;
        int reps = 300;
        for (double rho : new double[] {0.3, 0.6, 0.8}) {
            double[] joint = new double[reps];
            double[] piece = new double[reps];
            double plugIn = 0;
            double variance = 0;
            for (int seed = 1; seed <= reps; seed++) {
                Observations o = segmented(new RandomDataGenerator(seed * 104729L + (long) (rho * 10)), rho);
                ResidualAr1.Noise j = ResidualAr1.estimate(o, 0, n, cps, true);
                joint[seed - 1] = j.rho();
                variance += j.variance() / reps;
                piece[seed - 1] = ResidualAr1.estimate(o, 2 * LENGTH, 3 * LENGTH, new int[0], true).rho();
                plugIn += ShiftDetector.lagOneAutocorrelation(ShiftDetector.residuals(o, cps, true)) / reps;
            }
            double mean = mean(joint);
            assertEquals(rho, mean, 0.02, "rho " + rho + ": the pooled estimate's mean");
            assertTrue(rho - plugIn > 0.05, "rho " + rho + ": the plug-in is biased towards 0: " + plugIn);
            assertTrue(sd(joint) < sd(piece) / 1.8, "rho " + rho + ": pooled sd " + sd(joint) + ", one segment's " + sd(piece));
            if (rho <= 0.6) {
                // near ρ = 1 the mean variance is dominated by the rare estimates at the bound ((1+ρ)/(1−ρ) is convex)
                assertEquals(1, variance, 0.05, "rho " + rho + ": marginal variance");
            }
        }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    /**
     * The rail_lines trap: segmented at 26 alone, the line through the step at 10 leaves residuals that read as
     * strongly autocorrelated noise; the pooled estimate at the time of the test has the candidate split inserted,
     * which removes that misfit, so the step is judged at the noise's own persistence and kept.
     */
    @Test
    void theCandidateSplitIsInTheJointFit() {
        for (long seed = 1; seed <= 8; seed++) {
            ConstructedSeries.Case c = ConstructedSeries.hiddenStep(seed);
            Observations o = Observations.of(c.dates(), c.x());
            double without = ResidualAr1.estimate(o, 0, 40, new int[] {26}, true).rho();
            double with = ResidualAr1.estimate(o, 0, 40, new int[] {10, 26}, true).rho();
            assertTrue(without > 0.6 && with < 0.15, "seed " + seed + ": rho " + without + " without the split, " + with + " with it");
            double lrv = RefinementNoise.longRunVariance(ShiftOptions.LocalNoise.POOLED, o, new int[] {26}, 0, 26, 10, true);
            double expected = ResidualAr1.varianceAt(o, 0, 26, new int[] {10}, true, with) * (1 + with) / (1 - with);
            assertEquals(expected, lrv, 1e-9 * expected);
            double joint = RefinementNoise.longRunVariance(ShiftOptions.LocalNoise.POOLED_JOINT, o, new int[] {26}, 0, 26, 10, true);
            assertEquals(ResidualAr1.estimate(o, 0, 40, new int[] {10, 26}, true).longRunVariance(), joint, 1e-9 * joint);
        }
    }

    /** DerSimonian–Laird: no heterogeneity beyond sampling gives the common ρ; a clear outlier keeps most of its own. */
    @Test
    void shrinkageFollowsTheRandomEffectsModel() {
        // Q = Σ d_i (ρ_i − ρ̄)² / (1 − ρ̄²) = 0.245 < k − 1 = 2: τ² = 0, every unit gets the fixed-effect mean
        double fixed = (0.6 * 20 + 0.5 * 100 + 0.5 * 100) / 220;
        assertEquals(fixed, RefinementNoise.shrunk(List.of(new double[] {0.6, 20}, new double[] {0.5, 100}, new double[] {0.5, 100})), 1e-12);
        // a piece whose persistence is far outside the others' sampling spread keeps most of it
        double own = RefinementNoise.shrunk(List.of(new double[] {0.95, 200}, new double[] {0.1, 200}, new double[] {0.12, 200},
                new double[] {0.08, 200}));
        assertTrue(own > 0.9 && own < 0.95, "shrunk " + own);
        // and with nothing to shrink towards, the piece's own
        assertEquals(0.7, RefinementNoise.shrunk(List.of(new double[] {0.7, 30})), 0);
        // equal estimates stay
        assertEquals(0.4, RefinementNoise.shrunk(List.of(new double[] {0.4, 30}, new double[] {0.4, 80})), 1e-12);
    }
}
