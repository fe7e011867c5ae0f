package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The negative binomial model ({@code --model negative-binomial}, a candidate of {@code --choose-model}): its cost is the
 * exact −2 log-likelihood written out, its size and intervals are right on simulated counts of known truth, and its
 * search finds the steps of over-dispersed counts where the pure Poisson model cuts them to pieces.
 */
class NegativeBinomialTest {

    /** Gamma–Poisson draws: NB with size r·e and mean λ·e. */
    private static double[] draws(RandomDataGenerator g, double r, double[] lambda, double[] exposure) {
        double[] x = new double[lambda.length];
        for (int i = 0; i < x.length; i++) {
            double e = exposure == null ? 1 : exposure[i];
            x[i] = g.nextPoisson(Math.max(1e-12, g.nextGamma(r * e, lambda[i] / r)));
        }
        return x;
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** log P(X = x) for X ~ NB(size s, p) written out: Γ(x + s) / (Γ(s) x!) p^s (1 − p)^x. */
    private static double logPmf(double x, double s, double p) {
        return Gamma.logGamma(x + s) - Gamma.logGamma(s) - Gamma.logGamma(x + 1) + s * Math.log(p) + (x == 0 ? 0 : x * Math.log1p(-p));
    }

    @Test
    void theCostIsMinusTwiceTheMaximisedLogLikelihood() {
        RandomDataGenerator g = new RandomDataGenerator(7);
        for (double r : new double[] {0.7, 3, 40, 2500}) {
            double[] e = new double[60];
            for (int i = 0; i < e.length; i++) {
                e[i] = i % 7 == 0 ? 3.0 / 7 : 1; // partial buckets
            }
            double[] x = draws(g, r, constant(60, 12), e);
            x[5] = Double.NaN;
            Observations obs = Observations.of(null, x).withExposure(e);
            NegativeBinomial.Cost cost = new NegativeBinomial.Cost(obs, r);
            for (int[] seg : new int[][] {{0, 60}, {3, 17}, {4, 7}, {20, 21}}) {
                double s = 0;
                double bigE = 0;
                for (int i = seg[0]; i < seg[1]; i++) {
                    if (!Double.isNaN(x[i])) {
                        s += x[i];
                        bigE += e[i];
                    }
                }
                double pHat = r * bigE / (r * bigE + s);
                double best = Double.NEGATIVE_INFINITY;
                for (double p : new double[] {pHat, pHat * 0.99, Math.min(1 - 1e-9, pHat * 1.01)}) {
                    double ll = 0;
                    for (int i = seg[0]; i < seg[1]; i++) {
                        if (!Double.isNaN(x[i])) {
                            ll += logPmf(x[i], r * e[i], p);
                        }
                    }
                    if (p == pHat) {
                        assertEquals(-2 * ll, cost.cost(seg[0], seg[1]), 1e-8 * Math.abs(ll), "r " + r + " " + Arrays.toString(seg));
                    }
                    best = Math.max(best, ll);
                }
                assertEquals(-2 * best, cost.cost(seg[0], seg[1]), 1e-8 * Math.abs(best), "p̂ is the maximum, r " + r);
            }
        }
    }

    @Test
    void logGammaRatioMatchesTheDirectDifferenceWhereThatIsAccurate() {
        for (double a : new double[] {1000, 5e3, 1e5, 1e6}) {
            for (double x : new double[] {0, 1, 17, 1e4}) {
                double direct = Gamma.logGamma(x + a) - Gamma.logGamma(a);
                assertEquals(direct, NegativeBinomial.logGammaRatio(x, a), 1e-9 * Math.max(1, Math.abs(direct)), a + " " + x);
            }
        }
    }

    @Test
    void theSizeIsEstimatedAndPoissonCountsGoToThePoissonEnd() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomDataGenerator g = new RandomDataGenerator(seed);
            double[] lambda = new double[3000];
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] = i < 1500 ? 30 : 60;
            }
            double r = NegativeBinomial.size(Observations.of(null, draws(g, 4, lambda, null)), new int[] {1500});
            assertEquals(4, r, 0.6, "seed " + seed);
            double[] poisson = new double[3000];
            for (int i = 0; i < poisson.length; i++) {
                poisson[i] = g.nextPoisson(30);
            }
            double rp = NegativeBinomial.size(Observations.of(null, poisson), new int[0]);
            assertTrue(rp > 200, "seed " + seed + ": Poisson counts, variance factor 1 + 30/r close to 1, r = " + rp);
        }
    }

    @Test
    void intervalsCoverAtTheirLevelAndBecomeGarwoodsAtThePoissonEnd() {
        RandomDataGenerator g = new RandomDataGenerator(11);
        int covered = 0;
        int reps = 2000;
        for (int k = 0; k < reps; k++) {
            double[] x = draws(g, 2, constant(20, 5), null);
            Estimate est = new NegativeBinomial.Cost(Observations.of(null, x), 2).estimate(0, 20, 0, Double.NaN);
            if (est.lo() <= 5 && 5 <= est.hi()) {
                covered++;
            }
        }
        double share = covered / (double) reps;
        assertTrue(share > 0.935 && share < 0.975, "coverage " + share);

        double[] x = {3, 5, 4, 6, 2, 5, 3, 4, 1, 4};
        Estimate nb = new NegativeBinomial.Cost(Observations.of(null, x), 1e10).estimate(0, 10, 0, Double.NaN);
        Estimate garwood = SegmentCosts.of(Model.POISSON, Observations.of(null, x), 1).estimate(0, 10, 0, Double.NaN);
        assertEquals(garwood.lo(), nb.lo(), 1e-6 * garwood.lo());
        assertEquals(garwood.hi(), nb.hi(), 1e-6 * garwood.hi());

        // a zero total: P(S = 0) = p^{rE} is 2.5 % at the upper end
        Estimate zero = new NegativeBinomial.Cost(Observations.of(null, new double[] {0, 0, 0}), 1.5).estimate(0, 3, 0, Double.NaN);
        double p = 1.5 / (1.5 + zero.hi());
        assertEquals(0.025, Math.pow(p, 4.5), 1e-12);
        assertEquals(0, zero.lo());
    }

    @Test
    void intervalsOfLargeTotalsKeepTheirLevelAtAnySize() {
        // above a total of 10^7 the interval is approximated: each end must still leave 2.5 % in its tail (P(S ≤ s) at the
        // upper end, P(S ≥ s) at the lower, from the regularised beta, which is accurate at these totals), whether the
        // size makes the total nearly Poisson (r large) or nearly gamma and skewed (r·E small)
        for (double total : new double[] {2e7, 3e9}) {
            for (double r : new double[] {0.5, 3, 50, 1e4, 1e9}) {
                for (int buckets : new int[] {1, 4}) {
                    double[] x = constant(buckets, Math.rint(total / buckets));
                    double s = Arrays.stream(x).sum();
                    Estimate est = new NegativeBinomial.Cost(Observations.of(null, x), r).estimate(0, buckets, 0, Double.NaN);
                    double re = r * buckets;
                    // P(S ≤ s) = I_p(rE, s + 1), P(S ≥ s) = 1 − I_p(rE, s), p = r/(r + λ)
                    double upper = org.hipparchus.special.Beta.regularizedBeta(r / (r + est.hi()), re, s + 1);
                    double lower = 1 - org.hipparchus.special.Beta.regularizedBeta(r / (r + est.lo()), re, s);
                    String what = "total " + s + ", r " + r + ", " + buckets + " buckets: " + est;
                    assertEquals(0.025, upper, 0.001, what);
                    assertEquals(0.025, lower, 0.001, what);
                }
            }
        }
    }

    @Test
    void overDispersedCountsKeepTheirStepWherePurePoissonCutsThem() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomDataGenerator g = new RandomDataGenerator(seed);
            double[] lambda = new double[300];
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] = i < 170 ? 50 : 100;
            }
            double[] x = draws(g, 4, lambda, null);
            Observations obs = Observations.of(ConstructedSeries.days(x.length), x);
            ShiftResult nb = ShiftDetector.detect(obs, ShiftOptions.DEFAULT.withModel(Model.NEGATIVE_BINOMIAL));
            assertEquals(Model.NEGATIVE_BINOMIAL, nb.model());
            assertEquals(1, nb.changes().size(), "seed " + seed + ": " + Arrays.toString(nb.changeIndices()));
            // r = 4 is heavy-tailed (a bucket's sd is 0.5-0.6 of its mean): a run of high draws moves the optimum a few buckets
            assertTrue(Math.abs(nb.changeIndices()[0] - 170) <= 10, "seed " + seed + ": " + nb.changeIndices()[0]);
            assertTrue(nb.size() > 2.5 && nb.size() < 6, "seed " + seed + ": size " + nb.size());
            ShiftResult pure = ShiftDetector.detect(obs, ShiftOptions.DEFAULT.withModel(Model.POISSON).withDispersion(false));
            assertTrue(pure.changes().size() > 10, "seed " + seed + ": the pure Poisson model reads the spread as changes: "
                    + pure.changes().size());
        }
    }

    @Test
    void withoutOverDispersionTheSearchIsPoissons() {
        for (long seed = 1; seed <= 4; seed++) {
            RandomDataGenerator g = new RandomDataGenerator(seed);
            double[] x = new double[250];
            for (int i = 0; i < x.length; i++) {
                x[i] = g.nextPoisson(i < 100 ? 6 : i < 180 ? 11 : 7);
            }
            Observations obs = Observations.of(null, x);
            double pen = Penalty.BIC.value(Model.POISSON, x.length);
            NegativeBinomial.Fit nb = NegativeBinomial.search(obs, pen, 1, false);
            int[] poisson = Pelt.run(SegmentCosts.of(Model.POISSON, obs, 1), pen, 1, false).changes();
            // the two starts make the answer at least as good as Poisson's (r → ∞ is inside the model)
            NegativeBinomial.Fit atPoisson = new NegativeBinomial.Fit(poisson, NegativeBinomial.poissonEnd(obs),
                    new NegativeBinomial.Cost(obs, NegativeBinomial.poissonEnd(obs)));
            assertTrue(NegativeBinomial.criterion(nb, pen, false) <= NegativeBinomial.criterion(atPoisson, pen, false) + 1e-6,
                    "seed " + seed);
            int[] s = ConstructedSeries.score(new int[] {100, 180}, nb.changes());
            assertEquals(2, s[0], "seed " + seed + ": " + Arrays.toString(nb.changes()));
            assertTrue(s[1] <= 1, "seed " + seed + ": " + Arrays.toString(nb.changes()));
        }
    }

    @Test
    void theModelChoiceTakesTheNegativeBinomialForOverDispersedCounts() {
        for (long seed = 1; seed <= 4; seed++) {
            RandomDataGenerator g = new RandomDataGenerator(seed);
            double[] lambda = new double[300];
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] = i < 140 ? 40 : 100;
            }
            double[] x = draws(g, 3, lambda, null);
            Observations o = Observations.of(ConstructedSeries.months(x.length), x);
            ShiftOptions choose = ShiftOptions.DEFAULT.withChooseModel(ShiftOptions.ModelChoice.LIKELIHOOD);
            ShiftResult r = ShiftDetector.detect(o, choose);
            assertEquals(Model.NEGATIVE_BINOMIAL, r.model(), "seed " + seed);
            // reported as scored: the candidate's own segmentation and size
            ShiftDetector.ModelFit scored = ShiftDetector.modelFits(o, choose).stream()
                    .filter(f -> f.model() == Model.NEGATIVE_BINOMIAL).findFirst().orElseThrow();
            assertArrayEquals(scored.cps(), r.changeIndices(), "seed " + seed);
            assertTrue(r.size() > 1 && r.size() < 10, "seed " + seed + ": size " + r.size());
            int[] s = ConstructedSeries.score(new int[] {140}, r.changeIndices(), 10); // heavy-tailed: see above
            assertEquals(1, s[0], "seed " + seed + ": " + Arrays.toString(r.changeIndices()));
            assertTrue(s[1] <= 1, "seed " + seed + ": " + Arrays.toString(r.changeIndices()));
        }
    }

    @Test
    void itIsRefusedWhereItCannotApply() {
        Observations obs = Observations.of(ConstructedSeries.days(10), new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        org.narrativewatch.InvalidOptionException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.narrativewatch.InvalidOptionException.class,
                () -> ShiftDetector.detect(obs, ShiftOptions.DEFAULT.withModel(Model.NEGATIVE_BINOMIAL).withMethod(ShiftOptions.Method.BINSEG)));
        assertTrue(e.getMessage().contains("pelt"), e.getMessage());
        org.narrativewatch.UserException u = org.junit.jupiter.api.Assertions.assertThrows(org.narrativewatch.UserException.class,
                () -> ShiftDetector.detect(Observations.of(ConstructedSeries.days(3), new double[] {1, 2.5, 3}),
                        ShiftOptions.DEFAULT.withModel(Model.NEGATIVE_BINOMIAL)));
        assertTrue(u.getMessage().contains("bucket 1"), u.getMessage());
        org.narrativewatch.InvalidOptionException crops = org.junit.jupiter.api.Assertions.assertThrows(
                org.narrativewatch.InvalidOptionException.class,
                () -> ShiftDetector.crops(obs, ShiftOptions.DEFAULT.withModel(Model.NEGATIVE_BINOMIAL), 1, 100));
        assertTrue(crops.getMessage().contains("size"), crops.getMessage());
        org.narrativewatch.InvalidOptionException side = org.junit.jupiter.api.Assertions.assertThrows(
                org.narrativewatch.InvalidOptionException.class,
                () -> ShiftDetector.detect(obs, ShiftOptions.DEFAULT.withModel(Model.NEGATIVE_BINOMIAL).withRefineSide(5)));
        assertEquals("refine-side", side.option());
        assertArrayEquals(new int[0], ShiftDetector.detect(Observations.of(ConstructedSeries.days(5), new double[] {0, 0, 0, 0, 0}),
                ShiftOptions.DEFAULT.withModel(Model.NEGATIVE_BINOMIAL)).changeIndices());
    }
}
