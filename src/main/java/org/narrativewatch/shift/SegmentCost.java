package org.narrativewatch.shift;

/**
 * Twice the negative maximised log-likelihood of a segment, up to terms that do not depend on the
 * segmentation: the quantity PELT and binary segmentation minimise. Segments are half-open bucket
 * ranges [start, end); missing buckets contribute nothing. Costs are O(1) from prefix sums.
 */
public interface SegmentCost {

    /** Number of buckets. */
    int size();

    /** Cost of buckets [start, end); 0 when none of them is observed. */
    double cost(int start, int end);

    /** Observed (non-missing) buckets in [start, end). */
    int observed(int start, int end);

    /**
     * The segment's level in the series' own units with a 95% interval, evaluated at bucket
     * {@code at} (it matters only for the trend model). {@code sigma}: a pooled standard deviation
     * for the Gaussian models with a common variance, NaN to use the segment's own.
     */
    Estimate estimate(int start, int end, int at, double sigma);

    /**
     * What MBIC adds to the segment's cost: log of its length, as R changepoint's MBIC costs do
     * (log of the observed buckets here, so a gap adds nothing). R's Poisson MBIC cost charges
     * nothing to a segment whose sum is 0, and so does ours ({@link SegmentCosts}).
     */
    default double lengthCharge(int start, int end) {
        return Math.log(Math.max(1, observed(start, end)));
    }

    /** Sum of squared residuals in the series' units (Gaussian models; NaN for the others). */
    default double residualSumOfSquares(int start, int end) {
        return Double.NaN;
    }
}
