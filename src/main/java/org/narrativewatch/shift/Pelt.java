package org.narrativewatch.shift;

import java.util.Arrays;

/**
 * PELT (Killick, Fearnhead and Eckley 2012): the exact minimiser of Σ cost(segment) + penalty × changes,
 * with candidates pruned once they can no longer be optimal, which makes it about linear in practice
 * when the number of changes grows with the series. Same recursion as R changepoint's PELT.c:
 * F(0) = -β, F(t) = min_s F(s) + C(s, t) + β over candidates s at least {@code minSegment} before t,
 * ties to the earliest s; s is pruned when F(s) + C(s, t) + β > F(t) + β.
 * Two differences from R make the result the exact optimum in every case:
 * <ul>
 * <li>under MBIC the pruning test uses the cost without its log(length) charge. The charged cost is
 * not additive (log a + log b can exceed log(a + b)), so R's test on it can drop a candidate that
 * later wins; with the uncharged test the proof holds: if F(s) + C(s,t) > F(t) then for every T > t,
 * F(s) + C(s,T) + log(T-s) ≥ F(s) + C(s,t) + C(t,T) + log(T-s) > F(t) + C(t,T) + log(T-t).</li>
 * <li>a pruned candidate stays until t + minSegment (R drops it at once, which is only safe for
 * minseglen = 1): it can still end the last segment before some T &lt; t + minSegment, where t itself
 * is not yet a candidate.</li>
 * </ul>
 * Where R's pruning was safe the two agree exactly (RReferenceTest). With minimum segment 1 and no
 * MBIC charge, {@link Fpop} gives the same optimum faster for the costs it supports.
 */
public final class Pelt {
    private Pelt() {}

    /** Change indices (first bucket of each new segment), ascending, and the unpenalised total cost. */
    public record Result(int[] changes, double cost) {}

    /** A candidate is skipped on its lower bound only once its segment is this long (short ones round worse). */
    static final int GROWING_MIN_AGE = 64;
    /** The lower bound must exceed the best value by this share of its size: far beyond the costs' rounding. */
    static final double GROWING_SLACK = 1e-7;

