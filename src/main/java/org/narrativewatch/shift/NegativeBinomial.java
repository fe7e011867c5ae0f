package org.narrativewatch.shift;

import java.util.Arrays;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Over-dispersed counts by likelihood: a negative binomial rate per segment with one size r for the whole series
 * ({@code --model negative-binomial}, and a candidate of {@code --choose-model} for counts).
 *
 * <p>The model: inside a segment a bucket of exposure e (the share of a whole bucket it covers, and any calendar
 * factor) holds X ~ NB(size r·e, p), so its mean is λe with λ = r(1 − p)/p the rate per whole bucket and its variance
 * λe(1 + λ/r). Why the size scales with the exposure: a bucket is a sum of days, and a sum of independent NB(r, p)
 * days is NB(r·days, p), so a week and its days are the same model, as they are for Poisson. Then a segment's total S
 * is NB(r·E, p) (E = Σe) and the segment's maximum-likelihood p is rE/(rE + S) in closed form: the cost is O(1) from
 * prefix sums, and it is an exact −2 log-likelihood (with every log x! term), so it can be compared with the Poisson
 * and Gaussian likelihoods of the same observations. As r → ∞ the model is Poisson.
 *
 * <p>Why not the quasi-Poisson correction the count models use by default: that divides the Poisson deviance by one
 * dispersion factor, which is not a likelihood, so it cannot take part in a choice of model by BIC; and its factor is
 * the same for every rate, where counts whose variance grows with the square of the level (λ²/r) are the common case
 * of over-dispersion. r is estimated by maximum likelihood given the segmentation, and the segmentation by PELT given
 * r, alternately from "no change" (each step lowers the penalised −2 log-likelihood, so it stops; the first estimate,
 * on one segment, is the most over-dispersed and so the most conservative).
 *
 * <p>Written here because no maintained Java library has a negative binomial change-point cost; log-gamma,
 * digamma, the regularised beta and the root finder are Hipparchus'.
 */
public final class NegativeBinomial {
    private NegativeBinomial() {}

    /** The size is searched from here up to {@link #poissonEnd}. */
    static final double MIN_SIZE = 1e-6;

    /**
     * The largest size searched, where the counts are Poisson to 1e-8: the variance factor is 1 + λ/r, so the end
     * depends on the largest rate (a fixed 10^12 is far from Poisson for counts of 10^11).
     */
    static double poissonEnd(Observations obs) {
        return 1e8 * Math.max(1, largestRate(obs));
    }

    /** The largest observed count per whole bucket (x / exposure); 0 when nothing is observed. */
    static double largestRate(Observations obs) {
        double max = 0;
        for (int i = 0; i < obs.size(); i++) {
            if (!obs.missing(i)) {
                max = Math.max(max, obs.values()[i] / obs.exposure(i));
            }
        }
        return max;
    }

    /** Alternations of r and the segmentation at most (each strictly lowers the criterion; a few are the rule). */
    static final int MAX_ROUNDS = 50;

    /** A segmentation with its size r and the cost at that r. */
    public record Fit(int[] changes, double size, Cost cost) {}

    /**
     * The penalised maximum-likelihood segmentation and size: PELT at r, then r at that segmentation, from no change,
     * until the segmentation repeats.
     */
    public static Fit search(Observations obs, double penalty, int minSegment, boolean chargeSegmentLength) {
        // Two starts, the better kept: the alternation only ever lowers the criterion, so it ends at a local optimum.
        // From no change (the most over-dispersed r) it can stop short of the Poisson end of the model, where r → ∞ and
        // the segmentation is Poisson's own; starting there too makes the answer at least as good as Poisson's.
        Fit fromNoChange = descend(obs, size(obs, new int[0]), penalty, minSegment, chargeSegmentLength);
        Fit fromPoisson = descend(obs, poissonEnd(obs), penalty, minSegment, chargeSegmentLength);
        return criterion(fromPoisson, penalty, chargeSegmentLength) < criterion(fromNoChange, penalty, chargeSegmentLength)
                ? fromPoisson : fromNoChange;
    }

