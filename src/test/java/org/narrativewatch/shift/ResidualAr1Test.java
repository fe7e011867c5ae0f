package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/** The AR(1) noise behind fitted residuals, without the bias of fitting ({@link ResidualAr1}). */
class ResidualAr1Test {

    /** AR(1) noise with marginal sd 1 on a line, every {@code gap}-th bucket missing (0 = none). */
    private static Observations ar1(RandomDataGenerator r, int m, double rho, int gap) {
        double[] x = new double[m];
        double e = r.nextGaussian();
        for (int i = 0; i < m; i++) {
            x[i] = gap > 0 && i % gap == gap - 1 ? Double.NaN : 5 + 0.1 * i + e;
            e = rho * e + Math.sqrt(1 - rho * rho) * r.nextGaussian();
        }
        return Observations.of(null, x);
    }

    /** Means over seeds of {plug-in ρ, unbiased ρ, unbiased marginal variance} for two lines split at m/3. */
    private static double[] means(int m, double rho, int gap) {
        double[] sum = new double[3];
        int reps = 300;
        for (int seed = 1; seed <= reps; seed++) {
            Observations o = ar1(new RandomDataGenerator(seed * 7919L + m), m, rho, gap);
            int[] cps = {m / 3};
            sum[0] += ShiftDetector.lagOneAutocorrelation(ShiftDetector.residuals(o, cps, true));
            ResidualAr1.Noise n = ResidualAr1.estimate(o, 0, m, cps, true);
            assertNotNull(n);
            sum[1] += n.rho();
            sum[2] += n.variance();
        }
        return new double[] {sum[0] / reps, sum[1] / reps, sum[2] / reps};
    }

    @Test
    void thePlugInBiasOfFittedResidualsIsRemoved() {
        for (double rho : new double[] {0.3, 0.6, 0.8}) {
            double[] at150 = means(150, rho, 0);
            assertTrue(Math.abs(at150[1] - rho) < 0.03, "m 150, rho " + rho + ": unbiased " + at150[1]);
            assertTrue(rho - at150[0] > 0.03, "m 150, rho " + rho + ": the plug-in is biased towards 0: " + at150[0]);
            double[] at60 = means(60, rho, 0);
            assertTrue(Math.abs(at60[1] - rho) < 0.05, "m 60, rho " + rho + ": unbiased " + at60[1]);
            assertTrue(rho - at60[0] > 3 * Math.abs(at60[1] - rho), "m 60, rho " + rho + ": plug-in " + at60[0] + ", unbiased " + at60[1]);
            if (rho <= 0.6) {
                // the marginal variance is 1 (its mean is skewed upwards when ρ is near 1: (1+ρ)/(1−ρ) is convex)
                assertEquals(1, at150[2], 0.08, "m 150, rho " + rho + ": variance");
            }
        }
    }

    @Test
    void missingBucketsBreakTheLagPairsButNotTheEstimate() {
        double[] m = means(150, 0.6, 10);
        assertTrue(Math.abs(m[1] - 0.6) < 0.04, "unbiased with every 10th bucket missing: " + m[1]);
    }

