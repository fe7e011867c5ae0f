package org.narrativewatch.shift;

import java.util.Arrays;

/**
 * FPOP (Maidstone, Hocking, Rigaill and Fearnhead 2017): the same optimum as {@link Pelt} with minimum
 * segment 1, found with functional pruning. Every candidate last change s is a function of the
 * segment parameter θ (the mean, or the Poisson rate): q_s(θ) = F(s) + β + Σ loss(x_i, θ) over the
 * points since s. FPOP keeps, for each θ, which candidate is lowest, and drops a candidate as soon as
 * it is lowest nowhere: much earlier than PELT's test, which waits until the candidate is beaten
 * everywhere by one new candidate. Inside a long segment PELT keeps every point of it; FPOP keeps a
 * handful. That is what makes 10^6 points take well under a second, and series without changes
 * (quadratic for PELT) about linear.
 * <p>
 * Exactness: F(t) is the minimum of F(s) + β + C(s, t) over the live candidates, evaluated with the
 * same {@link SegmentCost} calls, in the same order and with the same tie rule (earliest s) as PELT; a
 * candidate is dropped only when its sublevel set {θ : q_s(θ) ≤ F(t) + β} misses every interval it
 * owned, which implies PELT's test, so the optimum and its locations are PELT's (RReferenceTest and
 * DetectorsTest compare them). Supported: the Gaussian mean cost and the Poisson cost, with or without
 * exposures, gaps anywhere; minimum segment 1, no MBIC length charge, penalty &gt; 0 ({@link #supports}).
 * Written by hand: no maintained JVM library implements functional pruning.
 */
public final class Fpop {
    private Fpop() {}

    /** Whether {@link #run} applies; otherwise use {@link Pelt#run}. */
    public static boolean supports(SegmentCost cost, double penalty, int minSegment, boolean chargeSegmentLength) {
        if (minSegment > 1 || chargeSegmentLength || !(penalty > 0) || Double.isInfinite(penalty)) {
            return false;
        }
        return cost instanceof SegmentCosts.Poisson
                || (cost instanceof SegmentCosts.Gaussian g && !g.meanvar && !g.trend);
    }

    /** PELT when FPOP does not apply; the same answer either way. */
    public static Pelt.Result optimal(SegmentCost cost, double penalty, int minSegment, boolean chargeSegmentLength) {
        return supports(cost, penalty, minSegment, chargeSegmentLength) ? run(cost, penalty)
                : Pelt.run(cost, penalty, minSegment, chargeSegmentLength);
    }

    public static Pelt.Result run(SegmentCost cost, double penalty) {
        if (!supports(cost, penalty, 1, false)) {
            throw new IllegalArgumentException("FPOP needs the normal-mean or poisson cost, minimum segment 1, no MBIC charge");
        }
        return cost instanceof SegmentCosts.Poisson p ? new Search(p, penalty).run() : new Search((SegmentCosts.Gaussian) cost, penalty).run();
    }

    /** One run's state: candidates (ascending), and the intervals of θ each one is lowest on. */
    private static final class Search {
        final SegmentCost cost;
        final boolean poisson;
        final int n;
        final double pen;
        /** Prefix sums of the cost: Σx (scaled), Σ exposure (null = counts of observed buckets). */
        final double[] s1;
        final double[] sw;
        final long[] cnt;
        /** Poisson: 2 / dispersion, the factor of the deviance. */
        final double twoOmega;
        /** F(s): the optimal cost up to s, with −β for s = 0. */
        double[] f;
        double lo;
        double hi;
        /** The root found by the last {@link #root} call, and its logarithm. */
        double rootTheta;
        double rootLog;

        Search(SegmentCosts.Gaussian g, double pen) {
            this.cost = g;
            this.poisson = false;
            this.n = g.size();
            this.pen = pen;
            this.s1 = g.s1;
            this.sw = g.sw;
            this.cnt = g.cnt;
            this.twoOmega = 2;
        }

        Search(SegmentCosts.Poisson p, double pen) {
            this.cost = p;
            this.poisson = true;
            this.n = p.size();
            this.pen = pen;
            this.s1 = p.s1;
            this.sw = p.sw;
            this.cnt = p.cnt;
            this.twoOmega = 2 * p.weight;
        }

        double weight(int s, int t) {
            return sw == null ? (double) (cnt[t] - cnt[s]) : sw[t] - sw[s];
        }

        /** The range of θ any segment's estimate can take: from the smallest to the largest rate x/e. */
        boolean range() {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (cnt[i + 1] == cnt[i]) {
                    continue;
                }
                double y = (s1[i + 1] - s1[i]) / weight(i, i + 1);
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
            return lo < hi;
        }

