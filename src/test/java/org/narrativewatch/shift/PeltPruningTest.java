package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PELT's two shortcuts against optimal partitioning without any pruning: for least-squares costs, candidates skipped
 * on the lower bound of their earlier value (long segments of lines and means, with gaps and partial buckets); and
 * the variance-segment cost's functional pruning ({@link Intervals} in {@link Pelt}) against optimal partitioning
 * without any pruning: the same changes, on residuals with and without
 * variance changes, gaps, and short stretches near 0 (where the floor binds and the pruning must step back).
 */
class PeltPruningTest {

    private static double[] residuals(Random rnd, int n, boolean gaps, boolean flat) {
        double[] r = new double[n];
        double sd = 0.2 + 3 * rnd.nextDouble();
        int next = rnd.nextInt(n);
        for (int i = 0; i < n; i++) {
            if (i == next) {
                sd = 0.2 + 3 * rnd.nextDouble(); // a variance change
                next = i + 5 + rnd.nextInt(n);
            }
            r[i] = gaps && rnd.nextInt(15) == 0 ? Double.NaN : sd * rnd.nextGaussian();
            if (flat && i % 97 < 6) {
                r[i] = 1e-4 * rnd.nextGaussian(); // a stretch near 0: short windows meet the floor
            }
        }
        return r;
    }

    @Test
    void sameOptimumAsExhaustiveSearch() {
        Random rnd = new Random(7);
        int pruned = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 40 + rnd.nextInt(600);
            double[] r = residuals(rnd, n, trial % 3 == 1, trial % 4 == 2);
            double weight = 0.3 + rnd.nextDouble();
            ShiftDetector.MeanSquare c = new ShiftDetector.MeanSquare(r, 0.01, weight);
            double pen = 2 * Math.log(n) * (0.5 + rnd.nextDouble());
            int[] expected = DetectorsTest.bruteForce(c, pen, ShiftDetector.VARIANCE_MIN_SEGMENT, false);
            Pelt.Result got = Pelt.run(c, pen, ShiftDetector.VARIANCE_MIN_SEGMENT, false);
            assertArrayEquals(expected, got.changes(), "trial " + trial);
            if (c.functionalFrom(ShiftDetector.VARIANCE_MIN_SEGMENT) > 0) {
                pruned++;
            }
        }
        assertTrue(pruned >= 20, "the functional pruning ran in only " + pruned + " of 60 trials");
    }

    @Test
    void theFloorTurnsThePruningOffOrLengthensIt() {
        Random rnd = new Random(3);
        double[] r = new double[400];
        for (int i = 0; i < r.length; i++) {
            r[i] = rnd.nextGaussian();
        }
        assertEquals(4, new ShiftDetector.MeanSquare(r, 0.001, 1).functionalFrom(4));
        for (int i = 100; i < 110; i++) {
            r[i] = 0; // ten buckets on the fit: windows up to ten long meet the floor
        }
        int from = new ShiftDetector.MeanSquare(r, 0.001, 1).functionalFrom(4);
        assertTrue(from > 10, "from " + from);
        Arrays.fill(r, 0, 300, 0.0);
        assertEquals(0, new ShiftDetector.MeanSquare(r, 0.001, 1).functionalFrom(4));
    }

    /** The narrowed interval always holds every precision u at which s still beats t (sampled on a fine grid). */
    @Test
    void intervalHoldsWhereTheCandidateStillWins() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 50 + rnd.nextInt(300);
            double[] r = residuals(rnd, n, false, false);
            double w = 0.3 + rnd.nextDouble();
            ShiftDetector.MeanSquare c = new ShiftDetector.MeanSquare(r, 1e-6, w);
            int s = 1 + rnd.nextInt(n - 10);
            int t = s + 4 + rnd.nextInt(n - s - 4 + 1);
            double fs = 10 * rnd.nextGaussian();
            double ft = fs + c.cost(s, t) + 3 * rnd.nextGaussian();
            double[] lo = {0};
            double[] hi = {Double.POSITIVE_INFINITY};
            boolean live = c.narrow(s, fs, 0, Double.POSITIVE_INFINITY, t, ft, lo, hi, 0);
            double sum = 0;
            int m = 0;
            for (int i = s; i < t; i++) {
                sum += r[i] * r[i];
                m++;
            }
            for (int g = 1; g < 4000; g++) {
                double u = g * 1e-3 * m / sum * 3;
                double diff = fs - ft + w * (sum * u - m * Math.log(u) - m);
                if (diff <= 0) {
                    assertTrue(live && lo[0] <= u && u <= hi[0], "trial " + trial + ": u " + u + " outside [" + lo[0] + ", " + hi[0] + "]");
                }
            }
        }
    }

    @Test
    void skippingOnEarlierValuesKeepsTheOptimum() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 24; trial++) {
            int n = 300 + rnd.nextInt(600);
            double[] v = new double[n];
            double[] e = trial % 3 == 0 ? new double[n] : null;
            double level = 0;
            double slope = 0;
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(150) == 0) {
                    level += 3 * rnd.nextGaussian();
                    slope = trial % 2 == 0 ? 0 : 0.02 * rnd.nextGaussian();
                }
                level += slope;
                double x = level + rnd.nextGaussian();
                if (e != null) {
                    e[i] = rnd.nextInt(10) == 0 ? 0.3 + 0.6 * rnd.nextDouble() : 1;
                    x *= e[i];
                }
                v[i] = trial % 4 == 1 && rnd.nextInt(12) == 0 ? Double.NaN : x;
            }
            java.util.List<java.time.LocalDate> dates = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                dates.add(java.time.LocalDate.of(2020, 1, 1).plusDays(i));
            }
            Observations obs = new Observations(dates, v, null, e);
            for (Model model : new Model[] {Model.NORMAL_MEAN, Model.NORMAL_TREND}) {
                SegmentCost c = SegmentCosts.of(model, obs, 0.5 + rnd.nextDouble());
                double pen = (model.params + 1) * Math.log(n) * (0.3 + rnd.nextDouble());
                int minSeg = model.minimumSegment() + rnd.nextInt(3);
                assertArrayEquals(DetectorsTest.bruteForce(c, pen, minSeg, false), Pelt.run(c, pen, minSeg, false).changes(),
                        "trial " + trial + " " + model);
            }
        }
    }
}
