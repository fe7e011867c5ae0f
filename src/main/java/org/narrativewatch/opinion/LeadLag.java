package org.narrativewatch.opinion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.special.Beta;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;

/**
 * Which of two equally spaced series leads the other: prewhitened cross-correlation over lags with
 * bands, and Granger-causality F-tests in both directions. A positive lag k means A leads B: r(k)
 * correlates A at t with B at t+k.
 *
 * <p>Cross-correlation. Two autocorrelated series (trending approval, trending coverage) correlate
 * at every lag by accident, and the textbook band ±1.96/√n is far too narrow for them. We prewhiten
 * (Box and Jenkins): fit an AR model to A with its order chosen by AIC, filter both A and B with it,
 * and correlate the filtered series. The filtered A is white noise, so under "no cross-correlation"
 * each r(k) has variance 1/n_k (n_k pairs at that lag) whatever B's own autocorrelation; the band is
 * ±z/√n_k. (Bartlett's variance formula would instead need both series' autocorrelations estimated
 * out to long lags, which is noisy on the few hundred points a poll series has.)
 *
 * <p>Granger. For A→B, B[t] is regressed on a constant and lags 1..p of B, with and without lags
 * 1..p of A; the F statistic compares the two residual sums of squares. p is chosen by AIC (or BIC)
 * on the model with A's lags, over 1..max-lag, all candidates on the same observations. Choosing p
 * that way lets chance fits of A's lags choose it, and the F distribution's p-value then rejects true
 * nulls more often than it says (38 of 500 unrelated pairs at 5% in LeadLagTest; 21 after the
 * adjustment). So the reported p is
 * selection-adjusted by a residual bootstrap under the null: B is regenerated many times from its
 * own fitted autoregression (A held fixed), the whole procedure (choose p, F-test) is rerun on each,
 * and p is the share of replicates at least as extreme as the data. The plain F p-value is kept as
 * {@code pF}. F-tests on levels of integrated (random-walk-like) series mislead, hence the
 * persistence warning and the option to difference first.
 */
public final class LeadLag {

    /** Fewer observations than this: the asymptotic bands and F approximations are rough; said in the output. */
    public static final int MIN_OBSERVATIONS = 30;
    /** Granger residual degrees of freedom below this: the F-test has little power; said in the output. */
    static final int MIN_RESIDUAL_DF = 20;
    /** AR order cap for prewhitening: a year of monthly data. */
    static final int MAX_AR_ORDER = 12;
    /** AR coefficients summing above this: the series behaves like a random walk. */
    static final double UNIT_ROOT_WARNING = 0.95;

    private LeadLag() {}

    /**
     * @param maxLag     lags -maxLag..maxLag of the cross-correlation; Granger lags 1..maxLag
     * @param criterion  "aic" or "bic": picks the prewhitening AR order and the Granger lag
     * @param difference first-difference both series before testing (for trending, random-walk-like levels)
     * @param confidence of the cross-correlation bands, e.g. 0.95
     * @param bootstrap  replicates for the selection-adjusted Granger p-value (0: report the plain F p-value)
     * @param seed       of the bootstrap, so a run can be repeated exactly
     */
    public record Options(int maxLag, String criterion, boolean difference, double confidence, int bootstrap, long seed) {
        public static final int DEFAULT_BOOTSTRAP = 499;

        public Options {
            if (maxLag < 1) {
                throw new InvalidOptionException("max-lag", "must be at least 1, not " + maxLag);
            }
            criterion = criterion.toLowerCase(Locale.ROOT);
            if (!criterion.equals("aic") && !criterion.equals("bic")) {
                throw new InvalidOptionException("criterion", "must be aic or bic, not '" + criterion + "'");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new InvalidOptionException("confidence", "must be between 0 and 1, not " + confidence);
            }
            if (bootstrap < 0) {
                throw new InvalidOptionException("bootstrap", "must be 0 or more, not " + bootstrap);
            }
        }

        public static Options of(int maxLag) {
            return new Options(maxLag, "aic", false, 0.95, DEFAULT_BOOTSTRAP, 1);
        }

        public Options withBootstrap(int replicates) {
            return new Options(maxLag, criterion, difference, confidence, replicates, seed);
        }

        public Options differenced() {
            return new Options(maxLag, criterion, true, confidence, bootstrap, seed);
        }

        Regression.Criterion ic() {
            return Regression.Criterion.valueOf(criterion.toUpperCase(Locale.ROOT));
        }
    }

    /** One lag of the cross-correlation: prewhitened r with its band, the raw r for reference, the pairs used. */
    public record CcfPoint(int lag, double r, double lo, double hi, int n, double rRaw) {
        public boolean significant() {
            return r < lo || r > hi;
        }
    }