        Pelt.Result run() {
            if (n < 2 || !range()) {
                return new Pelt.Result(new int[0], n == 0 ? 0 : cost.cost(0, n));
            }
            f = new double[n + 1];
            int[] last = new int[n + 1];
            f[0] = -pen;
            // candidates, ascending, with F(s) + β + C(s, t) at this step
            int[] cand = new int[16];
            double[] vals = new double[16];
            boolean[] alive = new boolean[16];
            int nc = 1;
            int[] slot = new int[n + 1]; // position of each live candidate in cand[]
            // intervals of θ, ascending, each owned by one candidate; the logs of their ends for the Poisson loss
            Intervals cur = new Intervals(16);
            Intervals next = new Intervals(16);
            cur.add(lo, logOf(lo), hi, logOf(hi), 0);
            for (int t = 1; t <= n; t++) {
                double best = Double.POSITIVE_INFINITY;
                int arg = 0;
                for (int i = 0; i < nc; i++) {
                    int s = cand[i];
                    double v = f[s] + cost.cost(s, t) + pen;
                    vals[i] = v;
                    alive[i] = false;
                    if (v < best) {
                        best = v;
                        arg = s;
                    }
                }
                f[t] = best;
                last[t] = arg;
                if (t == n) {
                    break;
                }
                double thr = best + pen;
                // Each interval's owner keeps the part where q_owner ≤ F(t) + β (an interval: q is convex);
                // the new candidate t, constant at F(t) + β, takes the rest.
                next.clear(2 * cur.size + 2);
                for (int k = 0; k < cur.size; k++) {
                    int s = cur.own[k];
                    int i = slot[s];
                    double l = cur.lo[k];
                    double h = cur.hi[k];
                    if (vals[i] > thr) { // PELT's test: beaten everywhere by the new candidate
                        next.give(l, cur.logLo[k], h, cur.logHi[k], t);
                        continue;
                    }
                    boolean inL = inside(s, t, vals[i], thr, l, cur.logLo[k]);
                    boolean inH = inside(s, t, vals[i], thr, h, cur.logHi[k]);
                    if (inL && inH) {
                        next.add(l, cur.logLo[k], h, cur.logHi[k], s);
                        alive[i] = true;
                        continue;
                    }
                    double centre = centre(s, t);
                    if ((!inL && !inH && (h <= centre || l >= centre))) { // the whole interval is on one side, outside
                        next.give(l, cur.logLo[k], h, cur.logHi[k], t);
                        continue;
                    }
                    double ka = l;
                    double kaLog = cur.logLo[k];
                    double kb = h;
                    double kbLog = cur.logHi[k];
                    if (!inL) {
                        root(s, t, thr - vals[i], l, cur.logLo[k], false);
                        ka = rootTheta;
                        kaLog = rootLog;
                    }
                    if (!inH) {
                        root(s, t, thr - vals[i], h, cur.logHi[k], true);
                        kb = rootTheta;
                        kbLog = rootLog;
                    }
                    ka = Math.max(ka, l);
                    kb = Math.min(kb, h);
                    if (ka > kb) {
                        next.give(l, cur.logLo[k], h, cur.logHi[k], t);
                        continue;
                    }
                    if (ka > l) {
                        next.give(l, cur.logLo[k], ka, kaLog, t);
                    }
                    next.add(ka, kaLog, kb, kbLog, s);
                    alive[i] = true;
                    if (kb < h) {
                        next.give(kb, kbLog, h, cur.logHi[k], t);
                    }
                }
                Intervals swap = cur;
                cur = next;
                next = swap;
                // keep the candidates that still own something, in order, and add t if it does
                int kept = 0;
                for (int i = 0; i < nc; i++) {
                    if (alive[i]) {
                        cand[kept] = cand[i];
                        slot[cand[i]] = kept++;
                    }
                }
                if (cur.owns(t)) {
                    if (kept == cand.length) {
                        cand = Arrays.copyOf(cand, 2 * kept);
                        vals = Arrays.copyOf(vals, 2 * kept);
                        alive = Arrays.copyOf(alive, 2 * kept);
                    }
                    cand[kept] = t;
                    slot[t] = kept++;
                }
                nc = kept;
            }
            int[] changes = Pelt.backtrack(last, n);
            return new Pelt.Result(changes, f[n] - changes.length * pen);
        }

        private double logOf(double theta) {
            return poisson ? Math.log(theta) : 0;
        }

