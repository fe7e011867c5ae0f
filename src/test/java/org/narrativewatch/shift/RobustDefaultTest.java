package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.narrativewatch.shift.ConstructedSeries.Case;

/**
 * The default on constructed series of known truth ({@link ConstructedSeries}), one per way real series mislead
 * a change detector (issue 15, part 2). {@link #table} prints what every model choice does on each (the table
 * in docs/shifts.md: {@code mvn -q test -Dtest=RobustDefaultTest#table}).
 */
class RobustDefaultTest {

    static int[] detect(Case c, ShiftOptions o) {
        return ShiftDetector.detect(Observations.of(c.dates(), c.x()), o).changeIndices();
    }

    static Case make(String name, long seed) {
        return ConstructedSeries.cases().get(name).apply(seed);
    }

    @Test
    void theDefaultDoesNotCutRegularSwingsIntoChanges() {
        int total = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Case c = make("regular swings (balance)", seed);
            ShiftResult r = ShiftDetector.detect(Observations.of(c.dates(), c.x()), ShiftOptions.DEFAULT);
            // annotators see at most one change in such a series; the plain model sees one a month. What the
            // default still finds (0-2 a series) follows the drift of the month-end balance, a random walk here.
            assertTrue(r.changes().size() <= 2, "seed " + seed + ": " + Arrays.toString(r.changeIndices()));
            total += r.changes().size();
            assertTrue(r.seasonality().stream().anyMatch(s -> s.cycle() == Seasonality.Cycle.DAY_OF_MONTH), r.seasonality().toString());
            // the plain line-per-segment model (the previous default) cuts every month off
            assertTrue(detect(c, ShiftOptions.DEFAULT.withModel(Model.NORMAL_TREND)).length >= 15);
        }
        assertTrue(total <= 3, total + " changes in three series without one");
    }

    /**
     * A stretch of two- or fourfold noise is a change of spread, not of level: the default reports no level
     * change anywhere (the common-variance model read it as 1-7 level changes inside the stretch) and lists
     * the change of spread with its standard deviations; at fourfold spread both ends are found.
     */
    @Test
    void changingVarianceMakesNoLevelChange() {
        for (long seed = 1; seed <= 3; seed++) {
            for (int k : new int[] {2, 4}) {
                Case c = ConstructedSeries.variance(seed, k);
                ShiftResult r = ShiftDetector.detect(Observations.of(c.dates(), c.x()), ShiftOptions.DEFAULT);
                assertEquals(List.of(), r.changes(), "seed " + seed + " sd x" + k);
                assertFalse(r.varianceChanges().isEmpty(), "seed " + seed + " sd x" + k + ": the change of spread is reported");
                ShiftDetector.VarianceChange up = r.varianceChanges().get(0);
                assertTrue(up.sdAfter() > 1.5 * up.sdBefore(), up.toString());
                // the wire form lists them apart from the level changes
                com.fasterxml.jackson.databind.JsonNode j = ShiftFormat.toJson(r);
                assertEquals(0, j.get("changes").size());
                assertEquals(r.varianceChanges().size(), j.get("variance_changes").size());
                assertEquals(up.index(), j.get("variance_changes").get(0).get("index").asInt());
                assertEquals(up.sdAfter(), j.get("variance_changes").get(0).get("sd_after").asDouble(), 1e-12);
                // without the variance segments the noisy stretch still makes level changes for some seeds
                if (k == 4) {
                    int[] v = r.varianceChanges().stream().mapToInt(ShiftDetector.VarianceChange::index).toArray();
                    assertEquals(2, ConstructedSeries.score(c.truth(), v)[0], "seed " + seed + ": " + r.varianceChanges());
                }
            }
        }
        int without = 0;
        for (long seed = 1; seed <= 3; seed++) {
            without += detect(ConstructedSeries.variance(seed, 4), ShiftOptions.DEFAULT.withVarianceSegments(false)).length;
        }
        assertTrue(without >= 3, "the common-variance model reads the noisy stretch as level changes: " + without);
        // the plain line-and-variance model finds both changes of spread as its changes
        for (long seed = 1; seed <= 3; seed++) {
            Case c = ConstructedSeries.variance(seed, 4);
            int[] s = ConstructedSeries.score(c.truth(), detect(c, ShiftOptions.DEFAULT.withModel(Model.NORMAL_TREND_VAR)));
            assertEquals(2, s[0], "seed " + seed);
            assertEquals(0, s[1], "seed " + seed);
        }
    }

    /** A real step with a real change of spread at the same time: the level change is kept. */
    @Test
    void aStepWithMoreNoiseAfterItIsStillAStep() {
        for (long seed = 1; seed <= 3; seed++) {
            RandomDataGenerator r = new RandomDataGenerator(seed);
            double[] x = new double[400];
            for (int i = 0; i < x.length; i++) {
                x[i] = i < 200 ? r.nextGaussian() : 8 + 3 * r.nextGaussian();
            }
            int[] p = ShiftDetector.detect(Observations.of(ConstructedSeries.days(x.length), x), ShiftOptions.DEFAULT).changeIndices();
            assertEquals(1, p.length, "seed " + seed + ": " + Arrays.toString(p));
            assertTrue(Math.abs(p[0] - 200) <= 5, "seed " + seed + ": " + Arrays.toString(p));
        }
    }

    /**
     * Smooth growth (a slowly wandering growth rate, integrated) with little noise, like a population curve:
     * lines cut it at its bends under the search's criterion (the previous default: 19 changes in ten series),
     * but the pieces are nearly continuous, and the jump check (on by default) merges every break whose level
     * jumps by less than one long-run sd and whose lines do not part. The no-change check ({@code --null-check},
     * off by default: it does not hold leave-one-out on TCPD) also leaves most of them whole. A real break of
     * the slope (1 to 4, and 1 to 1.5, over 300 points) is kept by both.
     */
    @Test
    void smoothGrowthStaysWholeButABrokenSlopeIsKept() {
        int jumpCheck = 0;
        int with = 0;
        int without = 0;
        int whole = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Case c = ConstructedSeries.smoothGrowth(seed, 0.01);
            int k = detect(c, ShiftOptions.DEFAULT.withNoChangeCheck(true)).length;
            with += k;
            whole += k == 0 ? 1 : 0;
            ShiftResult r = ShiftDetector.detect(Observations.of(c.dates(), c.x()), ShiftOptions.DEFAULT);
            int[] off = detect(c, ShiftOptions.DEFAULT.withMinJump(0.0));
            jumpCheck += r.changes().size();
            without += off.length;
            // what the check merged is reported, each with a jump below one long-run sd, in the wire form too
            assertEquals(off.length - r.changes().size(), r.merged().size(), "seed " + seed);
            com.fasterxml.jackson.databind.JsonNode m = ShiftFormat.toJson(r).get("merged");
            assertEquals(r.merged().size(), m.size());
            for (com.fasterxml.jackson.databind.JsonNode x : m) {
                assertTrue(x.get("jump_sd").asDouble() < 1, x.toString());
                assertTrue(Arrays.stream(off).anyMatch(i -> i == x.get("index").asInt()), x.toString());
            }
        }
        assertTrue(with <= 5 && whole >= 8, with + " changes, " + whole + " of 10 whole");
        assertTrue(without >= 15, "without the jump check the lines cut the curves: " + without);
        assertTrue(jumpCheck <= 2, "the jump check merges the bends: " + jumpCheck);
        // the check's two fits are in the wire form; the lower BIC is what is reported
        Case first = ConstructedSeries.smoothGrowth(1, 0.01);
        ShiftResult checked = ShiftDetector.detect(Observations.of(first.dates(), first.x()), ShiftOptions.DEFAULT.withNoChangeCheck(true));
        com.fasterxml.jackson.databind.JsonNode fits = ShiftFormat.toJson(checked).get("no_change_check");
        assertEquals(2, fits.size(), fits.toString());
        assertEquals("no change", fits.get(1).get("fit").asText());
        assertEquals(fits.get(1).get("bic").asDouble() < fits.get(0).get("bic").asDouble() ? 0 : fits.get(0).get("changes").asInt(),
                checked.changes().size());
        assertEquals(0, ShiftFormat.toJson(ShiftDetector.detect(Observations.of(first.dates(), first.x()), ShiftOptions.DEFAULT))
                .get("no_change_check").size(), "no check by default");
        for (double slope : new double[] {4, 1.5}) {
            for (long seed = 1; seed <= 3; seed++) {
                RandomDataGenerator r = new RandomDataGenerator(seed);
                int n = 600;
                double[] broken = new double[n];
                for (int i = 0; i < n; i++) {
                    broken[i] = 100 + (i < 300 ? i : 300 + slope * (i - 300)) + 3 * r.nextGaussian();
                }
                for (ShiftOptions o : List.of(ShiftOptions.DEFAULT, ShiftOptions.DEFAULT.withNoChangeCheck(true))) {
                    int[] b = ShiftDetector.detect(Observations.of(ConstructedSeries.days(n), broken), o).changeIndices();
                    String what = "slope " + slope + " seed " + seed + " " + o + ": " + Arrays.toString(b);
                    assertEquals(1, b.length, what);
                    // a gentle bend is dated less sharply than a step
                    assertTrue(Math.abs(b[0] - 300) <= (slope > 2 ? 5 : 10), what);
                }
            }
        }
    }

    /**
     * The jump check keeps what has a level jump: a step of one noise sd between two trends is found, with and
     * without the check, at the same place; the check is off for named models and with {@code --min-jump 0}.
     */
    @Test
    void theJumpCheckKeepsSteps() {
        for (long seed = 1; seed <= 3; seed++) {
            RandomDataGenerator r = new RandomDataGenerator(seed);
            int n = 400;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.01 * i + (i < 200 ? 0 : 1.5) + r.nextGaussian();
            }
            Observations o = Observations.of(ConstructedSeries.days(n), x);
            int[] on = ShiftDetector.detect(o, ShiftOptions.DEFAULT).changeIndices();
            int[] off = ShiftDetector.detect(o, ShiftOptions.DEFAULT.withMinJump(0.0)).changeIndices();
            assertEquals(1, on.length, "seed " + seed + ": " + Arrays.toString(on));
            assertTrue(Math.abs(on[0] - 200) <= 5, "seed " + seed + ": " + Arrays.toString(on));
            assertTrue(Arrays.equals(on, off), Arrays.toString(on) + " vs " + Arrays.toString(off));
        }
        // a named model has no jump check (R's answers stay R's)
        Case c = ConstructedSeries.smoothGrowth(1, 0.01);
        assertTrue(detect(c, ShiftOptions.DEFAULT.withModel(Model.NORMAL_TREND)).length
                == detect(c, ShiftOptions.DEFAULT.withModel(Model.NORMAL_TREND).withMinJump(1.0)).length);
    }

    /**
     * A peak or trough is a change even without a jump: a rise of 4 sds that turns into a fall of 4 sds is kept
     * by the turning-point rule (dated within 35 points: a gentle turn is dated loosely), where the jump check
     * alone merges most of them; a line that only bends without turning (smooth growth) is still merged.
     */
    @Test
    void aPeakOrTroughIsAChange() {
        int found = 0;
        int foundWithout = 0;
        int cases = 0;
        for (boolean trough : new boolean[] {false, true}) {
            for (long seed = 1; seed <= 5; seed++) {
                Case c = ConstructedSeries.turningPoint(seed, trough);
                int[] on = detect(c, ShiftOptions.DEFAULT);
                int[] off = detect(c, ShiftOptions.DEFAULT.withMinTurn(0.0));
                String what = c.name() + " seed " + seed + ": " + Arrays.toString(on) + ", without the rule " + Arrays.toString(off);
                assertTrue(on.length <= 1, what);
                if (on.length == 1) {
                    assertTrue(Math.abs(on[0] - 250) <= ConstructedSeries.TURN_MARGIN, what);
                    found++;
                }
                foundWithout += off.length == 1 && Math.abs(off[0] - 250) <= ConstructedSeries.TURN_MARGIN ? 1 : 0;
                cases++;
            }
        }
        assertTrue(found >= 9, found + " of " + cases + " turns found");
        assertTrue(foundWithout <= 5, "without the rule the jump check merges most turns: " + foundWithout + " of " + cases);
        // smooth growth never turns: the rule adds nothing there
        for (long seed = 1; seed <= 3; seed++) {
            Case g = ConstructedSeries.smoothGrowth(seed, 0.01);
            assertEquals(detect(g, ShiftOptions.DEFAULT.withMinTurn(0.0)).length, detect(g, ShiftOptions.DEFAULT).length);
        }
    }

    /**
     * Local refinement: a step the global long-run scale hides (a line through it reads as autocorrelated noise)
     * is found at its own segment's scale; without the refinement most seeds miss it. Nothing else is added.
     */
    @Test
    void aStepHiddenByTheGlobalScaleIsFoundLocally() {
        int with = 0;
        int without = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Case c = ConstructedSeries.hiddenStep(seed);
            int[] on = detect(c, ShiftOptions.DEFAULT);
            int[] off = detect(c, ShiftOptions.DEFAULT.withLocalRefinement(false));
            int[] s = ConstructedSeries.score(c.truth(), on);
            assertEquals(0, s[1], "seed " + seed + ": " + Arrays.toString(on));
            with += s[0] == 2 ? 1 : 0;
            without += ConstructedSeries.score(c.truth(), off)[0] == 2 ? 1 : 0;
        }
        assertTrue(with >= 7, with + " of 8 with both steps");
        assertTrue(without <= 4, "without the refinement the first step is hidden: " + without + " of 8 with both");
    }

    /**
     * Local refinement at the unbiased local noise ({@link ResidualAr1}): on short series with strongly autocorrelated
     * noise (ρ = 0.8), the plug-in noise of a fitted piece reads the noise's wandering as steps; the unbiased
     * noise cuts fewer of them, with and without a true step, and keeps every true step of 3 long-run sds.
     */
    @Test
    void unbiasedLocalNoiseCutsAutocorrelatedNoiseLess() {
        ShiftOptions unbiased = ShiftOptions.DEFAULT.withUnbiasedLocalNoise(true);
        for (double step : new double[] {0, 3}) {
            int falsePlugIn = 0;
            int falseUnbiased = 0;
            for (long seed = 1; seed <= 12; seed++) {
                Case c = ConstructedSeries.shortAutocorrelated(seed, step);
                int[] u = ConstructedSeries.score(c.truth(), detect(c, unbiased));
                int[] p = ConstructedSeries.score(c.truth(), detect(c, ShiftOptions.DEFAULT));
                assertEquals(c.truth().length, u[0], "step " + step + " seed " + seed + ": the true step is found");
                falseUnbiased += u[1];
                falsePlugIn += p[1];
            }
            assertTrue(falseUnbiased < falsePlugIn, "step " + step + ": false changes " + falseUnbiased + " (unbiased) against "
                    + falsePlugIn + " (plug-in)");
        }
    }

    /**
     * Local refinement with one AR(1) coefficient pooled over every segment ({@link RefinementNoise}): on short series with
     * strongly autocorrelated noise it cuts fewer false changes than the plug-in and keeps every true step; and where a
     * piece is too short for its own unbiased ρ (which then runs to its bound), the pooled ρ still lets the hidden step
     * of {@link ConstructedSeries#hiddenStep} through more often than the piece's own.
     */
    @Test
    void pooledLocalNoiseCutsAutocorrelatedNoiseLessAndKeepsShortSteps() {
        ShiftOptions pooled = ShiftOptions.DEFAULT.withLocalNoise(ShiftOptions.LocalNoise.POOLED);
        for (double step : new double[] {0, 3}) {
            int falsePlugIn = 0;
            int falsePooled = 0;
            for (long seed = 1; seed <= 12; seed++) {
                Case c = ConstructedSeries.shortAutocorrelated(seed, step);
                int[] u = ConstructedSeries.score(c.truth(), detect(c, pooled));
                assertEquals(c.truth().length, u[0], "step " + step + " seed " + seed + ": the true step is found");
                falsePooled += u[1];
                falsePlugIn += ConstructedSeries.score(c.truth(), detect(c, ShiftOptions.DEFAULT))[1];
            }
            assertTrue(falsePooled < falsePlugIn, "step " + step + ": false changes " + falsePooled + " (pooled) against "
                    + falsePlugIn + " (plug-in)");
        }
        ShiftOptions piece = ShiftOptions.DEFAULT.withUnbiasedLocalNoise(true);
        int bothPooled = 0;
        int bothPiece = 0;
        int falsePooled = 0;
        int falsePiece = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Case c = ConstructedSeries.hiddenStep(seed);
            int[] p = ConstructedSeries.score(c.truth(), detect(c, pooled));
            int[] q = ConstructedSeries.score(c.truth(), detect(c, piece));
            bothPooled += p[0] == 2 ? 1 : 0;
            bothPiece += q[0] == 2 ? 1 : 0;
            falsePooled += p[1];
            falsePiece += q[1];
        }
        assertTrue(bothPooled > bothPiece, "both steps found in " + bothPooled + " of 40 (pooled) against " + bothPiece + " (the piece's own)");
        assertTrue(falsePooled <= falsePiece, "false changes " + falsePooled + " (pooled) against " + falsePiece + " (the piece's own)");
    }

    @Test
    void theDefaultFindsTheTrueChangesDespiteTailsOutliersCyclesAndAutocorrelation() {
        for (String name : List.of("heavy tails (t3)", "outliers (single and paired)", "yearly cycle (monthly)", "weekday cycle (daily)",
                "autocorrelated noise (AR(1) 0.7)")) {
            for (long seed = 1; seed <= 3; seed++) {
                Case c = make(name, seed);
                int[] p = detect(c, ShiftOptions.DEFAULT);
                int[] s = ConstructedSeries.score(c.truth(), p);
                String what = name + " seed " + seed + ": " + Arrays.toString(p);
                assertEquals(0, s[1], "no false change: " + what);
                assertEquals(c.truth().length, s[0], "every true change: " + what);
            }
        }
    }

    @Test
    void theDefaultIsAdmissible() {
        assertTrue(ConstructedSeries.admissible(ConstructedSeries.tallies(ShiftOptions.DEFAULT)));
        // the configurations that over-segment a case are not
        assertFalse(ConstructedSeries.admissible(ConstructedSeries.tallies(ShiftOptions.DEFAULT.withSeasonal(false))));
        assertFalse(ConstructedSeries.admissible(ConstructedSeries.tallies(ShiftOptions.DEFAULT.withRobust(false))));
    }

    @Test
    void cyclesAreFoundOnlyWhereTheyAre() {
        Case weekly = make("weekday cycle (daily)", 1);
        ShiftResult r = ShiftDetector.detect(Observations.of(weekly.dates(), weekly.x()), ShiftOptions.DEFAULT);
        assertEquals(List.of(Seasonality.Cycle.DAY_OF_WEEK), r.seasonality().stream().map(Seasonality::cycle).toList());
        Case tails = make("heavy tails (t3)", 1);
        assertEquals(List.of(), ShiftDetector.detect(Observations.of(tails.dates(), tails.x()), ShiftOptions.DEFAULT).seasonality());
        // without dates there is no calendar to look for a cycle in
        assertEquals(List.of(), ShiftDetector.detect(Observations.of(null, weekly.x()), ShiftOptions.DEFAULT).seasonality());
    }

    /** Prints found/true and false changes, summed over three seeds, for each model choice on each case. */
    @Test
    void table() {
        Map<String, ShiftOptions> configs = new LinkedHashMap<>();
        configs.put("default", ShiftOptions.DEFAULT);
        configs.put("no jump check", ShiftOptions.DEFAULT.withMinJump(0.0));
        configs.put("no turns", ShiftOptions.DEFAULT.withMinTurn(0.0));
        configs.put("no refinement", ShiftOptions.DEFAULT.withLocalRefinement(false));
        configs.put("unbiased local", ShiftOptions.DEFAULT.withUnbiasedLocalNoise(true));
        for (ShiftOptions.RefineIntervals r : List.of(ShiftOptions.RefineIntervals.SEEDED, ShiftOptions.RefineIntervals.SEEDED_NARROWEST,
                ShiftOptions.RefineIntervals.SEEDED_RANGE_NOISE, ShiftOptions.RefineIntervals.SEEDED_NARROWEST_RANGE_NOISE)) {
            String name = r.flag().replace("seeded-", "").replace("seeded", "own").replace("narrowest", "narr").replace("range-noise", "range");
            configs.put("seeded " + name, ShiftOptions.DEFAULT.withRefineIntervals(r));
            configs.put("seeded " + name + " unb.", ShiftOptions.DEFAULT.withRefineIntervals(r).withUnbiasedLocalNoise(true));
        }
        configs.put("pooled local", ShiftOptions.DEFAULT.withLocalNoise(ShiftOptions.LocalNoise.POOLED));
        configs.put("pooled joint", ShiftOptions.DEFAULT.withLocalNoise(ShiftOptions.LocalNoise.POOLED_JOINT));
        configs.put("shrunk local", ShiftOptions.DEFAULT.withLocalNoise(ShiftOptions.LocalNoise.SHRUNK));
        configs.put("no var. segs", ShiftOptions.DEFAULT.withVarianceSegments(false));
        configs.put("with check", ShiftOptions.DEFAULT.withNoChangeCheck(true));
        configs.put("no cycles", ShiftOptions.DEFAULT.withSeasonal(false));
        configs.put("no long-run", ShiftOptions.DEFAULT.withLongRunScale(false));
        configs.put("no guard", ShiftOptions.DEFAULT.withRobust(false));
        configs.put("ar1 differences", ShiftOptions.DEFAULT.withAr1Cost(ShiftOptions.Ar1Noise.DIFFERENCES));
        configs.put("ar1 residuals", ShiftOptions.DEFAULT.withAr1Cost(ShiftOptions.Ar1Noise.RESIDUALS));
        configs.put("choose likelihood", ShiftOptions.DEFAULT.withChooseModel(ShiftOptions.ModelChoice.LIKELIHOOD));
        configs.put("choose quasi", ShiftOptions.DEFAULT.withChooseModel(ShiftOptions.ModelChoice.QUASI));
        configs.put("mean squared", ShiftOptions.DEFAULT.withMeanLoss(ShiftOptions.MeanLoss.SQUARED));
        configs.put("mean huber", ShiftOptions.DEFAULT.withMeanLoss(ShiftOptions.MeanLoss.HUBER));
        configs.put("mean biweight", ShiftOptions.DEFAULT.withMeanLoss(ShiftOptions.MeanLoss.BIWEIGHT));
        configs.put("biweight no guard", ShiftOptions.DEFAULT.withMeanLoss(ShiftOptions.MeanLoss.BIWEIGHT).withRobust(false));
        configs.put("scale judged", ShiftOptions.DEFAULT.withConsistentScale(ScaleFixedPoint.Mode.JUDGED));
        configs.put("scale merges", ShiftOptions.DEFAULT.withConsistentScale(ScaleFixedPoint.Mode.MERGES));
        configs.put("scale fixed point", ShiftOptions.DEFAULT.withConsistentScale(ScaleFixedPoint.Mode.FIXED_POINT));
        configs.put("scale fp merges", ShiftOptions.DEFAULT.withConsistentScale(ScaleFixedPoint.Mode.FIXED_POINT_MERGES));
        configs.put("scale final", ShiftOptions.DEFAULT.withConsistentScale(ScaleFixedPoint.Mode.FINAL));
        configs.put("scale none", ShiftOptions.DEFAULT.withConsistentScale(ScaleFixedPoint.Mode.NONE));
        configs.put("trend (plain)", ShiftOptions.DEFAULT.withModel(Model.NORMAL_TREND));
        configs.put("mean", ShiftOptions.DEFAULT.withModel(Model.NORMAL_MEAN));
        configs.put("meanvar mbic", ShiftOptions.DEFAULT.withModel(Model.NORMAL_MEANVAR).withPenalty(Penalty.MBIC));
        configs.put("trendvar", ShiftOptions.DEFAULT.withModel(Model.NORMAL_TREND_VAR));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s", "case (3 seeds): found/true, false"));
        configs.keySet().forEach(k -> b.append(String.format(Locale.ROOT, " %18s", k)));
        b.append('\n');
        Map<String, List<ConstructedSeries.Tally>> all = new LinkedHashMap<>();
        configs.forEach((k, o) -> {
            List<ConstructedSeries.Tally> t = new java.util.ArrayList<>(ConstructedSeries.tallies(o));
            ConstructedSeries.limits().forEach((name, make) -> t.add(ConstructedSeries.tally(name, make, o)));
            ConstructedSeries.turns().forEach((name, make) -> t.add(ConstructedSeries.tally(name, make, o)));
            all.put(k, t);
        });
        int rows = all.get("default").size();
        for (int i = 0; i < rows; i++) {
            b.append(String.format(Locale.ROOT, "%-34s", all.get("default").get(i).name()));
            for (List<ConstructedSeries.Tally> t : all.values()) {
                ConstructedSeries.Tally x = t.get(i);
                // for the variance cases, also the changes of spread found (in brackets)
                String spread = x.name().startsWith("changing variance") ? " [" + x.varianceFound() + "]" : "";
                b.append(String.format(Locale.ROOT, " %18s", x.found() + "/" + x.truth() + ", " + x.wrong() + spread));
            }
            b.append('\n');
        }
        System.out.print(b);
        assertEquals(ConstructedSeries.cases().size() + ConstructedSeries.limits().size() + ConstructedSeries.turns().size(), rows);
    }
}
