package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.narrativewatch.timeline.Series;

class ShiftDetectorTest {

    private static final LocalDate JAN1 = LocalDate.of(2025, 1, 1);

    /** The brief's pattern: coverage collapses in June and comes back on 8 August. */
    @Test
    void poissonCountsThatFallToNearZeroAndComeBack() {
        RandomDataGenerator rng = new RandomDataGenerator(7);
        LocalDate june1 = LocalDate.of(2025, 6, 1);
        LocalDate aug8 = LocalDate.of(2025, 8, 8);
        int n = 365;
        long[] counts = new long[n];
        long[] totals = new long[n];
        for (int i = 0; i < n; i++) {
            LocalDate d = JAN1.plusDays(i);
            boolean low = !d.isBefore(june1) && d.isBefore(aug8);
            counts[i] = Synthetic.poisson(low ? 0.3 : 12, rng);
            totals[i] = 400; // same total every day: the auto model is Poisson on counts
        }
        Series s = Synthetic.series(JAN1, counts, totals);
        assertEquals(Model.POISSON, ShiftDetector.autoModel(s));
        ShiftResult r = ShiftDetector.detect(s, ShiftOptions.DEFAULT);
        assertEquals(2, r.changes().size(), "changes: " + r.changes());
        ChangePoint drop = r.changes().get(0);
        ChangePoint back = r.changes().get(1);
        assertTrue(Math.abs(drop.date().toEpochDay() - june1.toEpochDay()) <= 2, "drop at " + drop.date());
        assertTrue(Math.abs(back.date().toEpochDay() - aug8.toEpochDay()) <= 2, "return at " + back.date());
        assertTrue(drop.before().level() > 10 && drop.after().level() < 1, drop.toString());
        assertTrue(drop.before().lo() < 12 && 12 < drop.before().hi(), "true rate 12 inside " + drop.before());
        assertTrue(drop.after().lo() < 0.3 && 0.3 < drop.after().hi(), "true rate 0.3 inside " + drop.after());
        assertTrue(drop.relative() < -0.9);
        assertTrue(drop.p() < 1e-10 && back.p() < 1e-10);
        assertTrue(Double.isNaN(drop.posterior()), "offline methods report no posterior");
        // the online detector sees the same two changes, each with a posterior probability
        ShiftResult online = ShiftDetector.detect(s, ShiftOptions.DEFAULT.withMethod(ShiftOptions.Method.BOCPD));
        assertEquals(2, online.changes().size(), "changes: " + online.changes());
        assertTrue(Math.abs(online.changes().get(0).date().toEpochDay() - june1.toEpochDay()) <= 2, online.changes().toString());
        assertTrue(Math.abs(online.changes().get(1).date().toEpochDay() - aug8.toEpochDay()) <= 2, online.changes().toString());
        for (ChangePoint c : online.changes()) {
            assertTrue(c.posterior() > 0.5 && c.posterior() <= 1 + 1e-9, c.toString());
        }
    }

    /** 0 to 4 articles a day: the share jumps from 10% to 60%; empty days are gaps, not zero shares. */
    @Test
    void shareOnDaysWithVeryFewArticles() {
        RandomDataGenerator rng = new RandomDataGenerator(11);
        int n = 200;
        long[] k = new long[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextInt(5); // 0..4 articles
            k[i] = Synthetic.binomial((int) t[i], i < 120 ? 0.1 : 0.6, rng);
        }
        Series s = Synthetic.series(JAN1, k, t);
        assertEquals(Model.BINOMIAL, ShiftDetector.autoModel(s));
        ShiftResult r = ShiftDetector.detect(s, ShiftOptions.DEFAULT);
        assertEquals(1, r.changes().size(), "changes: " + r.changes());
        ChangePoint c = r.changes().get(0);
        assertTrue(Math.abs(c.index() - 120) <= 5, "change at " + c.index());
        assertTrue(c.before().lo() < 0.1 && 0.1 < c.before().hi(), c.before().toString());
        assertTrue(c.after().lo() < 0.6 && 0.6 < c.after().hi(), c.after().toString());
        // the same shares read as counts would see a rate that only follows the number of articles
        assertTrue(r.observed() < n, "days without articles must be missing");
    }

