package org.narrativewatch.shift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Local refinement over seeded intervals ({@code --refine-intervals}): each segment of the search's segmentation is
 * searched for more changes not only whole (binary segmentation, {@link ShiftDetector#locallyRefined}) but also on a
 * deterministic set of its sub-intervals of every scale.
 *
 * <p>Why: binary segmentation tests a segment's best single split over the whole segment. When the segment holds two
 * changes (a short pulse) or a change beside a bend, that split can land between them or miss both, and the split fit's
 * residuals keep the other change's misfit, which the local long-run scale reads as noise. Wild binary segmentation
 * (Fryzlewicz 2014, Ann. Statist. 42) also tests the best split of many random sub-intervals, so that some interval
 * holds one change alone; seeded binary segmentation (Kovács et al. 2023, Biometrika 110) replaces the random intervals
 * by a deterministic set ({@link #of}: layer k holds 2^k − 1 intervals of length L / 2^(k−1), each overlapping its
 * neighbour by half, down to a minimum length), O(n) intervals and O(n log n) work in all, with WBS's guarantees. The
 * search is WBS's recursion (its section 3.2, with the range being split added to the intervals, so that binary
 * segmentation is the case without other intervals): of the candidates inside the range that pass, the largest
 * statistic (WBS) or the narrowest interval (narrowest-over-threshold, Baranowski, Chen and Fryzlewicz 2019, JRSS B 81:
 * the narrowest passing interval most likely holds one change alone) gives a change, and its two sides are searched
 * the same way.
 *
 * <p>Each interval is judged as local refinement judges a segment: the least-squares gain of its best split (both sides
 * at least {@code side} buckets) over a long-run variance, against the same penalty. The multiplicity: for noise of
 * known variance, a split's gain is about χ² with 2 degrees of freedom (the line's level and slope) at each position, so
 * with the penalty 3 log n each position passes with probability n^(−3/2), and the union over the at most 2 n
 * log₂(n / 2·side) positions of all layers is at most 2 log₂(n / 2·side) / √n (crude: neighbouring positions are nearly
 * the same test); binary segmentation tests about n positions a level, so the seeded set costs a logarithmic factor,
 * which is why WBS and seeded BS keep a threshold of binary segmentation's order (C √(log n) on the CUSUM scale). That
 * argument needs the noise's variance known. The papers estimate it once (σ from the whole series, e.g. the MAD of
 * differences); local refinement estimates it locally, because the global long-run scale is the thing that hides
 * changes (docs/shifts.md, point 7). Two choices: each interval at its own noise (the split fit's residuals inside the
 * interval; the many short intervals, 20–40 buckets, estimate ρ low and read wandering noise as a step: that is where
 * this option's false splits come from), or every interval inside a range at the range's noise (that of the range's
 * own best split, from all its buckets, re-estimated in each part after a split: one estimate per range, as the papers'
 * one σ). The AR(1) plug-in or {@link ResidualAr1}'s unbiased noise either way.
 */
final class SeededIntervals {
    private SeededIntervals() {}

    /**
     * The seeded intervals of [from, to), as {start, end} (end exclusive), the whole first: layer k = 1, 2, … has
     * 2^k − 1 intervals of length l = L / 2^(k−1) (L = to − from), [from + ⌊i l / 2⌋, from + ⌈i l / 2 + l⌉) for
     * i = 0 … 2^k − 2; layers continue while l is at least {@code minLength}.
     * Duplicates (short segments, rounding) are listed once.
     */
    static List<int[]> of(int from, int to, int minLength) {
        int len = to - from;
        Set<Long> seen = new LinkedHashSet<>();
        List<int[]> out = new ArrayList<>();
        if (len < Math.max(1, minLength)) {
            return out;
        }
        for (int k = 1; ; k++) {
            double length = len / Math.pow(2, k - 1);
            if (length < minLength || k > 62) {
                break;
            }
            long count = (1L << k) - 1;
            double shift = count == 1 ? 0 : (len - length) / (count - 1);
            for (long i = 0; i < count; i++) {
                int s = from + (int) Math.floor(i * shift);
                int e = Math.min(to, from + (int) Math.ceil(i * shift + length));
                if (seen.add(((long) s << 32) | e)) {
                    out.add(new int[] {s, e});
                }
            }
        }
        return out;
    }

    /**
     * An interval's test: its best split, the drop of the unit-scale cost there, and the statistic (the drop over a
     * long-run variance; NaN until judged).
     */
    record Test(int from, int to, int split, double gain, double statistic) {
        Test judged(double variance) {
            return new Test(from, to, split, gain, gain / variance);
        }
    }

    /** The best single split of [from, to) with at least {@code side} buckets on each side (unjudged), or null. */
    static Test bestSplit(SegmentCost unit, int from, int to, int side) {
        int best = -1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int c = from + side; c <= to - side; c++) {
            double v = unit.cost(from, c) + unit.cost(c, to);
            if (v < bestCost) {
                bestCost = v;
                best = c;
            }
        }
        return best < 0 ? null : new Test(from, to, best, unit.cost(from, to) - bestCost, Double.NaN);
    }

    /**
     * The best single split of [from, to), judged at the long-run variance of its own split fit's residuals; null when
     * no split fits or that variance is zero or unknown.
     */
    static Test test(Observations obs, SegmentCost unit, int from, int to, int side, boolean trend, boolean unbiased) {
        Test t = bestSplit(unit, from, to, side);
        if (t == null) {
            return null;
        }
        double local = localVariance(obs, from, to, t.split(), trend, unbiased);
        return local > 0 ? t.judged(local) : null;
    }

    /** The long-run variance of the residuals of [from, to) split at {@code split} (0 when unknown). */
    static double localVariance(Observations obs, int from, int to, int split, boolean trend, boolean unbiased) {
        // the interval alone, so that its residuals cost O(its length), not O(n)
        Observations piece = slice(obs, from, to);
        int[] at = {split - from};
        if (unbiased) {
            ResidualAr1.Noise noise = ResidualAr1.estimate(piece, 0, to - from, at, trend);
            return noise == null ? 0 : noise.longRunVariance();
        }
        double[] r = ShiftDetector.residuals(piece, at, trend);
        double ms = ShiftDetector.meanSquare(r, 0, r.length);
        double rho = ShiftDetector.lagOneAutocorrelation(r);
        return Double.isNaN(ms) ? 0 : ms * (1 + rho) / (1 - rho);
    }

    /**
     * Local refinement over seeded intervals, recursively as wild binary segmentation runs (Fryzlewicz 2014, section
     * 3.2, with the current range added to the intervals, which makes binary segmentation the case of no other
     * interval): in each segment [a, b) of {@code cps}, the candidates for a range [s, e) are the range itself and every
     * seeded interval of the segment ({@link #of}, at least 2·side buckets) inside it; of those whose statistic
     * exceeds {@code pen}, the largest statistic (or, {@code narrowest}, the shortest interval, ties to the larger
     * statistic) gives a change c, and [s, c) and [c, e) are searched the same way. Each candidate is judged at its own
     * local noise ({@link #test}), or, {@code rangeNoise}, at the noise of the range's own best split (one estimate for
     * every interval inside the range, from all its buckets, re-estimated in each part after a split).
     *
     * @return the changes of {@code cps} and the ones added, ascending
     */
    static int[] refined(Observations obs, Model model, int[] cps, double pen, int side, boolean unbiased, boolean narrowest,
                         boolean rangeNoise) {
        boolean trend = model == Model.NORMAL_TREND;
        SegmentCost unit = SegmentCosts.of(model, obs, 1);
        TreeSet<Integer> all = new TreeSet<>();
        for (int c : cps) {
            all.add(c);
        }
        int[] ends = Arrays.copyOf(cps, cps.length + 1);
        ends[cps.length] = obs.size();
        int prev = 0;
        for (int b : ends) {
            List<Test> seeds = new ArrayList<>();
            for (int[] iv : of(prev, b, 2 * side)) {
                Test t = rangeNoise ? bestSplit(unit, iv[0], iv[1], side) : test(obs, unit, iv[0], iv[1], side, trend, unbiased);
                if (t != null) {
                    seeds.add(t);
                }
            }
            ArrayDeque<int[]> todo = new ArrayDeque<>();
            todo.push(new int[] {prev, b});
            while (!todo.isEmpty()) {
                int[] range = todo.pop();
                int s = range[0];
                int e = range[1];
                Test whole = test(obs, unit, s, e, side, trend, unbiased);
                if (whole == null) {
                    continue;
                }
                double noise = whole.gain() / whole.statistic();
                Test best = whole.statistic() > pen ? whole : null;
                for (Test t : seeds) {
                    if (t.from() < s || t.to() > e || (t.from() == s && t.to() == e)) {
                        continue;
                    }
                    Test judged = rangeNoise ? t.judged(noise) : t;
                    if (judged.statistic() > pen && (best == null || better(judged, best, narrowest))) {
                        best = judged;
                    }
                }
                if (best != null) {
                    all.add(best.split());
                    todo.push(new int[] {best.split(), e});
                    todo.push(new int[] {s, best.split()});
                }
            }
            prev = b;
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean better(Test a, Test b, boolean narrowest) {
        int la = a.to() - a.from();
        int lb = b.to() - b.from();
        if (narrowest && la != lb) {
            return la < lb;
        }
        return a.statistic() > b.statistic();
    }

    /** Buckets [from, to) of {@code obs} as a series of their own. */
    static Observations slice(Observations obs, int from, int to) {
        return new Observations(obs.dates() == null ? null : obs.dates().subList(from, to), Arrays.copyOfRange(obs.values(), from, to),
                obs.totals() == null ? null : Arrays.copyOfRange(obs.totals(), from, to),
                obs.exposure() == null ? null : Arrays.copyOfRange(obs.exposure(), from, to));
    }
}