    /**
     * One direction's Granger test.
     *
     * @param lag        lags of each series in the model, chosen by the criterion
     * @param f          F statistic for the cause's lags
     * @param df1        numerator degrees of freedom (= lag)
     * @param df2        residual degrees of freedom
     * @param p          selection-adjusted bootstrap p-value (= pF when the bootstrap is off)
     * @param pF         p-value of F(df1, df2), ignoring that the lag was chosen on the same data
     * @param n          observations in the regression
     * @param replicates bootstrap replicates behind p (0: none)
     */
    public record Granger(int lag, double f, int df1, int df2, double p, double pF, int n, int replicates) {}

    /**
     * @param n              observations of the (joined, possibly differenced) series
     * @param method         how the figures were made, in words
     * @param prewhitenOrder order of the AR model fitted to A for prewhitening
     * @param ccf            lags -maxLag..maxLag
     * @param aToB           does A help predict B (null when too few observations)
     * @param bToA           does B help predict A
     * @param warnings       reasons to distrust the figures
     */
    public record Result(int n, String method, int prewhitenOrder, List<CcfPoint> ccf, Granger aToB, Granger bToA,
                         List<String> warnings) {
        public Result {
            ccf = List.copyOf(ccf);
            warnings = List.copyOf(warnings);
        }
    }