        /** Where q_s is lowest: the segment's mean or rate since s (for a segment of gaps only, anywhere: NaN). */
        private double centre(int s, int t) {
            double w = weight(s, t);
            return w > 0 ? (s1[t] - s1[s]) / w : Double.NaN;
        }

        /**
         * Whether q_s(θ) ≤ F(t) + β. Gaussian: {@code val} + W(θ − c)², val = F(s) + β + C(s,t); Poisson:
         * F(s) + β + 2ω(Eθ − S log θ − S), with log θ known (cached with the interval's end).
         */
        private boolean inside(int s, int t, double val, double thr, double theta, double logTheta) {
            double w = weight(s, t);
            if (w <= 0) {
                return true; // only gaps since s: q_s is flat at F(s) + β, already known to be ≤ F(t) + β
            }
            double sum = s1[t] - s1[s];
            if (!poisson) {
                double d = theta - sum / w;
                return val + w * d * d <= thr;
            }
            double loss = sum <= 0 ? w * theta : w * theta - sum * logTheta - sum;
            return f[s] + pen + twoOmega * loss <= thr;
        }

        /**
         * The end of {θ : q_s(θ) ≤ F(t) + β} on one side of the centre (upper or lower), starting from
         * {@code from}, a point of that side outside the set; {@code slack} = F(t) + β − min q_s ≥ 0.
         * Gaussian: c ± √(slack/W). Poisson (S > 0): u − 1 − log u = slack / (2ωS) with u = θ/θ̂, by
         * Newton's method from the outside point, which converges monotonically (the function is convex);
         * S = 0: θ = slack / (2ωE). Sets {@link #rootTheta} and {@link #rootLog}.
         */
        private void root(int s, int t, double slack, double from, double fromLog, boolean upper) {
            double w = weight(s, t);
            double sum = s1[t] - s1[s];
            if (!poisson) {
                double r = Math.sqrt(slack / w);
                rootTheta = upper ? sum / w + r : sum / w - r;
                rootLog = 0;
                return;
            }
            if (sum <= 0) {
                rootTheta = upper ? slack / (twoOmega * w) : Double.NEGATIVE_INFINITY;
                rootLog = upper ? Math.log(rootTheta) : Double.NEGATIVE_INFINITY;
                return;
            }
            double theta = sum / w;
            double logCentre = Math.log(theta);
            double r = slack / (twoOmega * sum);
            double u;
            double lu;
            if (from > 0) {
                u = from / theta;
                lu = fromLog - logCentre;
            } else { // from θ = 0: a start left of the lower root, u = e^(−v) with v − 1 + e^(−v) > r
                lu = -(r + 1 + Math.sqrt(2 * r));
                u = Math.exp(lu);
            }
            for (int k = 0; k < 200; k++) {
                double g = u - 1 - lu - r;
                double nu = u - g / (1 - 1 / u);
                if (!(g > 0) || !(nu > 0) || Math.abs(nu - u) <= 1e-13 * u) {
                    if (g > 0 && nu > 0) {
                        u = nu;
                        lu = Math.log(u);
                    }
                    break;
                }
                u = nu;
                lu = Math.log(u);
            }
            rootTheta = u * theta;
            rootLog = lu + logCentre;
        }
    }

    /** Intervals [lo, hi] of θ with their owners, ascending; log θ of each end kept for the Poisson loss. */
    private static final class Intervals {
        double[] lo;
        double[] hi;
        double[] logLo;
        double[] logHi;
        int[] own;
        int size;

        Intervals(int cap) {
            lo = new double[cap];
            hi = new double[cap];
            logLo = new double[cap];
            logHi = new double[cap];
            own = new int[cap];
        }

        void clear(int cap) {
            size = 0;
            if (lo.length < cap) {
                lo = new double[cap];
                hi = new double[cap];
                logLo = new double[cap];
                logHi = new double[cap];
                own = new int[cap];
            }
        }

        void add(double l, double ll, double h, double lh, int owner) {
            lo[size] = l;
            logLo[size] = ll;
            hi[size] = h;
            logHi[size] = lh;
            own[size++] = owner;
        }

        /** Adds [l, h] for the new candidate, merged with the previous interval when that is the new candidate's too. */
        void give(double l, double ll, double h, double lh, int owner) {
            if (size > 0 && own[size - 1] == owner && hi[size - 1] >= l) {
                hi[size - 1] = h;
                logHi[size - 1] = lh;
                return;
            }
            add(l, ll, h, lh, owner);
        }

        boolean owns(int owner) {
            for (int k = 0; k < size; k++) {
                if (own[k] == owner) {
                    return true;
                }
            }
            return false;
        }
    }
}
