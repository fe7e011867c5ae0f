package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeededIntervalsTest {

    /**
     * Layer k: 2^k − 1 intervals of length L / 2^(k−1), shifted by half their length (starts rounded down, ends up), down
     * to the minimum length.
     */
    @Test
    void theIntervalSetIsSeeded() {
        int[][] expected = {{0, 100}, {0, 50}, {25, 75}, {50, 100}, {0, 25}, {12, 38}, {25, 50}, {37, 63}, {50, 75}, {62, 88}, {75, 100}};
        assertArrayEquals(expected, SeededIntervals.of(0, 100, 20).toArray(new int[0][]));
        int[][] shifted = Arrays.stream(expected).map(iv -> new int[] {iv[0] + 30, iv[1] + 30}).toArray(int[][]::new);
        assertArrayEquals(shifted, SeededIntervals.of(30, 130, 20).toArray(new int[0][]));
        // too short for one interval; exactly one layer
        assertEquals(0, SeededIntervals.of(0, 19, 20).size());
        assertArrayEquals(new int[][] {{5, 44}}, SeededIntervals.of(5, 44, 20).toArray(new int[0][]));

        int n = 100_000;
        int min = 20;
        List<int[]> all = SeededIntervals.of(0, n, min);
        // O(n / min) intervals: the layers' counts 1 + 3 + 7 + ... sum to less than twice the last, which is below 2n / min
        assertTrue(all.size() <= 4 * n / min, all.size() + " intervals");
        double shortest = n;
        for (int[] iv : all) {
            assertTrue(iv[0] >= 0 && iv[1] <= n && iv[1] - iv[0] >= min, Arrays.toString(iv));
            shortest = Math.min(shortest, iv[1] - iv[0]);
        }
        assertTrue(shortest < 2 * min, "the last layer is the shortest one of at least the minimum: " + shortest);
        // every bucket (away from the ends) lies at least a quarter of an interval's length inside some interval of the
        // shortest layer: the overlap by half is what lets one interval hold a change with room on both sides
        final double quarter = Math.floor(shortest / 4);
        boolean[] inside = new boolean[n];
        for (int[] iv : all) {
            if (iv[1] - iv[0] < 2 * min) {
                for (int t = (int) (iv[0] + quarter); t <= iv[1] - quarter; t++) {
                    inside[t] = true;
                }
            }
        }
        for (int t = (int) shortest; t < n - shortest; t++) {
            assertTrue(inside[t], "bucket " + t);
        }
    }

    /**
     * A short pulse (15 buckets, 3 noise sds) in the middle of one long segment: two changes in one segment. The whole
     * segment's best single split cuts one edge at best, and its fit keeps the other edge's misfit, which the local noise
     * reads as autocorrelation; seeded intervals hold one edge alone at every scale. Known truth, 20 seeds.
     */
    @Test
    void twoChangesInOneSegmentAreFoundOnSeededIntervalsNotByTheWholeSegmentSplit() {
        int seeds = 20;
        int wholeBoth = 0;
        int wholeFalse = 0;
        int[] seededBoth = new int[2];
        int[] seededFalse = new int[2];
        for (long seed = 1; seed <= seeds; seed++) {
            ConstructedSeries.Case c = ConstructedSeries.pulse(seed);
            Observations obs = Observations.of(c.dates(), c.x());
            double pen = Penalty.BIC.value(Model.NORMAL_TREND, obs.observedCount());
            int side = ShiftDetector.LOCAL_MIN_SIDE;
            int[] whole = ShiftDetector.locallyRefined(obs, Model.NORMAL_TREND, new int[0], pen, side, null);
            int[] s = ConstructedSeries.score(c.truth(), whole);
            wholeBoth += s[0] == 2 ? 1 : 0;
            wholeFalse += s[1];
            for (int k = 0; k < 2; k++) {
                boolean rangeNoise = k == 1;
                int[] seeded = SeededIntervals.refined(obs, Model.NORMAL_TREND, new int[0], pen, side, false, false, rangeNoise);
                int[] t = ConstructedSeries.score(c.truth(), seeded);
                seededBoth[k] += t[0] == 2 ? 1 : 0;
                seededFalse[k] += t[1];
            }
        }
        assertTrue(wholeBoth <= seeds / 2, "the whole-segment split finds both edges in " + wholeBoth + " of " + seeds);
        for (int k = 0; k < 2; k++) {
            String what = (k == 1 ? "at the range's noise" : "at each interval's noise") + ": both edges in " + seededBoth[k]
                    + " of " + seeds + ", " + seededFalse[k] + " false (the whole-segment split: " + wholeBoth + ", " + wholeFalse + ")";
            assertTrue(seededBoth[k] >= seeds - 2, what);
            assertTrue(seededFalse[k] <= wholeFalse, what);
        }
    }

    /** With no interval but the range itself (a segment shorter than two layers), the search is binary segmentation. */
    @Test
    void withoutOtherIntervalsItIsLocalRefinement() {
        int side = ShiftDetector.LOCAL_MIN_SIDE;
        for (long seed = 1; seed <= 8; seed++) {
            ConstructedSeries.Case c = ConstructedSeries.hiddenStep(seed);
            Observations obs = Observations.of(c.dates(), c.x());
            double pen = Penalty.BIC.value(Model.NORMAL_TREND, obs.observedCount());
            // segments of 26 and 14 buckets: each has one seeded interval, itself
            int[] cps = {26};
            for (boolean unbiased : new boolean[] {false, true}) {
                int[] binary = ShiftDetector.locallyRefined(obs, Model.NORMAL_TREND, cps, pen, side, unbiased ? ShiftOptions.LocalNoise.UNBIASED : null);
                for (boolean narrowest : new boolean[] {false, true}) {
                    for (boolean rangeNoise : new boolean[] {false, true}) {
                        assertArrayEquals(binary, SeededIntervals.refined(obs, Model.NORMAL_TREND, cps, pen, side, unbiased, narrowest, rangeNoise),
                                "seed " + seed);
                    }
                }
            }
        }
    }

    @Test
    void theOptionIsParsedAndOffByDefault() {
        assertEquals(ShiftOptions.RefineIntervals.SEEDED_NARROWEST_RANGE_NOISE, ShiftOptions.RefineIntervals.parse(" Seeded-Narrowest-Range-Noise"));
        assertEquals("seeded-range-noise", ShiftOptions.RefineIntervals.SEEDED_RANGE_NOISE.flag());
        assertThrows(org.narrativewatch.InvalidOptionException.class, () -> ShiftOptions.RefineIntervals.parse("wild"));
        assertEquals(null, ShiftOptions.DEFAULT.refineIntervals());
        ConstructedSeries.Case c = ConstructedSeries.hiddenStep(1);
        Observations obs = Observations.of(c.dates(), c.x());
        assertArrayEquals(ShiftDetector.detect(obs, ShiftOptions.DEFAULT).changeIndices(),
                ShiftDetector.detect(obs, ShiftOptions.DEFAULT.withRefineIntervals(ShiftOptions.RefineIntervals.SEGMENTS)).changeIndices());
    }
}