    public static Result analyse(double[] a, double[] b, Options o) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("series lengths differ: " + a.length + " and " + b.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("missing value at position " + i + ": join and drop gaps first");
            }
        }
        List<String> warnings = new ArrayList<>();
        double[] x = o.difference() ? diff(a) : a;
        double[] y = o.difference() ? diff(b) : b;
        int n = x.length;
        if (n < 8) {
            throw new UserException("only " + n + " observations in common: too few for lead-lag tests (need at least 8)");
        }
        if (constant(x) || constant(y)) {
            throw new UserException("series " + (constant(x) ? "A" : "B") + " is constant over the common dates: nothing to correlate");
        }
        if (n < MIN_OBSERVATIONS) {
            warnings.add("only " + n + " observations (fewer than " + MIN_OBSERVATIONS
                    + "): bands and p-values rest on large-sample approximations; read them as rough");
        }
        Regression.Criterion ic = o.ic();
        ArModel arA = ArModel.fit(x, MAX_AR_ORDER, ic);
        if (!o.difference()) {
            warnIfRandomWalk("A", arA, warnings);
            warnIfRandomWalk("B", ArModel.fit(y, MAX_AR_ORDER, ic), warnings);
        }
        double[] wa = arA.filter(x);
        double[] wb = arA.filter(y);
        int maxLag = Math.min(o.maxLag(), wa.length - 3);
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + o.confidence() / 2);
        List<CcfPoint> ccf = new ArrayList<>();
        for (int k = -maxLag; k <= maxLag; k++) {
            int pairs = wa.length - Math.abs(k);
            double band = z / Math.sqrt(pairs);
            ccf.add(new CcfPoint(k, correlation(wa, wb, k), -band, band, pairs, correlation(x, y, k)));
        }
        if (maxLag < o.maxLag()) {
            warnings.add("max lag cut to " + maxLag + " by the number of observations");
        }
        warnings.add(String.format(Locale.ROOT, "%d lags tested: at %.0f%% confidence about %.1f of them fall outside the band by chance alone",
                ccf.size(), 100 * o.confidence(), ccf.size() * (1 - o.confidence())));
        Granger ab = granger(x, y, o, new SplittableRandom(o.seed()), "A→B", warnings);
        Granger ba = granger(y, x, o, new SplittableRandom(o.seed() + 1), "B→A", warnings);
        String method = "cross-correlation of both series filtered by an AR(" + arA.order() + ") model of A (order by "
                + o.criterion() + "), band ±z/√pairs at confidence " + o.confidence()
                + "; Granger F-tests with lag by " + o.criterion() + " over 1.." + o.maxLag()
                + (o.bootstrap() > 0 ? ", p adjusted for the lag choice by a " + o.bootstrap()
                        + "-replicate residual bootstrap under the null (seed " + o.seed() + ")" : ", plain F p-values")
                + (o.difference() ? "; both series first-differenced" : "; levels (not differenced)");
        return new Result(n, method, arA.order(), ccf, ab, ba, warnings);
    }

    private static void warnIfRandomWalk(String name, ArModel m, List<String> warnings) {
        if (m.persistence() > UNIT_ROOT_WARNING) {
            warnings.add(String.format(Locale.ROOT, "series %s looks like a random walk (AR(%d) coefficients sum to %.3f): "
                    + "tests on levels find spurious links then; rerun with --difference", name, m.order(), m.persistence()));
        }
    }

    /**
     * Does {@code cause} help predict {@code effect} beyond the effect's own past? Null when there are too
     * few observations for even one lag.
     */
    static Granger granger(double[] cause, double[] effect, Options o, SplittableRandom rnd, String label,
                           List<String> warnings) {
        int n = effect.length;
        // the unrestricted model at lag P has 2P+1 coefficients; keep at least 5 residual degrees of freedom
        int pMax = o.maxLag();
        while (pMax >= 1 && n - pMax - (2 * pMax + 1) < 5) {
            pMax--;
        }
        if (pMax < 1) {
            warnings.add(label + ": too few observations (" + n + ") for a Granger test");
            return null;
        }
        if (pMax < o.maxLag()) {
            warnings.add(label + ": Granger lags limited to 1.." + pMax + " by the number of observations");
        }
        Regression.Criterion ic = o.ic();
        int lag = chooseLag(cause, effect, pMax, ic);
        Granger plain = fTest(cause, effect, lag);
        if (plain.df2() < MIN_RESIDUAL_DF) {
            warnings.add(label + ": only " + plain.df2() + " residual degrees of freedom: the F-test has little power");
        }
        if (o.bootstrap() == 0) {
            return plain;
        }
        // Under the null the effect is its own autoregression: regenerate it from the fitted AR(pMax) with
        // resampled residuals, keep the cause as it is, and rerun the whole procedure.
        double[] beta = Regression.autoregression(effect, pMax);
        double[] resid = new double[n - pMax];
        double mean = 0;
        for (int t = pMax; t < n; t++) {
            double v = effect[t] - beta[0];
            for (int j = 1; j <= pMax; j++) {
                v -= beta[j] * effect[t - j];
            }
            resid[t - pMax] = v;
            mean += v;
        }
        mean /= resid.length;
        for (int i = 0; i < resid.length; i++) {
            resid[i] -= mean;
        }
        int asExtreme = 0;
        double[] sim = new double[n];
        for (int r = 0; r < o.bootstrap(); r++) {
            System.arraycopy(effect, 0, sim, 0, pMax);
            for (int t = pMax; t < n; t++) {
                double v = beta[0] + resid[rnd.nextInt(resid.length)];
                for (int j = 1; j <= pMax; j++) {
                    v += beta[j] * sim[t - j];
                }
                sim[t] = v;
            }
            double pSim;
            try {
                pSim = fTest(cause, sim, chooseLag(cause, sim, pMax, ic)).pF();
            } catch (IllegalArgumentException degenerate) {
                pSim = 1;
            }
            if (pSim <= plain.pF()) {
                asExtreme++;
            }
        }
        double p = (asExtreme + 1.0) / (o.bootstrap() + 1.0);
        return new Granger(plain.lag(), plain.f(), plain.df1(), plain.df2(), p, plain.pF(), plain.n(), o.bootstrap());
    }

    /** The lag 1..pMax minimising the criterion for the model with both series' lags, all fitted on t ≥ pMax. */
    static int chooseLag(double[] cause, double[] effect, int pMax, Regression.Criterion ic) {
        int best = 1;
        double bestIc = Double.POSITIVE_INFINITY;
        for (int p = 1; p <= pMax; p++) {
            double v = ic.value(Regression.laggedRss(effect, pMax, p, effect, cause), effect.length - pMax, 2 * p + 1);
            if (v < bestIc - 1e-12) {
                bestIc = v;
                best = p;
            }
        }
        return best;
    }

    /** The F-test of lags 1..p of {@code cause} in the regression of {@code effect} on its own lags 1..p. */
    static Granger fTest(double[] cause, double[] effect, int p) {
        double rssU = Regression.laggedRss(effect, p, p, effect, cause);
        double rssR = Regression.laggedRss(effect, p, p, effect);
        int m = effect.length - p;
        int df2 = m - (2 * p + 1);
        double f = Math.max(0, ((rssR - rssU) / p) / (rssU / df2));  // rounding can put RSS_R a hair below RSS_U
        double pF = fSurvival(f, p, df2);
        return new Granger(p, f, p, df2, pF, pF, m, 0);
    }

    /**
     * P(F(df1, df2) > f) from the upper tail directly, I_{df2/(df2+df1·f)}(df2/2, df1/2): 1 − CDF loses
     * everything below ~1e-16 (it printed 0 where R gives 4.7e-27).
     */
    static double fSurvival(double f, int df1, int df2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (!(f > 0)) {
            return 1;
        }
        return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2.0, df1 / 2.0);
    }

    /** Pearson correlation of x[t] with y[t+k] over the pairs where both exist. */
    static double correlation(double[] x, double[] y, int k) {
        int from = Math.max(0, -k);
        int to = Math.min(x.length, y.length - k);
        int m = to - from;
        double mx = 0;
        double my = 0;
        for (int t = from; t < to; t++) {
            mx += x[t];
            my += y[t + k];
        }
        mx /= m;
        my /= m;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = from; t < to; t++) {
            double dx = x[t] - mx;
            double dy = y[t + k] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    private static double[] diff(double[] v) {
        double[] d = new double[Math.max(0, v.length - 1)];
        for (int i = 1; i < v.length; i++) {
            d[i - 1] = v[i] - v[i - 1];
        }
        return d;
    }

    private static boolean constant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
