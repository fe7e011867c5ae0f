package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/** PELT against exhaustive optimal partitioning, binary segmentation, CROPS and BOCPD on series of known truth. */
class DetectorsTest {

    /** Optimal partitioning without pruning (Jackson et al. 2005): what PELT must equal. */
    static int[] bruteForce(SegmentCost c, double pen, int minSeg, boolean charge) {
        int n = c.size();
        double[] f = new double[n + 1];
        int[] last = new int[n + 1];
        Arrays.fill(f, Double.POSITIVE_INFINITY);
        f[0] = -pen;
        for (int t = minSeg; t <= n; t++) {
            for (int s = 0; s <= t - minSeg; s++) {
                if (s != 0 && s < minSeg) {
                    continue;
                }
                double v = f[s] + Pelt.charged(c, s, t, charge) + pen;
                if (v < f[t]) {
                    f[t] = v;
                    last[t] = s;
                }
            }
        }
        java.util.ArrayList<Integer> cps = new java.util.ArrayList<>();
        for (int t = last[n]; t > 0; t = last[t]) {
            cps.add(0, t);
        }
        return cps.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void peltEqualsExhaustiveSearch() {
        RandomDataGenerator rng = new RandomDataGenerator(1);
        for (int trial = 0; trial < 40; trial++) {
            int n = 30 + rng.nextInt(120);
            double[] x = new double[n];
            double[] tot = new double[n];
            double level = 5;
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < 0.05) {
                    level = 1 + 20 * rng.nextDouble();
                }
                x[i] = rng.nextPoisson(level);
                tot[i] = x[i] + rng.nextPoisson(20);
                if (rng.nextDouble() < 0.05) {
                    x[i] = Double.NaN;
                }
            }
            for (Model m : Model.values()) {
                Observations o = m == Model.BINOMIAL ? new Observations(null, x, tot) : Observations.of(null, x);
                double scale = ShiftDetector.isGaussian(m) ? ShiftDetector.nullScale(o, m == Model.NORMAL_TREND) : 1;
                // the negative binomial at a fixed size: its search is PELT at each r it tries
                SegmentCost c = m == Model.NEGATIVE_BINOMIAL ? new NegativeBinomial.Cost(o, 3) : SegmentCosts.of(m, o, scale);
                for (Penalty p : List.of(Penalty.BIC, Penalty.MBIC, Penalty.manual(2))) {
                    int minSeg = Math.max(m.minimumSegment(), 1 + trial % 4);
                    double pen = p.value(m, o.observedCount());
                    int[] pelt = Pelt.run(c, pen, minSeg, p.chargesSegmentLength()).changes();
                    int[] exact = bruteForce(c, pen, minSeg, p.chargesSegmentLength());
                    assertArrayEquals(exact, pelt, m + " " + p.wire() + " minSeg " + minSeg + " trial " + trial);
                    for (int i = 0; i < pelt.length; i++) {
                        int prev = i == 0 ? 0 : pelt[i - 1];
                        assertTrue(pelt[i] - prev >= minSeg);
                    }
                    assertTrue(pelt.length == 0 || n - pelt[pelt.length - 1] >= minSeg);
                }
            }
        }
    }

    /** The penalties are R changepoint's: BIC (p+1) log n, MBIC (p+2) log n. */
    @Test
    void penaltiesMatchRChangepoint() {
        assertEquals(2 * Math.log(100), Penalty.BIC.value(Model.NORMAL_MEAN, 100), 1e-12);
        assertEquals(3 * Math.log(100), Penalty.MBIC.value(Model.NORMAL_MEAN, 100), 1e-12);
        assertEquals(4 * Math.log(100), Penalty.MBIC.value(Model.NORMAL_MEANVAR, 100), 1e-12);
        assertEquals(3 * Math.log(100), Penalty.MBIC.value(Model.POISSON, 100), 1e-12);
        assertEquals(7.5, Penalty.parse("7.5").value(Model.POISSON, 100), 0);
        assertEquals(2.5 * Math.log(100), Penalty.parse("2.5*log(n)").value(Model.POISSON, 100), 1e-12);
        assertEquals(4 * Math.log(100), Penalty.parse("4logn").value(Model.NORMAL_MEAN, 100), 1e-12);
        // R's mll.mean, mll.meanvar and mll.meanvar.poisson on a hand-checked segment {1, 2, 6}
        Observations o = Observations.of(null, new double[] {1, 2, 6});
        assertEquals(41 - 81.0 / 3, SegmentCosts.of(Model.NORMAL_MEAN, o, 1).cost(0, 3), 1e-12);
        double var = (41 - 81.0 / 3) / 3;
        assertEquals(3 * (Math.log(2 * Math.PI) + Math.log(var) + 1), SegmentCosts.of(Model.NORMAL_MEANVAR, o, 1).cost(0, 3), 1e-12);
        assertEquals(2 * 9 * (Math.log(3) - Math.log(9)), SegmentCosts.of(Model.POISSON, o, 1).cost(0, 3), 1e-12);
    }

    @Test
    void binarySegmentationFindsSteps() {
        RandomDataGenerator rng = new RandomDataGenerator(2);
        double[] x = Synthetic.gaussian(rng, new double[] {0, 4, 1, 6}, new int[] {60, 60, 60, 60}, 1);
        Observations o = Observations.of(null, x);
        SegmentCost c = SegmentCosts.of(Model.NORMAL_MEAN, o, 1);
        int[] cps = BinarySegmentation.run(c, 3 * Math.log(x.length), 2, 10);
        assertEquals(3, cps.length, Arrays.toString(cps));
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(cps[i] - 60 * (i + 1)) <= 2, Arrays.toString(cps));
        }
        assertEquals(1, BinarySegmentation.run(c, 3 * Math.log(x.length), 2, 1).length);
    }

    @Test
    void cropsListsEveryOptimalSegmentationInRange() {
        RandomDataGenerator rng = new RandomDataGenerator(3);
        double[] x = Synthetic.gaussian(rng, new double[] {0, 1.5, 5}, new int[] {100, 100, 100}, 1);
        SegmentCost c = SegmentCosts.of(Model.NORMAL_MEAN, Observations.of(null, x), 1);
        List<Crops.Run> runs = Crops.sweep(c, 1, 2000, 2);
        // from the largest penalty (no change) down to the smallest (many); counts strictly increase
        assertEquals(0, runs.get(0).changes().length);
        for (int i = 1; i < runs.size(); i++) {
            assertTrue(runs.get(i).changes().length > runs.get(i - 1).changes().length);
            assertTrue(runs.get(i).penalty() < runs.get(i - 1).penalty());
        }
        Crops.Run two = runs.stream().filter(r -> r.changes().length == 2).findFirst().orElseThrow();
        assertTrue(Math.abs(two.changes()[0] - 100) <= 3 && Math.abs(two.changes()[1] - 200) <= 3, Arrays.toString(two.changes()));
        // each run is PELT's optimum at its penalty
        for (Crops.Run r : runs) {
            assertArrayEquals(Pelt.run(c, r.penalty(), 2, false).changes(), r.changes());
        }
        // the big step survives longer than the small one
        Crops.Run one = runs.stream().filter(r -> r.changes().length == 1).findFirst().orElseThrow();
        assertTrue(Math.abs(one.changes()[0] - 200) <= 3, Arrays.toString(one.changes()));
    }

    @Test
    void bocpdDetectsAMeanShiftOnline() {
        RandomDataGenerator rng = new RandomDataGenerator(4);
        double[] x = Synthetic.gaussian(rng, new double[] {0, 4}, new int[] {150, 100}, 1);
        Bocpd b = Bocpd.standard();
        int alarm = -1;
        for (int t = 0; t < x.length; t++) {
            Bocpd.Step s = b.update(x[t]);
            if (t < 150) {
                assertTrue(b.changes().isEmpty(), "false alarm at " + t + ": " + b.changes());
            } else if (alarm < 0 && !b.changes().isEmpty()) {
                alarm = t;
                assertTrue(s.probabilityRunAtMost(t - 150 + 1) > 0.5);
            }
        }
        assertTrue(alarm >= 150 && alarm <= 156, "alarm at " + alarm);
        assertEquals(List.of(150), b.changes());
        List<Bocpd.Change> seg = b.segmentation();
        assertEquals(1, seg.size(), seg.toString());
        assertEquals(150, seg.get(0).start());
        assertTrue(seg.get(0).probability() > 0.9, seg.toString());
        // missing values pass time without learning
        Bocpd g = Bocpd.standard();
        for (int t = 0; t < 50; t++) {
            g.update(t % 7 == 0 ? Double.NaN : x[t]);
        }
        assertTrue(g.changes().isEmpty());
    }
}
