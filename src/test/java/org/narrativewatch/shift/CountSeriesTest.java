package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/** Media counts on constructed series: weekday cycles, pulses over a busy baseline, partial first and last buckets. */
class CountSeriesTest {

    static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    static Series weekly(long[] counts, long total) {
        List<Bucket> b = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            b.add(Bucket.whole(Bucketing.WEEK, MONDAY.plusWeeks(i), counts[i], total));
        }
        return new Series("test", Bucketing.WEEK, MONDAY, MONDAY.plusWeeks(counts.length).minusDays(1), "articles", b);
    }

    /** Over-dispersed counts: Poisson with a gamma-distributed rate (variance about 1 + mean/shape times the mean). */
    static long count(RandomDataGenerator r, double mean, double shape) {
        return r.nextPoisson(r.nextGamma(shape, mean / shape));
    }

    @Test
    void weekdayCycleInDailyCountsIsNotCutIntoChanges() {
        for (long seed = 1; seed <= 3; seed++) {
            RandomDataGenerator r = new RandomDataGenerator(seed);
            int n = 364;
            long[] c = new long[n];
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                boolean weekend = MONDAY.plusDays(i).getDayOfWeek().getValue() >= 6;
                c[i] = count(r, (weekend ? 0.4 : 1) * (i >= 200 ? 300 : 200), 1000);
                t[i] = 5000; // the same total every day: the automatic model is Poisson on the counts
            }
            Series s = Synthetic.series(MONDAY, c, t);
            ShiftResult r1 = ShiftDetector.detect(s, ShiftOptions.DEFAULT);
            assertEquals(Model.POISSON, r1.model());
            assertEquals(List.of(Seasonality.Cycle.DAY_OF_WEEK), r1.seasonality().stream().map(Seasonality::cycle).toList());
            assertEquals(1, r1.changes().size(), "seed " + seed + ": " + Arrays.toString(r1.changeIndices()));
            assertTrue(Math.abs(r1.changes().get(0).index() - 200) <= 3, r1.changes().toString());
            // the rate is per unit of exposure (an average day of the week): up by about half
            ChangePoint ch = r1.changes().get(0);
            assertTrue(ch.after().level() / ch.before().level() > 1.3 && ch.after().level() / ch.before().level() < 1.7, ch.toString());
            // without the cycle, weekends are cut off as changes
            ShiftResult plain = ShiftDetector.detect(s, ShiftOptions.DEFAULT.withSeasonal(false));
            assertTrue(plain.changes().size() > 10, "seed " + seed + ": " + plain.changes().size());
        }
    }

    /**
     * A one-week and a two-week burst over a busy, over-dispersed baseline (about 200 a week): both reported
     * as pulses, up and down, with their dates and a p-value, not smoothed away.
     */
    @Test
    void shortBurstsOverABusyBaselineAreReportedAsPulses() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomDataGenerator r = new RandomDataGenerator(seed);
            long[] c = new long[105];
            for (int i = 0; i < c.length; i++) {
                double rate = i == 40 ? 400 : i == 70 || i == 71 ? 340 : 200;
                c[i] = count(r, rate, 100);
            }
            ShiftResult res = ShiftDetector.detect(weekly(c, 100_000), ShiftOptions.DEFAULT);
            List<Pulse> pulses = Pulse.of(res);
            Pulse one = pulses.stream().filter(p -> p.start() == 40).findFirst().orElse(null);
            Pulse two = pulses.stream().filter(p -> p.start() == 70).findFirst().orElse(null);
            assertNotNull(one, "seed " + seed + ": one-week burst in " + pulses + " / " + Arrays.toString(res.changeIndices()));
            assertNotNull(two, "seed " + seed + ": two-week burst in " + pulses + " / " + Arrays.toString(res.changeIndices()));
            assertEquals(1, one.length());
            assertEquals(2, two.length());
            assertEquals(MONDAY.plusWeeks(40), one.from());
            assertEquals(MONDAY.plusWeeks(71), two.to());
            assertTrue(one.peak() && two.peak());
            assertTrue(one.p() < 0.01 && two.p() < 0.01, one + " " + two);
            assertTrue(one.level().lo() > one.before().level() && one.level().lo() > one.after().level(), one.toString());
            assertEquals(4, res.changes().size(), "seed " + seed + ": nothing but the two bursts: " + Arrays.toString(res.changeIndices()));
        }
    }

    /** Weekly counts whose first and last weeks are cut (3 and 2 days): weighed by their days, they make no change. */
    @Test
    void partialFirstAndLastBucketsMakeNoChange() {
        for (long seed = 1; seed <= 5; seed++) {
            RandomDataGenerator r = new RandomDataGenerator(seed);
            int n = 60;
            double[] x = new double[n];
            double[] e = new double[n];
            Arrays.fill(e, 1);
            e[0] = 3 / 7.0;
            e[n - 1] = 2 / 7.0;
            for (int i = 0; i < n; i++) {
                x[i] = count(r, 100 * e[i], 200);
            }
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                dates.add(MONDAY.plusWeeks(i));
            }
            ShiftOptions poisson = ShiftOptions.DEFAULT.withModel(Model.POISSON);
            ShiftResult unweighted = ShiftDetector.detect(Observations.of(dates, x), poisson);
            assertTrue(unweighted.changes().size() >= 2, "read as whole weeks, the cut weeks look like drops: " + unweighted.changes());
            ShiftResult weighted = ShiftDetector.detect(Observations.of(dates, x).withExposure(e), poisson);
            assertEquals(List.of(), weighted.changes(), "seed " + seed);
            assertEquals(100, weighted.segments().get(0).level().level(), 10, "the rate is per whole week");
        }
    }

    /**
     * A cut week can hold a higher rate than whole ones (three working days of a week whose weekends are
     * quiet): a segment made only of partial buckets is never reported, whatever its rate.
     */
    @Test
    void aSegmentOfPartialBucketsAloneIsNeverAChange() {
        RandomDataGenerator r = new RandomDataGenerator(3);
        int n = 40;
        double[] x = new double[n];
        double[] e = new double[n];
        Arrays.fill(e, 1);
        e[n - 1] = 3 / 7.0;
        for (int i = 0; i < n; i++) {
            x[i] = i == n - 1 ? 90 : count(r, 100, 500); // 90 in three days: 210 a week at that pace
        }
        ShiftResult res = ShiftDetector.detect(Observations.of(null, x).withExposure(e), ShiftOptions.DEFAULT.withModel(Model.POISSON));
        assertEquals(List.of(), res.changes());
        // a real change next to the cut week is still found
        for (int i = 20; i < n - 1; i++) {
            x[i] = count(r, 160, 500);
        }
        res = ShiftDetector.detect(Observations.of(null, x).withExposure(e), ShiftOptions.DEFAULT.withModel(Model.POISSON));
        assertEquals(1, res.changes().size(), res.changes().toString());
        assertEquals(20, res.changes().get(0).index(), 1);
    }

    /** Shares weigh a cut bucket by its total already: the same share on fewer articles is no change. */
    @Test
    void sharesOfAPartialBucketAreWeighedByTheirTotal() {
        RandomDataGenerator r = new RandomDataGenerator(9);
        int n = 50;
        long[] k = new long[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i == 0 ? 150 : i == n - 1 ? 80 : 700 + r.nextInt(50);
            k[i] = Synthetic.binomial((int) t[i], 0.1, r);
        }
        ShiftResult res = ShiftDetector.detect(weeklyShares(k, t), ShiftOptions.DEFAULT);
        assertEquals(Model.BINOMIAL, res.model());
        assertEquals(List.of(), res.changes());
    }

    static Series weeklyShares(long[] k, long[] t) {
        List<Bucket> b = new ArrayList<>();
        for (int i = 0; i < k.length; i++) {
            b.add(Bucket.whole(Bucketing.WEEK, MONDAY.plusWeeks(i), k[i], t[i]));
        }
        return new Series("test", Bucketing.WEEK, MONDAY, MONDAY.plusWeeks(k.length).minusDays(1), "articles", b);
    }
}