    /** Residuals less autocorrelated than white noise's give ρ = 0 and the degrees-of-freedom variance Σr² / (m − p). */
    @Test
    void whiteNoiseGivesTheDegreesOfFreedomVariance() {
        int m = 40;
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = 3 + 0.5 * i + (i % 2 == 0 ? 1 : -1) * (1 + 0.01 * i);
        }
        Observations o = Observations.of(null, x);
        int[] cps = {15};
        ResidualAr1.Noise n = ResidualAr1.estimate(o, 0, m, cps, true);
        assertEquals(0, n.rho());
        double[] r = ShiftDetector.residuals(o, cps, true);
        double ss = 0;
        for (double v : r) {
            ss += v * v;
        }
        assertEquals(ss / (m - 4), n.variance(), 1e-9 * ss);
        assertEquals(n.variance(), n.longRunVariance(), 0);
    }

    /**
     * The traces behind the estimate, tr(M L M Σ_ρ) and tr(M Σ_ρ), equal the dense matrices' (M the residual maker of
     * the whitened piecewise design, L the symmetric lag-1 matrix over consecutive observed buckets, Σ_ρ = ρ^|t_i − t_j|)
     * on random designs with gaps, unequal exposures, one-bucket segments, means and lines.
     */
    @Test
    void tracesEqualTheDenseMatrices() {
        RandomDataGenerator r = new RandomDataGenerator(17);
        for (int rep = 0; rep < 60; rep++) {
            int n = 12 + r.nextInt(0, 40);
            double[] x = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = rep % 2 == 0 ? 1 : 0.3 + r.nextUniform(0, 1.5);
                x[i] = r.nextUniform(0, 1) < 0.15 ? Double.NaN : r.nextGaussian() * e[i];
            }
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            int k = r.nextInt(0, 4);
            while (set.size() < k) {
                set.add(r.nextInt(1, n - 1));
            }
            int[] cps = set.stream().mapToInt(Integer::intValue).toArray();
            Observations o = new Observations(null, x, null, e);
            boolean trend = rep % 3 != 0;
            double rho = r.nextUniform(0, 0.97);
            double[] fast = ResidualAr1.moments(o, 0, n, cps, trend, rho);
            double[] dense = denseTraces(o, n, cps, trend, rho);
            assertEquals(dense[0], fast[0], 1e-9 * (1 + Math.abs(dense[0])), "rep " + rep + " tr(MLMΣ)");
            assertEquals(dense[1], fast[1], 1e-9 * (1 + Math.abs(dense[1])), "rep " + rep + " tr(MΣ)");
        }
    }

    private static double[] denseTraces(Observations o, int n, int[] cps, boolean trend, double rho) {
        java.util.List<Integer> t = new java.util.ArrayList<>();
        java.util.List<Integer> seg = new java.util.ArrayList<>();
        int s = 0;
        for (int i = 0; i < n; i++) {
            while (s < cps.length && i >= cps[s]) {
                s++;
            }
            if (!o.missing(i)) {
                t.add(i);
                seg.add(s);
            }
        }
        int m = t.size();
        java.util.List<double[]> cols = new java.util.ArrayList<>();
        for (int g = 0; g <= cps.length; g++) {
            int count = 0;
            double sw = 0;
            double st = 0;
            for (int j = 0; j < m; j++) {
                if (seg.get(j) == g) {
                    count++;
                    sw += o.exposure(t.get(j));
                    st += o.exposure(t.get(j)) * t.get(j);
                }
            }
            if (count == 0) {
                continue;
            }
            double[] one = new double[m];
            double[] slope = new double[m];
            for (int j = 0; j < m; j++) {
                if (seg.get(j) == g) {
                    one[j] = Math.sqrt(o.exposure(t.get(j)));
                    slope[j] = one[j] * (t.get(j) - st / sw);
                }
            }
            cols.add(one);
            if (trend && count >= 3) {
                cols.add(slope);
            }
        }
        org.hipparchus.linear.RealMatrix xm = new org.hipparchus.linear.Array2DRowRealMatrix(m, cols.size());
        for (int c = 0; c < cols.size(); c++) {
            xm.setColumn(c, cols.get(c));
        }
        org.hipparchus.linear.RealMatrix inv = new org.hipparchus.linear.LUDecomposition(xm.transpose().multiply(xm)).getSolver().getInverse();
        org.hipparchus.linear.RealMatrix mm = org.hipparchus.linear.MatrixUtils.createRealIdentityMatrix(m)
                .subtract(xm.multiply(inv).multiply(xm.transpose()));
        org.hipparchus.linear.RealMatrix sigma = new org.hipparchus.linear.Array2DRowRealMatrix(m, m);
        org.hipparchus.linear.RealMatrix lag = new org.hipparchus.linear.Array2DRowRealMatrix(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                sigma.setEntry(i, j, Math.pow(rho, Math.abs(t.get(i) - t.get(j))));
            }
            if (i > 0 && t.get(i) - t.get(i - 1) == 1) {
                lag.setEntry(i, i - 1, 0.5);
                lag.setEntry(i - 1, i, 0.5);
            }
        }
        return new double[] {mm.multiply(lag).multiply(mm).multiply(sigma).getTrace(), mm.multiply(sigma).getTrace()};
    }

    @Test
    void tooFewBucketsForTheFitGiveNoEstimate() {
        // a mean on 1 bucket and a mean on 2 (lines need 3): 2 coefficients on 3 buckets leave too little
        Observations o = Observations.of(null, new double[] {1, 2, 4});
        assertEquals(null, ResidualAr1.estimate(o, 0, 3, new int[] {1}, true));
    }
}
