package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * {@link Ar1Cost}: its segment cost against the generalised least-squares fit written out with the AR(1) covariance
 * matrix (Hipparchus' LU, no transform), its search against every partition of small series, and its noise estimate
 * and the detector option on series with known truth.
 */
class Ar1CostTest {

    private static Observations obs(double[] x) {
        List<LocalDate> d = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            d.add(LocalDate.of(2000, 1, 1).plusDays(i));
        }
        return Observations.of(d, x);
    }

    private static Observations weighted(double[] x, double[] w) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i] * w[i];
        }
        return new Observations(obs(x).dates(), v, null, w);
    }

    /**
     * −2 log L of [a, b) at its GLS fit, minus Σ log(2π σ²/w_t): min over θ of (y − Xθ)' Σ⁻¹ (y − Xθ) + log det Σ
     * − Σ log(σ²/w_t), Σ the covariance of u_a ~ N(0, σ²/(w_a(1−ρ²))), u_t = ρ u_{t−1} + ε_t, ε_t ~ N(0, σ²/w_t),
     * written out entry by entry (Var u_t = ρ² Var u_{t−1} + σ²/w_t, Cov(u_i, u_j) = ρ^|i−j| Var u_min(i,j)).
     */
    private static double gls(double[] x, double[] w, int a, int b, double rho, double sigma, boolean trend) {
        int m = b - a;
        int p = trend ? 2 : 1;
        RealMatrix cov = new Array2DRowRealMatrix(m, m);
        RealMatrix design = new Array2DRowRealMatrix(m, p);
        RealVector y = new ArrayRealVector(m);
        double[] var = new double[m];
        double constant = 0;
        for (int i = 0; i < m; i++) {
            double innovation = sigma * sigma / w[a + i];
            var[i] = i == 0 ? innovation / (1 - rho * rho) : rho * rho * var[i - 1] + innovation;
            constant += Math.log(innovation);
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                cov.setEntry(i, j, Math.pow(rho, Math.abs(i - j)) * var[Math.min(i, j)]);
            }
            design.setEntry(i, 0, 1);
            if (trend) {
                design.setEntry(i, 1, a + i);
            }
            y.setEntry(i, x[a + i]);
        }
        RealMatrix inv = new LUDecomposition(cov).getSolver().getInverse();
        RealMatrix xtw = design.transpose().multiply(inv);
        RealVector theta = new LUDecomposition(xtw.multiply(design)).getSolver().solve(xtw.operate(y));
        RealVector r = y.subtract(design.operate(theta));
        return r.dotProduct(inv.operate(r)) + Math.log(new LUDecomposition(cov).getDeterminant()) - constant;
    }

    @Test
    void segmentCostIsTheExactAr1LikelihoodWithItsStationaryStartAndWeights() {
        // −2 log L from the dense covariance (its log-determinant included: each segment's stationary start adds
        // −log(1−ρ²), which depends on the segmentation) and with unequal weights (innovation variance σ²/w_t, as the
        // variance segments weigh buckets): before, the cost was the unweighted residual sum alone
        Random rnd = new Random(3);
        for (int rep = 0; rep < 40; rep++) {
            int n = 8 + rnd.nextInt(30);
            double[] x = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 5 * rnd.nextGaussian() + (i > n / 2 ? 3 : 0) + 0.1 * i;
                w[i] = rep % 2 == 0 ? 1 : (i > n / 3 && i < 2 * n / 3 ? 1.0 / 16 : 0.5 + rnd.nextDouble());
            }
            double rho = rep % 5 == 0 ? 0 : 0.95 * rnd.nextDouble();
            double sigma = 0.3 + 2 * rnd.nextDouble();
            for (boolean trend : new boolean[] {false, true}) {
                Ar1Cost c = new Ar1Cost(rep % 2 == 0 ? obs(x) : weighted(x, w), rho, sigma, trend);
                for (int k = 0; k < 10; k++) {
                    int a = rnd.nextInt(n - 4);
                    int b = a + 4 + rnd.nextInt(n - a - 3);
                    double want = gls(x, w, a, b, rho, sigma, trend);
                    assertEquals(want, c.cost(a, b), 1e-7 * (1 + want), "n=" + n + " [" + a + "," + b + ") rho=" + rho + " trend=" + trend);
                }
            }
        }
    }

    /** The best of every partition of [0, n) into segments of at least minSeg: Σ cost + penalty × changes. */
    private static double exhaustive(SegmentCost c, double pen, int minSeg, List<Integer> bestOut) {
        int n = c.size();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << (n - 1); mask++) {
            List<Integer> cps = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                if ((mask >> (i - 1) & 1) == 1) {
                    cps.add(i);
                }
            }
            int prev = 0;
            double v = 0;
            boolean ok = true;
            for (int k = 0; k <= cps.size() && ok; k++) {
                int e = k == cps.size() ? n : cps.get(k);
                ok = e - prev >= minSeg;
                v += c.cost(prev, e);
                prev = e;
            }
            v += pen * cps.size();
            if (ok && v < best - 1e-9) {
                best = v;
                bestOut.clear();
                bestOut.addAll(cps);
            }
        }
        return best;
    }

    @Test
    void optimalPartitioningEqualsEveryPartitionTried() {
        Random rnd = new Random(11);
        for (int rep = 0; rep < 60; rep++) {
            int n = 6 + rnd.nextInt(9);
            double[] x = new double[n];
            double level = 0;
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(5) == 0) {
                    level += 4 * rnd.nextGaussian();
                }
                x[i] = level + rnd.nextGaussian();
                if (rep % 3 == 0 && rnd.nextInt(6) == 0) {
                    x[i] = Double.NaN; // gaps restart the noise
                }
            }
            boolean trend = rep % 2 == 0;
            int minSeg = trend ? 3 : 1 + rnd.nextInt(2);
            double pen = 1 + 4 * rnd.nextDouble();
            Ar1Cost c = new Ar1Cost(obs(x), 0.9 * rnd.nextDouble(), 0.5 + rnd.nextDouble(), trend);
            List<Integer> want = new ArrayList<>();
            double best = exhaustive(c, pen, minSeg, want);
            Pelt.Result got = Ar1Cost.optimal(c, pen, minSeg);
            // the changes returned reach the optimum (exact ties, e.g. two placements of a gap, may be placed either way)
            double value = pen * got.changes().length;
            int prev = 0;
            for (int k = 0; k <= got.changes().length; k++) {
                int e = k == got.changes().length ? n : got.changes()[k];
                assertTrue(e - prev >= minSeg, "rep " + rep + ": segment shorter than " + minSeg);
                value += c.cost(prev, e);
                prev = e;
            }
            assertEquals(best, value, 1e-9 * (1 + Math.abs(best)), "rep " + rep);
            assertEquals(best, got.cost() + pen * got.changes().length, 1e-9 * (1 + Math.abs(best)), "rep " + rep);
            if (rep % 3 != 0) {
                assertArrayEquals(want.stream().mapToInt(Integer::intValue).toArray(), got.changes(), "rep " + rep);
            }
        }
    }

    @Test
    void varianceSegmentsReachTheAr1LevelSearch() {
        // AR(1) noise (ρ 0.5) four times wider on buckets 150-299, one step at 350: the variance segments weigh the
        // wide stretch down, and the AR(1) search must use those weights (it read the unweighted rates before, and
        // found the same dozen changes with the variance pass on or off)
        List<LocalDate> d = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            d.add(LocalDate.of(2000, 1, 1).plusDays(i));
        }
        for (ShiftOptions.Ar1Noise how : ShiftOptions.Ar1Noise.values()) {
            int exact = 0;
            int falseWith = 0;
            int falseWithout = 0;
            int awayFromTheBoundaries = 0;
            for (long seed = 1; seed <= 5; seed++) {
                Random rnd = new Random(seed);
                double[] x = new double[500];
                double u = rnd.nextGaussian() / Math.sqrt(1 - 0.25);
                for (int i = 0; i < x.length; i++) {
                    x[i] = (i >= 350 ? 8 : 0) + (i >= 150 && i < 300 ? 4 : 1) * u;
                    u = 0.5 * u + rnd.nextGaussian();
                }
                ShiftOptions o = ShiftOptions.DEFAULT.withAr1Cost(how).withMinJump(0.0).withLocalRefinement(false);
                int[] with = ShiftDetector.detect(Observations.of(d, x), o).changeIndices();
                int[] without = ShiftDetector.detect(Observations.of(d, x), o.withVarianceSegments(false)).changeIndices();
                exact += java.util.Arrays.stream(with).anyMatch(c -> Math.abs(c - 350) <= 2) ? 1 : 0;
                falseWith += (int) java.util.Arrays.stream(with).filter(c -> Math.abs(c - 350) > 2).count();
                falseWithout += (int) java.util.Arrays.stream(without).filter(c -> Math.abs(c - 350) > 2).count();
                awayFromTheBoundaries += (int) java.util.Arrays.stream(with)
                        .filter(c -> Math.abs(c - 350) > 2 && Math.abs(c - 150) > 10 && Math.abs(c - 300) > 10).count();
            }
            assertEquals(5, exact, how + ": the step at 350 in every seed");
            if (how == ShiftOptions.Ar1Noise.RESIDUALS) {
                assertEquals(0, awayFromTheBoundaries, how + ": a false change away from the variance boundaries");
                assertTrue(falseWith <= 1, how + ": false changes " + falseWith);
            } else {
                // ρ from the whole series' differences; where the alternation settles on a variance change a few
                // buckets off the true one (seeds 1, 3, 4), short level segments fill the gap: 10 here, 93 before
                assertTrue(falseWith <= 12, how + ": false changes " + falseWith);
            }
            assertTrue(falseWithout > 40, how + ": the wide stretch read as changes without them: " + falseWithout);
        }
    }

    @Test
    void noiseFromDifferencesRecoversRhoDespiteStepsAndASlope() {
        Random rnd = new Random(5);
        for (double rho : new double[] {0, 0.3, 0.6, 0.8}) {
            double sumRho = 0;
            double sumSigma = 0;
            int reps = 20;
            for (int rep = 0; rep < reps; rep++) {
                double[] x = new double[2000];
                double e = rnd.nextGaussian() / Math.sqrt(1 - rho * rho);
                for (int i = 0; i < x.length; i++) {
                    x[i] = 0.05 * i + (i >= 700 ? 10 : 0) + (i >= 1400 ? -6 : 0) + 2 * e;
                    e = rho * e + rnd.nextGaussian();
                }
                double[] noise = Ar1Cost.noiseFromDifferences(obs(x));
                sumRho += noise[0];
                sumSigma += noise[1];
            }
            assertEquals(rho, sumRho / reps, 0.05, "rho " + rho);
            assertEquals(2, sumSigma / reps, 0.1, "innovation sd at rho " + rho);
        }
    }

    @Test
    void theOptionFindsAStepInAutocorrelatedNoiseAndNoChangeWithout() {
        for (ShiftOptions.Ar1Noise how : ShiftOptions.Ar1Noise.values()) {
            ShiftOptions o = ShiftOptions.DEFAULT.withAr1Cost(how);
            int found = 0;
            int wrong = 0;
            for (long seed = 1; seed <= 6; seed++) {
                ConstructedSeries.Case c = ConstructedSeries.cases().get("autocorrelated noise (AR(1) 0.7)").apply(seed);
                int[] s = ConstructedSeries.score(c.truth(), ShiftDetector.detect(Observations.of(c.dates(), c.x()), o).changeIndices());
                found += s[0];
                wrong += s[1];
                double[] flat = c.x().clone();
                for (int i = 250; i < flat.length; i++) {
                    flat[i] -= 6;
                }
                wrong += ShiftDetector.detect(Observations.of(c.dates(), flat), o).changeIndices().length;
            }
            assertEquals(6, found, how + ": the step of 6 (about 4.3 innovation sds, 2.5 marginal) in every seed");
            if (how == ShiftOptions.Ar1Noise.RESIDUALS) {
                assertTrue(wrong <= 2, how + ": at most two false changes over 12 series, got " + wrong);
            } else {
                // the robust ratio of difference spreads is noisy at 500 points (ρ 0.48-0.62 for a true 0.7 on these seeds),
                // and a ρ too low reads the noise's swings as changes: the weakness docs/shifts.md reports
                assertTrue(wrong > 2, how + ": expected the false changes of an underestimated rho, got " + wrong);
            }
        }
    }

    @Test
    void theOptionIsRefusedWithTheMbicLengthChargeInsteadOfIgnored() {
        // the AR(1) search has no length charge: with MBIC the option used to fall back to least squares silently
        ConstructedSeries.Case c = ConstructedSeries.cases().get("autocorrelated noise (AR(1) 0.7)").apply(1);
        for (ShiftOptions.Ar1Noise how : ShiftOptions.Ar1Noise.values()) {
            org.narrativewatch.InvalidOptionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.narrativewatch.InvalidOptionException.class,
                    () -> ShiftDetector.detect(Observations.of(c.dates(), c.x()), ShiftOptions.DEFAULT.withPenalty(Penalty.MBIC).withAr1Cost(how)));
            assertTrue(e.getMessage().contains("ar1-cost") && e.getMessage().contains("MBIC"), e.getMessage());
        }
    }
    @Test
    void hugeValuesFallBackToLeastSquaresInsteadOfAnInternalError() {
        // squares (residuals) or differences (differences) overflow to infinity: the noise has no finite estimate
        for (double scale : new double[] {1e300, 1.5e308}) {
            double[] x = new double[50];
            for (int i = 0; i < x.length; i++) {
                x[i] = scale * (i % 2 == 0 ? 1 : -1) * (1 + i % 3 * 0.1);
            }
            for (ShiftOptions.Ar1Noise how : ShiftOptions.Ar1Noise.values()) {
                org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> ShiftDetector.detect(obs(x), ShiftOptions.DEFAULT.withAr1Cost(how)),
                        how + " at " + scale);
            }
        }
    }
}
