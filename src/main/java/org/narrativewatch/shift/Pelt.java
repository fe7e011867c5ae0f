package org.narrativewatch.shift;

import java.util.Arrays;

/**
 * PELT (Killick, Fearnhead and Eckley 2012): the exact minimiser of Σ cost(segment) + penalty × changes,
 * with candidates pruned once they can no longer be optimal, which makes it about linear in practice
 * when the number of changes grows with the series. Same recursion as R changepoint's PELT.c:
 * F(0) = -β, F(t) = min_s F(s) + C(s, t) + β over candidates s at least {@code minSegment} before t,
 * ties to the earliest s; s is pruned when F(s) + C(s, t) - K > F(t).
 * Two differences from R make the result the exact optimum in every case: K = log 2 under MBIC
 * (its log(length) charge is not sub-additive; R uses K = 0), and a pruned candidate stays until
 * t + minSegment (R drops it at once, which is only safe for minseglen = 1). Where R's pruning was
 * safe the two agree exactly.
 */
public final class Pelt {
    private Pelt() {}

    /** Change indices (first bucket of each new segment), ascending, and the unpenalised total cost. */
    public record Result(int[] changes, double cost) {}

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
        // A candidate that fails the pruning test at t can still end the last segment before some
        // T < t + minSegment (t itself cannot), so it leaves the list only at t + minSegment.
        double slack = chargeSegmentLength ? Math.log(2) : 0; // log(a+b) <= log a + log b + log 2
        int[] cand = new int[16];
        int[] expire = new int[16];
        double[] vals = new double[16];
        int nc = 1; // cand[0] = 0
        expire[0] = Integer.MAX_VALUE;
        for (int t = minSeg; t <= n; t++) {
            int fresh = t - minSeg;
            if (fresh >= minSeg) {
                if (nc == cand.length) {
                    cand = Arrays.copyOf(cand, nc * 2);
                    expire = Arrays.copyOf(expire, nc * 2);
                    vals = Arrays.copyOf(vals, nc * 2);
                }
                cand[nc] = fresh;
                expire[nc++] = Integer.MAX_VALUE;
            }
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            if (chargeSegmentLength) {
                for (int i = 0; i < nc; i++) {
                    int s = cand[i];
                    double v = f[s] + charged(cost, s, t, true) + penalty;
                    vals[i] = v;
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
            // mark what fails the test and drop what has expired by the next step, in one pass
            int kept = 0;
            double bound = best + penalty + slack;
            for (int i = 0; i < nc; i++) {
                int ex = expire[i];
                if (ex == Integer.MAX_VALUE && vals[i] > bound) {
                    ex = t + minSeg;
                }
                if (ex > t + 1) {
                    cand[kept] = cand[i];
                    expire[kept++] = ex;
                }
            }
            nc = kept;
        }
        int count = 0;
        for (int t = n; t > 0; t = last[t]) {
            count++;
        }
        int[] changes = new int[count - 1];
        int k = count - 1;
        for (int t = last[n]; t > 0; t = last[t]) {
            changes[--k] = t;
        }
        return new Result(changes, f[n] - (changes.length) * penalty);
    }

    static double charged(SegmentCost cost, int s, int t, boolean chargeLength) {
        double c = cost.cost(s, t);
        return chargeLength ? c + Math.log(Math.max(1, cost.observed(s, t))) : c;
    }
}
