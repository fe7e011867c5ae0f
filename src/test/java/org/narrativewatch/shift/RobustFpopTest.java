package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RobustFpop}: its functional pruning against optimal partitioning over exact segment costs (each the minimum
 * over μ of the summed loss, found by scanning the loss's pieces) and against a grid search of μ; the squared loss
 * against {@link Fpop}; and the {@code --mean-loss} option on constructed series with outliers.
 */
class RobustFpopTest {

    private static Observations obs(double[] x) {
        List<LocalDate> d = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            d.add(LocalDate.of(2000, 1, 1).plusDays(i));
        }
        return Observations.of(d, x);
    }

    private static double[] series(Random rnd, int n) {
        double[] x = new double[n];
        double level = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(8) == 0) {
                level += 3 * rnd.nextGaussian();
            }
            x[i] = level + rnd.nextGaussian();
            if (rnd.nextInt(7) == 0) {
                x[i] += 10 * rnd.nextGaussian(); // an outlier
            }
            if (rnd.nextInt(12) == 0) {
                x[i] = Double.NaN;
            }
        }
        return x;
    }

    private static double loss(ShiftOptions.MeanLoss loss, double r) {
        return switch (loss) {
            case SQUARED -> r * r;
            case BIWEIGHT -> Math.min(r * r, RobustFpop.BIWEIGHT_K * RobustFpop.BIWEIGHT_K);
            case HUBER -> Math.abs(r) <= RobustFpop.HUBER_C ? r * r : 2 * RobustFpop.HUBER_C * Math.abs(r) - RobustFpop.HUBER_C * RobustFpop.HUBER_C;
        };
    }

    @Test
    void segmentCostIsTheMinimumOverTheMean() {
        Random rnd = new Random(2);
        for (ShiftOptions.MeanLoss l : ShiftOptions.MeanLoss.values()) {
            for (int rep = 0; rep < 30; rep++) {
                double[] x = series(rnd, 5 + rnd.nextInt(10));
                double sigma = 0.5 + rnd.nextDouble();
                double exact = RobustFpop.segmentCost(obs(x), 0, x.length, sigma, l);
                // a fine grid of μ can only be above the exact minimum, and close to it
                double grid = Double.POSITIVE_INFINITY;
                for (double mu = -40; mu <= 40; mu += 0.0005) {
                    double v = 0;
                    for (double xi : x) {
                        if (!Double.isNaN(xi)) {
                            v += loss(l, (xi - mu) / sigma);
                        }
                    }
                    grid = Math.min(grid, v);
                }
                assertTrue(exact <= grid + 1e-9, l + " rep " + rep + ": " + exact + " > grid " + grid);
                assertEquals(grid, exact, 1e-3 * (1 + grid), l + " rep " + rep);
            }
        }
    }

    @Test
    void functionalPruningEqualsOptimalPartitioning() {
        Random rnd = new Random(9);
        for (ShiftOptions.MeanLoss l : ShiftOptions.MeanLoss.values()) {
            for (int rep = 0; rep < 40; rep++) {
                int n = 10 + rnd.nextInt(40);
                double[] x = series(rnd, n);
                Observations o = obs(x);
                double sigma = 0.5 + rnd.nextDouble();
                double pen = 2 + 8 * rnd.nextDouble();
                // optimal partitioning over the exact segment costs
                double[] f = new double[n + 1];
                f[0] = -pen;
                for (int t = 1; t <= n; t++) {
                    f[t] = Double.POSITIVE_INFINITY;
                    for (int s = 0; s < t; s++) {
                        f[t] = Math.min(f[t], f[s] + pen + RobustFpop.segmentCost(o, s, t, sigma, l));
                    }
                }
                Pelt.Result r = RobustFpop.run(o, sigma, l, pen);
                assertEquals(f[n], r.cost() + pen * r.changes().length, 1e-7 * (1 + Math.abs(f[n])), l + " rep " + rep);
                // and the changes returned reach that value
                double v = pen * r.changes().length;
                int prev = 0;
                for (int k = 0; k <= r.changes().length; k++) {
                    int e = k == r.changes().length ? n : r.changes()[k];
                    v += RobustFpop.segmentCost(o, prev, e, sigma, l);
                    prev = e;
                }
                assertEquals(f[n], v, 1e-7 * (1 + Math.abs(f[n])), l + " rep " + rep);
            }
        }
    }

    @Test
    void squaredLossIsFpopsOptimum() {
        Random rnd = new Random(4);
        for (int rep = 0; rep < 50; rep++) {
            double[] x = series(rnd, 50 + rnd.nextInt(300));
            Observations o = obs(x);
            double sigma = 0.5 + rnd.nextDouble();
            double pen = 2 * Math.log(x.length);
            assertArrayEquals(Fpop.optimal(SegmentCosts.of(Model.NORMAL_MEAN, o, sigma), pen, 1, false).changes(),
                    RobustFpop.run(o, sigma, ShiftOptions.MeanLoss.SQUARED, pen).changes(), "rep " + rep);
        }
    }

    @Test
    void biweightKeepsTheStepAmongOutliersWithoutTheGuard() {
        int[] found = new int[ShiftOptions.MeanLoss.values().length];
        int[] wrong = new int[found.length];
        for (ShiftOptions.MeanLoss l : ShiftOptions.MeanLoss.values()) {
            ShiftOptions o = ShiftOptions.DEFAULT.withMeanLoss(l).withRobust(false);
            for (long seed = 1; seed <= 5; seed++) {
                ConstructedSeries.Case c = ConstructedSeries.cases().get("outliers (single and paired)").apply(seed);
                int[] s = ConstructedSeries.score(c.truth(), ShiftDetector.detect(Observations.of(c.dates(), c.x()), o).changeIndices());
                found[l.ordinal()] += s[0];
                wrong[l.ordinal()] += s[1];
            }
        }
        int bi = ShiftOptions.MeanLoss.BIWEIGHT.ordinal();
        int sq = ShiftOptions.MeanLoss.SQUARED.ordinal();
        assertEquals(5, found[bi], "biweight: the step in every seed");
        assertTrue(wrong[bi] <= 1, "biweight: spikes of 12 sd are not changes, got " + wrong[bi]);
        assertTrue(wrong[sq] > 5 * wrong[bi] + 5, "least squares without the guard cuts the spikes out: " + wrong[sq]);
    }
}