    public static Result run(SegmentCost cost, double penalty, int minSegment, boolean chargeSegmentLength) {
        int n = cost.size();
        int minSeg = Math.max(1, minSegment);
        if (n < 2 * minSeg) {
            return new Result(new int[0], n == 0 ? 0 : charged(cost, 0, n, chargeSegmentLength));
        }
        double[] f = new double[n + 1];
        int[] last = new int[n + 1];
        Arrays.fill(f, Double.POSITIVE_INFINITY);
        f[0] = -penalty;
        int[] cand = new int[16];
        int[] expire = new int[16];
        double[] vals = new double[16];
        int nc = 1; // cand[0] = 0
        // A least-squares cost only grows as its segment does (a line or mean fitted to more points leaves at least the
        // same residual sum), so a candidate's value at an earlier end bounds its value now from below: while that
        // bound is above the best value found so far (by more than the rounding of the prefix-sum costs), the candidate
        // can be neither the minimum nor tied with it and is not evaluated. The minimum, its location and the tie rule
        // are unchanged; inside a long segment, where PELT prunes nothing, this skips most of the candidates.
        boolean growing = !chargeSegmentLength && cost.getClass() == SegmentCosts.Gaussian.class
                && !((SegmentCosts.Gaussian) cost).meanvar;
        boolean[] skipped = new boolean[16];
        int firstExpiry = Integer.MAX_VALUE; // the earliest expiry among the candidates
        vals[0] = Double.NEGATIVE_INFINITY;
        // a cost with a one-parameter functional form adds FPOP's test against later candidates (Intervals)
        int funFrom = cost instanceof Intervals x && !chargeSegmentLength ? x.functionalFrom(minSeg) : 0;
        Intervals fun = funFrom > 0 ? (Intervals) cost : null;
        double[] lo = fun == null ? null : new double[16];
        double[] hi = fun == null ? null : new double[16];
        if (fun != null) {
            lo[0] = 0;
            hi[0] = Double.POSITIVE_INFINITY;
        }
        expire[0] = Integer.MAX_VALUE;
        for (int t = minSeg; t <= n; t++) {
            int fresh = t - minSeg;
            if (fresh >= minSeg) {
                if (nc == cand.length) {
                    cand = Arrays.copyOf(cand, nc * 2);
                    expire = Arrays.copyOf(expire, nc * 2);
                    vals = Arrays.copyOf(vals, nc * 2);
                    skipped = Arrays.copyOf(skipped, nc * 2);
                    if (fun != null) {
                        lo = Arrays.copyOf(lo, nc * 2);
                        hi = Arrays.copyOf(hi, nc * 2);
                    }
                }
                if (fun != null) {
                    lo[nc] = 0;
                    hi[nc] = Double.POSITIVE_INFINITY;
                }
                cand[nc] = fresh;
                vals[nc] = Double.NEGATIVE_INFINITY;
                expire[nc++] = Integer.MAX_VALUE;
            }
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            double highest = growing ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY; // of the values computed
            if (chargeSegmentLength) {
                for (int i = 0; i < nc; i++) {
                    int s = cand[i];
                    double u = f[s] + cost.cost(s, t) + penalty; // what the pruning test sees
                    double v = u + cost.lengthCharge(s, t);
                    vals[i] = u;
                    if (v < best) {
                        best = v;
                        arg = s;
                    }
                }
            } else if (growing) {
                // vals[i] holds s's value at an earlier end, a lower bound of its value now (see growing)
                for (int i = 0; i < nc; i++) {
                    int s = cand[i];
                    double old = vals[i];
                    if (t - s >= GROWING_MIN_AGE && old - GROWING_SLACK * (1 + Math.abs(old)) > best) {
                        skipped[i] = true;
                        continue;
                    }
                    skipped[i] = false;
                    double v = f[s] + cost.cost(s, t) + penalty;
                    vals[i] = v;
                    highest = Math.max(highest, v);
                    if (v < best) {
                        best = v;
                        arg = s;
                    }
                }
            } else {
                for (int i = 0; i < nc; i++) {
                    int s = cand[i];
                    double v = f[s] + cost.cost(s, t) + penalty;
                    vals[i] = v;
                    if (v < best) {
                        best = v;
                        arg = s;
                    }
                }
            }
            f[t] = best;
            last[t] = arg;
            double bound = best + penalty;
            if (fun == null && !(highest > bound) && firstExpiry > t + 1) {
                continue; // no value computed fails the test and nothing expires: the pass below would change nothing
            }
            // mark what fails the test and drop what has expired by the next step, in one pass
            int kept = 0;
            firstExpiry = Integer.MAX_VALUE;
            for (int i = 0; i < nc; i++) {
                int ex = expire[i];
                if (ex == Integer.MAX_VALUE && vals[i] > bound && !(growing && skipped[i])) {
                    ex = t + minSeg;
                }
                if (ex == Integer.MAX_VALUE && fun != null && cand[i] > 0 && !fun.narrow(cand[i], f[cand[i]], last[cand[i]], f[last[cand[i]]], t, best, lo, hi, i)) {
                    ex = t + Math.max(minSeg, funFrom); // lowest nowhere from then on: see Intervals
                }
                if (ex > t + 1) {
                    firstExpiry = Math.min(firstExpiry, ex);
                    cand[kept] = cand[i];
                    vals[kept] = vals[i];
                    if (fun != null) {
                        lo[kept] = lo[i];
                        hi[kept] = hi[i];
                    }
                    expire[kept++] = ex;
                }
            }
            nc = kept;
        }
        return new Result(backtrack(last, n), f[n] - countChanges(last, n) * penalty);
    }

    static int countChanges(int[] last, int n) {
        int count = 0;
        for (int t = last[n]; t > 0; t = last[t]) {
            count++;
        }
        return count;
    }

    /** The change points of the optimal segmentation ending at n, from each end's best last change. */
    static int[] backtrack(int[] last, int n) {
        int[] changes = new int[countChanges(last, n)];
        int k = changes.length;
        for (int t = last[n]; t > 0; t = last[t]) {
            changes[--k] = t;
        }
        return changes;
    }

    static double charged(SegmentCost cost, int s, int t, boolean chargeLength) {
        double c = cost.cost(s, t);
        return chargeLength ? c + cost.lengthCharge(s, t) : c;
    }
}