    @Test
    void noChangeInStableOverdispersedCounts() {
        // Gamma-mixed Poisson (variance 5x the mean) around a constant 50: no real change.
        RandomDataGenerator rng = new RandomDataGenerator(3);
        int n = 300;
        long[] c = new long[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            c[i] = Synthetic.poisson(rng.nextGamma(12.5, 4), rng);
            t[i] = 10_000;
        }
        Series s = Synthetic.series(JAN1, c, t);
        ShiftResult quasi = ShiftDetector.detect(s, ShiftOptions.DEFAULT);
        ShiftResult pure = ShiftDetector.detect(s, ShiftOptions.DEFAULT.withDispersion(false));
        assertTrue(quasi.dispersion() > 2, "dispersion " + quasi.dispersion());
        assertEquals(0, quasi.changes().size(), "changes: " + quasi.changes());
        assertTrue(pure.changes().size() > 0, "pure Poisson should be fooled by over-dispersion");
    }

    @Test
    void edgeCases() {
        ShiftOptions o = ShiftOptions.DEFAULT;
        for (Model m : Model.values()) {
            ShiftOptions om = o.withModel(m);
            double[] empty = {};
            assertEquals(0, detect(empty, m, om).changes().size(), m + " empty");
            assertEquals(0, detect(empty, m, om).segments().size(), m + " empty has no segment");
            assertEquals(0, detect(new double[] {3}, m, om).changes().size(), m + " one point");
            double[] constant = new double[50];
            Arrays.fill(constant, 4);
            ShiftResult rc = detect(constant, m, om);
            assertEquals(0, rc.changes().size(), m + " constant");
            assertEquals(1, rc.segments().size());
            assertEquals(m == Model.BINOMIAL ? 0.4 : 4, rc.segments().get(0).level().level(), 1e-12, m + " level");
            assertEquals(0, detect(new double[60], m, om).changes().size(), m + " all zeros");
            double[] nan = new double[40];
            Arrays.fill(nan, Double.NaN);
            ShiftResult rn = detect(nan, m, om);
            assertEquals(0, rn.changes().size(), m + " all missing");
            assertEquals(0, rn.observed());
        }
    }

    private static ShiftResult detect(double[] v, Model m, ShiftOptions o) {
        if (m == Model.BINOMIAL) {
            double[] tot = new double[v.length];
            Arrays.fill(tot, 10);
            return ShiftDetector.detect(new Observations(null, v, tot), o);
        }
        return ShiftDetector.detect(Observations.of(null, v), o);
    }

