package org.narrativewatch.opinion;

/**
 * An autoregressive model y[t] = c + Σ phi[j]·y[t-j] + e[t], order chosen by an information criterion.
 * Used to prewhiten: filtering both series with the leader's AR filter turns the leader into white
 * noise, and the cross-correlation of white noise with anything independent of it has variance 1/n
 * whatever the other series' autocorrelation; that is what makes the ±z/√n band honest.
 */
record ArModel(int order, double intercept, double[] phi) {

    static ArModel fit(double[] y, int maxOrder, Regression.Criterion criterion) {
        int pMax = Math.max(0, Math.min(maxOrder, y.length / 4));
        int best = 0;
        double bestIc = Double.POSITIVE_INFINITY;
        for (int p = 0; p <= pMax; p++) {
            int m = y.length - pMax;
            double ic = criterion.value(Regression.laggedRss(y, pMax, p, y), m, p + 1);
            if (ic < bestIc - 1e-12) {
                bestIc = ic;
                best = p;
            }
        }
        if (best == 0) {
            return new ArModel(0, mean(y), new double[0]);
        }
        double[] beta = Regression.autoregression(y, best);
        double[] phi = new double[best];
        System.arraycopy(beta, 1, phi, 0, best);
        return new ArModel(best, beta[0], phi);
    }

    /** e[t] = y[t] - Σ phi[j]·y[t-j] for t = order .. n-1 (the constant is left in: correlations ignore it). */
    double[] filter(double[] y) {
        double[] e = new double[y.length - order];
        for (int t = order; t < y.length; t++) {
            double v = y[t];
            for (int j = 1; j <= order; j++) {
                v -= phi[j - 1] * y[t - j];
            }
            e[t - order] = v;
        }
        return e;
    }

    /** Σ phi: near 1 means a unit root (a random walk), where tests on levels mislead. */
    double persistence() {
        double s = 0;
        for (double v : phi) {
            s += v;
        }
        return s;
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }
}
