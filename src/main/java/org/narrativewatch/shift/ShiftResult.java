package org.narrativewatch.shift;

import java.util.List;

/**
 * What a detection run found, with the settings that produced it.
 *
 * @param model        the segment model used
 * @param penalty      the penalty rule; {@code penaltyValue} its value for this series
 * @param scale        what Gaussian data were divided by (1 for count models)
 * @param dispersion   the over-dispersion factor the count costs were divided by (1 = pure Poisson/binomial)
 * @param outliers     buckets treated as missing by the outlier guard
 * @param seasonality  calendar cycles removed before detection (levels are then without them)
 * @param longRunScale whether {@code scale} is the long-run standard deviation within segments (else the
 *                     spread around the no-change fit)
 * @param fits         the no-change check of the automatic Gaussian default: the segmentation and "no change", each
 *                     with its number of changes and BIC (the lower one is reported); empty when not made
 * @param varianceChanges where the spread of the noise changes (the automatic Gaussian default; these are not
 *                     level changes and are not in {@code changes})
 * @param merged       breaks the search found and the jump check merged away (the automatic Gaussian default): where,
 *                     and how far the level jumped there in long-run sds
 * @param size         the negative binomial model's size r, estimated with the segmentation (variance λ(1 + λ/r) per
 *                     whole bucket); NaN for every other model
 */
public record ShiftResult(Model model, Penalty penalty, double penaltyValue, int minSegment, double scale,
                          double dispersion, int n, int observed, List<Segment> segments, List<ChangePoint> changes,
                          List<Integer> outliers, List<Seasonality> seasonality, boolean longRunScale, List<Fit> fits,
                          List<ShiftDetector.VarianceChange> varianceChanges, List<ShiftDetector.Merged> merged, double size) {

    /** One candidate of the no-change check: its number of changes and its BIC (quasi-likelihood, see ShiftDetector). */
    public record Fit(String name, int changes, double bic) {}

    public ShiftResult {
        fits = fits == null ? List.of() : List.copyOf(fits);
        varianceChanges = varianceChanges == null ? List.of() : List.copyOf(varianceChanges);
        merged = merged == null ? List.of() : List.copyOf(merged);
    }

    /** Without merged breaks (every model but the automatic Gaussian one). */
    public ShiftResult(Model model, Penalty penalty, double penaltyValue, int minSegment, double scale, double dispersion, int n,
                       int observed, List<Segment> segments, List<ChangePoint> changes, List<Integer> outliers,
                       List<Seasonality> seasonality, boolean longRunScale, List<Fit> fits,
                       List<ShiftDetector.VarianceChange> varianceChanges) {
        this(model, penalty, penaltyValue, minSegment, scale, dispersion, n, observed, segments, changes, outliers, seasonality,
                longRunScale, fits, varianceChanges, List.of(), Double.NaN);
    }

    public ShiftResult(Model model, Penalty penalty, double penaltyValue, int minSegment, double scale, double dispersion, int n,
                       int observed, List<Segment> segments, List<ChangePoint> changes, List<Integer> outliers) {
        this(model, penalty, penaltyValue, minSegment, scale, dispersion, n, observed, segments, changes, outliers, List.of(), false,
                List.of(), List.of(), List.of(), Double.NaN);
    }

    public int[] changeIndices() {
        return changes.stream().mapToInt(ChangePoint::index).toArray();
    }
}
