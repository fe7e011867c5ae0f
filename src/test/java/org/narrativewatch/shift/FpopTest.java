package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/** FPOP must give PELT's answer, to the location, on every kind of series it accepts. */
class FpopTest {

    private static double[] series(RandomDataGenerator rng, int n, boolean counts, double gaps) {
        double[] x = new double[n];
        double level = counts ? 5 : 0;
        int kind = rng.nextInt(4); // 0: changes, 1: no change, 2: many short segments, 3: long runs of zeros / ties
        for (int i = 0; i < n; i++) {
            double p = kind == 1 ? 0 : kind == 2 ? 0.2 : 0.03;
            if (rng.nextDouble() < p) {
                level = counts ? (kind == 3 ? rng.nextInt(3) * 0.5 : 0.2 + 30 * rng.nextDouble()) : 4 * rng.nextGaussian();
            }
            x[i] = counts ? rng.nextPoisson(Math.max(level, 1e-9)) * (level == 0 ? 0 : 1)
                    : kind == 3 ? Math.rint(level + rng.nextGaussian()) : level + rng.nextGaussian();
            if (rng.nextDouble() < gaps) {
                x[i] = Double.NaN;
            }
        }
        return x;
    }

    @Test
    void sameOptimumAsPeltOnRandomSeries() {
        RandomDataGenerator rng = new RandomDataGenerator(5);
        int runs = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rng.nextInt(trial < 100 ? 60 : 600);
            boolean counts = trial % 2 == 0;
            double[] x = series(rng, n, counts, trial % 3 == 0 ? 0.1 : 0);
            double[] exposure = null;
            if (trial % 5 == 1) {
                exposure = new double[n];
                for (int i = 0; i < n; i++) {
                    exposure[i] = rng.nextDouble() < 0.2 ? (1 + rng.nextInt(6)) / 7.0 : 1;
                }
            }
            Observations o = Observations.of(null, x).withExposure(exposure);
            Model m = counts ? Model.POISSON : Model.NORMAL_MEAN;
            double dispersion = counts && trial % 7 == 0 ? 2.5 : 1;
            SegmentCost c = SegmentCosts.of(m, o, ShiftDetector.scale(o, m), dispersion);
            for (double pen : List.of(0.5, Penalty.BIC.value(m, o.observedCount()), 10.0, 60.0)) {
                Pelt.Result p = Pelt.run(c, pen, 1, false);
                Pelt.Result f = Fpop.run(c, pen);
                assertArrayEquals(p.changes(), f.changes(), m + " trial " + trial + " pen " + pen);
                assertEquals(p.cost(), f.cost(), 1e-9 * Math.max(1, Math.abs(p.cost())));
                runs++;
            }
        }
        assertEquals(1200, runs);
    }

    @Test
    void notUsedWhereItWouldNotBeExact() {
        Observations o = Observations.of(null, new double[] {1, 2, 3, 4});
        SegmentCost mean = SegmentCosts.of(Model.NORMAL_MEAN, o, 1);
        assertTrue(Fpop.supports(mean, 5, 1, false));
        assertTrue(!Fpop.supports(mean, 5, 2, false), "minimum segment > 1");
        assertTrue(!Fpop.supports(mean, 5, 1, true), "MBIC's length charge");
        assertTrue(!Fpop.supports(mean, 0, 1, false), "penalty 0");
        assertTrue(!Fpop.supports(SegmentCosts.of(Model.NORMAL_TREND, o, 1), 5, 1, false));
        assertTrue(!Fpop.supports(SegmentCosts.of(Model.NORMAL_MEANVAR, o, 1), 5, 1, false));
    }
}
