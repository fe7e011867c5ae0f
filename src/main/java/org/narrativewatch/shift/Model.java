package org.narrativewatch.shift;

import java.util.Locale;
import org.narrativewatch.InvalidOptionException;

/**
 * The segment model: what stays constant inside a segment. {@code params} is the number of
 * parameters that change at a change point (R changepoint's {@code diffparam}); it sets the
 * BIC/MBIC penalties.
 */
public enum Model {
    /** counts with a constant rate (R: cpt.meanvar(test.stat = "Poisson")) */
    POISSON("poisson", 1),
    /** k matching of n articles with a constant share; days with few articles weigh little */
    BINOMIAL("binomial", 1),
    /** constant mean, common variance (R: cpt.mean(test.stat = "Normal") on the scaled series) */
    NORMAL_MEAN("normal-mean", 1),
    /** mean and variance change together (R: cpt.meanvar(test.stat = "Normal")) */
    NORMAL_MEANVAR("normal-meanvar", 2),
    /** a straight line per segment (level and slope change together), common variance */
    NORMAL_TREND("normal-trend", 2),
    /** a straight line and a variance per segment (level, slope and spread change together) */
    NORMAL_TREND_VAR("normal-trendvar", 3),
    /**
     * over-dispersed counts with a constant rate: negative binomial, one size for the whole series
     * ({@link NegativeBinomial}; not in R changepoint)
     */
    NEGATIVE_BINOMIAL("negative-binomial", 1);

    public final String wire;
    public final int params;

    Model(String wire, int params) {
        this.wire = wire;
        this.params = params;
    }

    /**
     * Shortest segment the model can fit: a variance needs 2 points, a line with a residual 3, a line and
     * a variance 4 (two residual degrees of freedom: with one, the segment's log-variance has so heavy a
     * left tail that three points on a near-line would buy a change).
     */
    public int minimumSegment() {
        return switch (this) {
            case NORMAL_MEANVAR -> 2;
            case NORMAL_TREND -> 3;
            case NORMAL_TREND_VAR -> 4;
            default -> 1;
        };
    }

    public static Model parse(String s) {
        for (Model m : values()) {
            if (m.wire.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidOptionException("model", "must be auto, poisson, negative-binomial, binomial, normal-mean, normal-meanvar, normal-trend or normal-trendvar, not '" + s + "'");
    }
}
