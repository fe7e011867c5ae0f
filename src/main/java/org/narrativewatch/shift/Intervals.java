package org.narrativewatch.shift;

/**
 * A segment cost that is the minimum over one parameter u of a sum of convex per-bucket losses,
 * C(s, t) = min_u Σ_{s ≤ i < t} loss_i(u), which lets {@link Pelt} add FPOP's pruning against later candidates
 * (Maidstone, Hocking, Rigaill and Fearnhead 2017) to its own test without changing its answer.
 * <p>
 * With q_s(u) = F(s) + β + Σ_{i ≥ s} loss_i(u), the difference q_s − q_t = F(s) − F(t) + L_st(u) for a later t
 * does not depend on where the last segment ends (nor does q_s − q_j for an earlier j), so s can be the best last change at some later end only at a
 * u where it beats every later t: inside the intersection of the intervals {u : F(s) − F(t) + L_st(u) ≤ 0}. Each
 * step narrows that intersection by one interval; when it is empty, s is beaten everywhere, by a margin, and is
 * lowest nowhere from then on (PELT's own test is the special case that one such interval is empty). The values
 * F(t) themselves are still PELT's, from {@link SegmentCost#cost}, in the same order with the same tie rule; the
 * intervals are only ever widened by rounding and the margin, so a candidate is dropped only when PELT would never
 * have chosen it.
 */
interface Intervals extends SegmentCost {
    /**
     * The shortest length (at least {@code minSegment} buckets) from which every segment's cost equals its functional
     * minimum in this series, or 0 when there is none (then no extra pruning). A candidate dropped at t stays until
     * t plus that length, so that every segment it is compared through is that long.
     */
    int functionalFrom(int minSegment);

    /**
     * Narrows candidate s's interval {@code [lo[k], hi[k]]} by the one where it beats t (optimal costs F(s) and
     * F(t)); false when the interval is empty, or when j (an earlier index, optimal cost F(j)) beats s on all of it:
     * q_s − q_j = F(s) − F(j) − L_js(u), which is positive outside an interval of u only, so both ends of s's
     * interval inside that one suffice.
     */
    boolean narrow(int s, double fs, int j, double fj, int t, double ft, double[] lo, double[] hi, int k);
}