    /** A month without articles between two equal stretches: missing data, so no change; as zeros it would be two. */
    @Test
    void gapsAreMissingNotZeros() {
        RandomDataGenerator rng = new RandomDataGenerator(5);
        int n = 150;
        long[] c = new long[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            boolean gap = i >= 60 && i < 90;
            t[i] = gap ? 0 : 200;
            c[i] = gap ? 0 : Synthetic.poisson(20, rng);
        }
        Series s = Synthetic.series(JAN1, c, t);
        ShiftResult r = ShiftDetector.detect(s, ShiftOptions.DEFAULT.withModel(Model.POISSON));
        assertEquals(0, r.changes().size(), "changes: " + r.changes());
        assertEquals(120, r.observed());
        double[] asZeros = Arrays.stream(c).asDoubleStream().toArray();
        ShiftResult z = ShiftDetector.detect(Observations.of(null, asZeros), ShiftOptions.DEFAULT.withModel(Model.POISSON));
        assertEquals(List.of(60, 90), Arrays.stream(z.changeIndices()).boxed().toList());
        // NaN in a plain series is missing too, and a change across a gap is dated at the first observed bucket
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i < 50 ? 0 : 10;
        }
        for (int i = 45; i < 55; i++) {
            v[i] = Double.NaN;
        }
        ShiftResult g = ShiftDetector.detect(Observations.of(null, v), ShiftOptions.DEFAULT.withModel(Model.NORMAL_MEAN));
        assertEquals(1, g.changes().size());
        assertTrue(g.changes().get(0).index() >= 45 && g.changes().get(0).index() <= 55, g.changes().toString());
    }

    @Test
    void robustModeIgnoresASingleSpike() {
        double[] v = new double[100];
        RandomDataGenerator rng = new RandomDataGenerator(9);
        for (int i = 0; i < v.length; i++) {
            v[i] = 10 + rng.nextGaussian();
        }
        v[40] = 60;
        ShiftOptions o = ShiftOptions.DEFAULT.withModel(Model.NORMAL_MEAN).withMinSegment(1);
        ShiftResult plain = ShiftDetector.detect(Observations.of(null, v), o);
        ShiftResult robust = ShiftDetector.detect(Observations.of(null, v), o.withRobust(true));
        assertEquals(List.of(40, 41), Arrays.stream(plain.changeIndices()).boxed().toList());
        assertEquals(0, robust.changes().size());
        assertEquals(List.of(40), robust.outliers());
        // a genuine step is not mistaken for outliers
        double[] step = new double[100];
        for (int i = 0; i < step.length; i++) {
            step[i] = (i < 50 ? 0 : 30) + rng.nextGaussian();
        }
        ShiftResult s = ShiftDetector.detect(Observations.of(null, step), o.withRobust(true));
        assertEquals(List.of(50), Arrays.stream(s.changeIndices()).boxed().toList());
        assertEquals(List.of(), s.outliers());
    }

    @Test
    void gaussianModelsFindKnownSteps() {
        RandomDataGenerator rng = new RandomDataGenerator(21);
        double[] x = Synthetic.gaussian(rng, new double[] {0, 3, -1}, new int[] {100, 80, 120}, 1);
        for (Model m : List.of(Model.NORMAL_MEAN, Model.NORMAL_MEANVAR, Model.NORMAL_TREND)) {
            for (ShiftOptions.Method method : ShiftOptions.Method.values()) {
                ShiftResult r = ShiftDetector.detect(Observations.of(null, x), ShiftOptions.DEFAULT.withModel(m).withMethod(method));
                int[] cps = r.changeIndices();
                assertEquals(2, cps.length, m + " " + method + " " + Arrays.toString(cps));
                assertTrue(Math.abs(cps[0] - 100) <= 3 && Math.abs(cps[1] - 180) <= 3, m + " " + Arrays.toString(cps));
            }
        }
        ShiftResult r = ShiftDetector.detect(Observations.of(null, x), ShiftOptions.DEFAULT.withModel(Model.NORMAL_MEAN));
        ChangePoint c = r.changes().get(0);
        assertTrue(c.before().lo() < 0 && 0 < c.before().hi() && c.after().lo() < 3 && 3 < c.after().hi(), c.toString());
    }

    @Test
    void trendModelSeesAChangeOfSlope() {
        double[] x = new double[120];
        RandomDataGenerator rng = new RandomDataGenerator(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = truth(i) + 0.5 * rng.nextGaussian();
        }
        ShiftResult r = ShiftDetector.detect(Observations.of(null, x), ShiftOptions.DEFAULT.withModel(Model.NORMAL_TREND));
        assertEquals(1, r.changes().size(), r.changes().toString());
        int c = r.changes().get(0).index();
        assertTrue(Math.abs(c - 70) <= 2, "change at " + c);
        assertEquals(truth(c - 1), r.changes().get(0).before().level(), 1.0);
        assertEquals(truth(c), r.changes().get(0).after().level(), 1.0);
        assertTrue(r.changes().get(0).p() < 1e-6);
    }

    private static double truth(int i) {
        return i < 70 ? i : 70 - 2.0 * (i - 70);
    }

    @Test
    void poissonIntervalsOfHugeTotalsDoNotFail() {
        // totals of ~10^16 (GDP in currency units read as counts): Hipparchus' χ² root search fails there; Wilson–Hilferty takes over
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.0e14 + (i % 3) * 1000;
        }
        Estimate e = SegmentCosts.of(Model.POISSON, Observations.of(null, x), 1).estimate(0, 60, 0, Double.NaN);
        org.junit.jupiter.api.Assertions.assertTrue(e.lo() < e.level() && e.level() < e.hi(), e.toString());
        org.junit.jupiter.api.Assertions.assertEquals(1.96 * Math.sqrt(e.level() / 60), e.hi() - e.level(), 1e-3 * Math.sqrt(e.level() / 60));
        // and where Hipparchus works, its exact value is kept
        org.junit.jupiter.api.Assertions.assertEquals(new org.hipparchus.distribution.continuous.ChiSquaredDistribution(40)
                .inverseCumulativeProbability(0.975), SegmentCosts.chiSquaredQuantile(40, 0.975), 0);
    }
}