    private static Fit descend(Observations obs, double r, double penalty, int minSegment, boolean charge) {
        int[] cps = null;
        Cost cost = new Cost(obs, r);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int[] next = Pelt.run(cost, penalty, minSegment, charge).changes();
            if (Arrays.equals(next, cps)) {
                break; // r is already the maximum for these changes, and they are PELT's optimum at r
            }
            cps = next;
            cost = new Cost(obs, size(obs, cps));
        }
        return new Fit(cps, cost.r(), cost);
    }

    /** The penalised criterion PELT minimises, at the fit's own r. */
    static double criterion(Fit f, double penalty, boolean charge) {
        double c = deviance(f.cost(), f.changes()) + penalty * f.changes().length;
        if (charge) {
            int prev = 0;
            for (int k = 0; k <= f.changes().length; k++) {
                int end = k == f.changes().length ? f.cost().size() : f.changes()[k];
                c += f.cost().lengthCharge(prev, end);
                prev = end;
            }
        }
        return c;
    }

    /** −2 log-likelihood of a segmentation at each segment's maximum-likelihood rate and the size r. */
    public static double deviance(Cost cost, int[] cps) {
        double d = 0;
        int prev = 0;
        for (int c : cps) {
            d += cost.cost(prev, c);
            prev = c;
        }
        return d + cost.cost(prev, cost.size());
    }

    /**
     * The maximum-likelihood size r given the segmentation (each segment's p at its own maximum): the root of the profile
     * score Σ e_i [ψ(x_i + r e_i) − ψ(r e_i)] + Σ_k E_k log p_k(r) in log r; {@link #poissonEnd} when the counts are not
     * over-dispersed (the score is still positive there: the Poisson limit), {@link #MIN_SIZE} at the other end.
     */
    public static double size(Observations obs, int[] cps) {
        int n = obs.size();
        int[] bounds = new int[cps.length + 2];
        System.arraycopy(cps, 0, bounds, 1, cps.length);
        bounds[bounds.length - 1] = n;
        double[] segE = new double[bounds.length - 1];
        double[] segS = new double[bounds.length - 1];
        for (int k = 0; k + 1 < bounds.length; k++) {
            for (int i = bounds[k]; i < bounds[k + 1]; i++) {
                if (!obs.missing(i)) {
                    segE[k] += obs.exposure(i);
                    segS[k] += obs.values()[i];
                }
            }
        }
        java.util.function.DoubleUnaryOperator score = logR -> {
            double r = Math.exp(logR);
            double s = 0;
            for (int i = 0; i < n; i++) {
                if (!obs.missing(i) && obs.values()[i] > 0) {
                    double e = obs.exposure(i);
                    s += e * (Gamma.digamma(obs.values()[i] + r * e) - Gamma.digamma(r * e));
                }
            }
            for (int k = 0; k < segE.length; k++) {
                if (segE[k] > 0 && segS[k] > 0) {
                    s -= segE[k] * Math.log1p(segS[k] / (r * segE[k])); // E log p, p = rE/(rE+S)
                }
            }
            return s;
        };
        // Over-dispersion in the moments: Σ (x − λe)² − Σ λe > 0 (for these counts Var x = λe + λ²e/r). Without it the
        // likelihood rises all the way to r → ∞ (Poisson); with it the root is finite, and the moment estimate
        // Σ λ²e / that excess brackets it. Why not just the score's sign at a huge r: there its value is a difference of
        // two sums that agree to the 13th digit, so its sign is rounding.
        double excess = 0;
        double scaleSum = 0;
        for (int k = 0; k + 1 < bounds.length; k++) {
            double lambda = segE[k] > 0 ? segS[k] / segE[k] : 0;
            for (int i = bounds[k]; i < bounds[k + 1]; i++) {
                if (!obs.missing(i)) {
                    double mu = lambda * obs.exposure(i);
                    excess += (obs.values()[i] - mu) * (obs.values()[i] - mu) - mu;
                    scaleSum += lambda * mu;
                }
            }
        }
        double end = poissonEnd(obs);
        if (!(excess > 0) || !(scaleSum > 0)) {
            return end;
        }
        double moments = scaleSum / excess;
        double lo = Math.log(MIN_SIZE);
        double hi = Math.log(Math.min(end, Math.max(1, moments) * 1e3));
        while (score.applyAsDouble(hi) > 0) {
            if (hi >= Math.log(end)) {
                return end;
            }
            hi = Math.min(Math.log(end), hi + Math.log(1e3));
        }
        if (score.applyAsDouble(lo) <= 0) {
            return MIN_SIZE;
        }
        return Math.exp(new BrentSolver(1e-12, 1e-10).solve(500, score::applyAsDouble, lo, hi));
    }

    /**
     * log Γ(x + a) − log Γ(a). For a ≥ 1000 from the difference of Stirling's series, written with log1p: the plain
     * difference loses everything at the Poisson end (log Γ(10^12) is 2.6e13, so its last digit is worth 0.004), while
     * the series' error there is below 1/(360 a³) ≈ 3e-12.
     */
    static double logGammaRatio(double x, double a) {
        if (a < 1000) {
            return Gamma.logGamma(x + a) - Gamma.logGamma(a);
        }
        return x * Math.log(a) + (x + a - 0.5) * Math.log1p(x / a) - x - x / (12 * a * (x + a));
    }

    /** The segment cost at a fixed size r: −2 log-likelihood at the segment's maximum-likelihood p. */
    public static final class Cost extends SegmentCosts.Prefix {
        final double r;
        /** prefix sums of log Γ(x + re) − log Γ(re) − log x! over observed buckets */
        private final double[] sl;

        public Cost(Observations obs, double size) {
            super(obs, 1);
            if (!(size > 0)) {
                throw new IllegalArgumentException("size must be positive: " + size);
            }
            this.r = size;
            sl = new double[n + 1];
            SegmentCosts.Sum sum = new SegmentCosts.Sum();
            for (int i = 0; i < n; i++) {
                double v = obs.values()[i];
                if (!obs.missing(i) && (v < 0 || v != Math.rint(v))) {
                    throw new org.narrativewatch.UserException("the negative-binomial model needs counts (whole numbers >= 0); bucket "
                            + i + (obs.date(i) == null ? "" : " (" + obs.date(i) + ")") + " is " + v);
                }
                double t = 0;
                if (!obs.missing(i) && v > 0) {
                    double re = size * obs.exposure(i);
                    t = logGammaRatio(v, re) - Gamma.logGamma(v + 1);
                }
                sl[i + 1] = sum.add(t);
            }
        }

        /** The size r this cost is at. */
        public double r() {
            return r;
        }

        @Override
        public double cost(int start, int end) {
            if (cnt[end] == cnt[start]) {
                return 0;
            }
            double s = s1[end] - s1[start];
            double re = r * weight(start, end);
            double ll = sl[end] - sl[start];
            if (s > 0) {
                // rE log(rE/(rE+S)) + S log(S/(rE+S)), each term in its stable form
                ll += -re * Math.log1p(s / re) - s * Math.log1p(re / s);
            }
            return -2 * ll;
        }

        /**
         * The rate per whole bucket with its exact 95% interval: S is NB(rE, p), P(S ≤ s) = I_p(rE, s + 1), inverted for p
         * as Clopper and Pearson invert the binomial (Garwood's interval when r → ∞), solved in log(1 − p) so that a
         * nearly Poisson segment keeps its relative accuracy; for totals above 10^7 the total's moment-matched gamma
         * ({@link #gammaBound}; the regularised beta's terms of size s log s lose digits as the total grows), and a
         * normal interval on the log scale once that gamma's shape passes 10^8.
         */
        @Override
        public Estimate estimate(int start, int end, int at, double sigma) {
            if (cnt[end] == cnt[start]) {
                return Estimate.NONE;
            }
            double s = s1[end] - s1[start];
            double e = weight(start, end);
            double re = r * e;
            double rate = s / e;
            if (s == 0) {
                // P(S = 0) = p^{rE}: the upper end where that is 2.5 %, in closed form at any size
                double q = -Math.expm1(Math.log(0.025) / re);
                return new Estimate(0, 0, r * q / (1 - q));
            }
            if (s > 1e7) {
                if (s / (1 + rate / r) > 1e8) {
                    // the gamma below is then normal to its skewness 2/√shape < 2e-4 (and its series slow)
                    double se = Math.sqrt((1 / rate + 1 / r) / e);
                    return new Estimate(rate, rate * Math.exp(-1.96 * se), rate * Math.exp(1.96 * se));
                }
                // P(S ≥ s) = P(S ≤ s − 1) complement; continuity-corrected
                return new Estimate(rate, gammaBound(s - 0.5, e, rate, 0.975), gammaBound(s + 0.5, e, rate, 0.025));
            }
            // q = 1 − p: P(S ≤ s) = 1 − I_q(s + 1, rE); P(S ≥ s) = I_q(s, rE)
            double qHi = quantile(s + 1, re, 0.975);
            double qLo = quantile(s, re, 0.025);
            return new Estimate(rate, r * qLo / (1 - qLo), r * qHi / (1 - qHi));
        }

        /**
         * The rate λ at which the total of exposure e, approximated by the gamma with its mean λe and variance
         * λe(1 + λ/r) (shape λe/(1 + λ/r), scale 1 + λ/r), has {@code target} of its mass below x. Why a gamma and not a
         * normal: with a small r·e the total is itself nearly gamma (a Poisson count of a gamma rate whose Poisson part
         * is negligible at these totals) and as skewed as one (2/√(re)); a normal on the log scale then puts the upper
         * end far too low (at r·e = 0.5 it left 20 % above it, not 2.5 %). At a large r·e it is the Poisson's normal.
         */
        private double gammaBound(double x, double e, double rate, double target) {
            java.util.function.DoubleUnaryOperator f = ll -> {
                double lambda = Math.exp(ll);
                double scale = 1 + lambda / r;
                return Gamma.regularizedGammaP(lambda * e / scale, x / scale) - target; // falls as λ grows
            };
            double lo = Math.log(rate) - 1;
            double hi = Math.log(rate) + 1;
            for (int k = 0; k < 200 && f.applyAsDouble(lo) < 0; k++) {
                lo -= 2;
            }
            for (int k = 0; k < 200 && f.applyAsDouble(hi) > 0; k++) {
                hi += 2;
            }
            return Math.exp(new BrentSolver(1e-13, 1e-12).solve(1000, f::applyAsDouble, lo, hi));
        }

        /** The q with I_q(a, b) = target, solved in log q. */
        private static double quantile(double a, double b, double target) {
            java.util.function.DoubleUnaryOperator f = lq -> Beta.regularizedBeta(Math.exp(lq), a, b) - target;
            double hi = Math.log(1 - 1e-16);
            double lo = Math.log(a / (a + b)) - 1;
            while (f.applyAsDouble(lo) > 0 && lo > -745) {
                lo -= 10;
            }
            return Math.exp(new BrentSolver(1e-14, 1e-14).solve(1000, f::applyAsDouble, lo, hi));
        }
    }
}
