package org.narrativewatch.explain;

import org.hipparchus.special.Erf;

/**
 * How much more (or less) often a term occurs in one set of articles than in another, counted in
 * articles: of {@code n1} target articles {@code a} contain the term, of {@code n2} baseline
 * articles {@code b} do.
 *
 * <ul>
 *   <li><b>G²</b> (Dunning's log-likelihood ratio) of the 2×2 table
 *       {@code [[a, n1−a], [b, n2−b]]}: {@code 2 Σ O·ln(O/E)} over the four cells, with E from the
 *       margins and {@code 0·ln 0 = 0}. Under independence G² is χ² with one degree of freedom, so
 *       {@code p = P(χ²₁ ≥ G²) = erfc(√(G²/2))} (erfc keeps tiny p-values exact where
 *       {@code 1 − cdf} would round to 0).
 *   <li><b>Log-ratio</b> (Hardie's effect size): {@code log2((a/n1) / (b/n2))}, the binary log of
 *       the relative risk; its 95% interval is Katz's log interval,
 *       {@code ln RR ± 1.96·√(1/a − 1/n1 + 1/b − 1/n2)}, converted to log2. When a or b is 0 the
 *       ratio is infinite: every cell then gets 0.5 added (Haldane–Anscombe), for the ratio and
 *       its interval alike, so a term absent from one side gets a finite, wide interval.
 * </ul>
 *
 * <p>Written out rather than taken from Hipparchus' {@code GTest}: that class throws when a
 * column is empty (a term in every article of both sets), allocates per call and gives
 * {@code 1 − cdf} p-values, while an explanation scores a hundred thousand terms per call. The
 * tests check both against GTest where it is defined.
 */
public final class Keyness {
    private Keyness() {}

    /** The 0.975 quantile of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    /**
     * One term's scores.
     *
     * @param direction +1 over-represented in the target, −1 under-represented, 0 equal rates
     */
    public record Score(long count, long total, long baselineCount, long baselineTotal, double g2, double p,
                        double logRatio, double ciLow, double ciHigh, int direction) {

        public double share() {
            return total == 0 ? 0 : (double) count / total;
        }

        public double baselineShare() {
            return baselineTotal == 0 ? 0 : (double) baselineCount / baselineTotal;
        }
    }

    /** Scores a term found in {@code a} of {@code n1} target articles and {@code b} of {@code n2} baseline articles. */
    public static Score score(long a, long n1, long b, long n2) {
        if (a < 0 || b < 0 || a > n1 || b > n2) {
            throw new IllegalArgumentException("counts out of range: " + a + "/" + n1 + ", " + b + "/" + n2);
        }
        double g2 = g2(a, n1, b, n2);
        double p = n1 == 0 || n2 == 0 ? 1.0 : pValue(g2);
        double[] lr = logRatio(a, n1, b, n2);
        int direction = Long.compare(a * n2, b * n1);
        return new Score(a, n1, b, n2, g2, p, lr[0], lr[1], lr[2], Integer.signum(direction));
    }

    /** G² of the 2×2 table {@code [[a, n1−a], [b, n2−b]]}; 0 when a margin is empty. */
    public static double g2(long a, long n1, long b, long n2) {
        long n = n1 + n2;
        long with = a + b;
        long without = n - with;
        if (n1 == 0 || n2 == 0 || with == 0 || without == 0) {
            return 0;
        }
        // Σ O·ln(O/E) rather than the expanded Σ x·ln x form: the terms vanish exactly when O = E, so
        // equal rates give G² = 0 instead of a rounding residue (which would show as p = 0.9999999)
        double nn = n;
        double s = term(a, n1 * (double) with / nn) + term(n1 - a, n1 * (double) without / nn)
                + term(b, n2 * (double) with / nn) + term(n2 - b, n2 * (double) without / nn);
        return Math.max(0, 2 * s);
    }

    private static double term(long observed, double expected) {
        return observed == 0 ? 0 : observed * Math.log(observed / expected);
    }

    /** The G² at and above which p ≤ {@code maxP}: items below it need no p-value computed to be left out. */
    public static double criticalG2(double maxP) {
        if (maxP >= 1) {
            return 0;
        }
        return new org.hipparchus.distribution.continuous.ChiSquaredDistribution(1).inverseCumulativeProbability(1 - maxP);
    }

    /** P(χ²₁ ≥ g2). */
    public static double pValue(double g2) {
        return g2 <= 0 ? 1.0 : Erf.erfc(Math.sqrt(g2 / 2));
    }

    /** {log-ratio, low, high} in log2 units; NaN when a side has no articles. */
    static double[] logRatio(long a, long n1, long b, long n2) {
        if (n1 == 0 || n2 == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double x = a;
        double y = b;
        double m1 = n1;
        double m2 = n2;
        if (a == 0 || b == 0) {
            x += 0.5;
            y += 0.5;
            m1 += 1;
            m2 += 1;
        }
        double ln = Math.log((x / m1) / (y / m2));
        double se = Math.sqrt(Math.max(0, 1 / x - 1 / m1 + 1 / y - 1 / m2));
        double ln2 = Math.log(2);
        return new double[] {ln / ln2, (ln - Z95 * se) / ln2, (ln + Z95 * se) / ln2};
    }

}
