package org.narrativewatch.opinion;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/** Lagged least-squares fits shared by the AR fit and the Granger test (Hipparchus does the algebra). */
final class Regression {
    private Regression() {}

    /** Which information criterion picks a lag order. */
    enum Criterion {
        AIC, BIC;

        /** m·ln(RSS/m) + penalty·k for a Gaussian linear model with k coefficients fitted on m observations. */
        double value(double rss, int m, int k) {
            double penalty = this == AIC ? 2.0 : Math.log(m);
            return m * Math.log(Math.max(rss, Double.MIN_NORMAL) / m) + penalty * k;
        }
    }

    /**
     * Residual sum of squares of {@code y[t]} on a constant and lags 1..p of each of {@code regressors},
     * over t = {@code from} .. n-1 ({@code from} ≥ p, so every model compared on the same {@code from}
     * uses the same observations, as information criteria require).
     */
    static double laggedRss(double[] y, int from, int p, double[]... regressors) {
        int m = y.length - from;
        double[] yy = new double[m];
        System.arraycopy(y, from, yy, 0, m);
        int k = p * regressors.length;
        if (k == 0) {
            double mean = 0;
            for (double v : yy) {
                mean += v;
            }
            mean /= m;
            double rss = 0;
            for (double v : yy) {
                rss += (v - mean) * (v - mean);
            }
            return rss;
        }
        double[][] x = new double[m][k];
        for (int i = 0; i < m; i++) {
            int t = from + i;
            int c = 0;
            for (double[] r : regressors) {
                for (int j = 1; j <= p; j++) {
                    x[i][c++] = r[t - j];
                }
            }
        }
        return solve(yy, x, OLSMultipleLinearRegression::calculateResidualSumOfSquares);
    }

    /** Coefficients (constant first) of {@code y[t]} on lags 1..p of itself over t = p .. n-1. */
    static double[] autoregression(double[] y, int p) {
        int m = y.length - p;
        double[] yy = new double[m];
        double[][] x = new double[m][p];
        for (int i = 0; i < m; i++) {
            yy[i] = y[p + i];
            for (int j = 1; j <= p; j++) {
                x[i][j - 1] = y[p + i - j];
            }
        }
        return solve(yy, x, OLSMultipleLinearRegression::estimateRegressionParameters);
    }

    private static <T> T solve(double[] y, double[][] x, java.util.function.Function<OLSMultipleLinearRegression, T> what) {
        OLSMultipleLinearRegression r = new OLSMultipleLinearRegression();
        try {
            r.newSampleData(y, x);
            return what.apply(r);
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("regression is singular (a constant or collinear series?): " + e.getMessage(), e);
        }
    }
}
