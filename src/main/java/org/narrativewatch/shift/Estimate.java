package org.narrativewatch.shift;

/** A level (rate, share, mean or fitted value) with its 95% confidence interval. */
public record Estimate(double level, double lo, double hi) {
    public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);
}
