package org.narrativewatch.cli;

import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.shift.Penalty;
import org.narrativewatch.shift.ShiftOptions;
import picocli.CommandLine.Option;

/**
 * How the shift detector segments a series, mixed into every command that runs it ({@code shifts},
 * {@code opinion shifts}, {@code eval-changepoints}): --penalty, --min-segment, --method, --[no-]robust,
 * --[no-]seasonal, --[no-]long-run-scale, --[no-]variance-segments, --[no-]null-check, --min-jump, --min-turn, --[no-]local-refinement, --refine-side, --[no-]unbiased-local-noise, --refine-intervals, --local-noise, --ar1-cost, --choose-model, --mean-loss, --consistent-scale, --no-dispersion. A setting left out keeps the command's own default
 * ({@link #apply}), so commands with other defaults (polls: segments of at least one poll, the binomial model)
 * share the flags.
 */
public final class DetectorOptions {

    @Option(names = "--penalty", paramLabel = "PENALTY",
            description = "mbic, bic, a number, or k*log(n) (default: bic).")
    String penalty;

    @Option(names = "--min-segment", paramLabel = "N",
            description = "Shortest segment, in buckets (polls for opinion shifts) (default: the model's minimum; 1 poll).")
    Integer minSegment;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "pelt (exact), binseg, or bocpd (online Bayesian; reports a posterior) (default: pelt).")
    ShiftOptions.Method method;

    @Option(names = "--robust", negatable = true,
            description = "Treat outlying runs of one or two buckets as missing before segmenting (default: on for the "
                    + "automatic Gaussian model, off otherwise).")
    Boolean robust;

    @Option(names = "--seasonal", negatable = true,
            description = "Remove a calendar cycle (weekday, day of month, month, quarter) the series has (default: on for "
                    + "automatic models with dates).")
    Boolean seasonal;

    @Option(names = "--long-run-scale", negatable = true,
            description = "Gaussian models: scale by the long-run sd within segments, not the spread around the no-change fit "
                    + "(default: on for the automatic Gaussian model).")
    Boolean longRunScale;

    @Option(names = "--variance-segments", negatable = true,
            description = "Gaussian models: let noisier stretches weigh less instead of cutting them into level changes "
                    + "(default: on).")
    Boolean varianceSegments;

    @Option(names = "--null-check", negatable = true,
            description = "Gaussian models: keep the changes only if they beat no change by the profile-likelihood BIC "
                    + "(default: off).")
    Boolean nullCheck;

    @Option(names = "--min-jump", paramLabel = "SD",
            description = "Gaussian models at the long-run scale: keep a change only when the level jumps by at least this many "
                    + "long-run sds of the segmentation it keeps (see --consistent-scale) (default: 1 for the automatic Gaussian model; "
                    + "0 = off).")
    Double minJump;

    @Option(names = "--local-refinement", negatable = true,
            description = "Gaussian models at the long-run scale: test each segment for one more change at its own long-run "
                    + "scale (default: on for the automatic Gaussian model).")
    Boolean localRefinement;

    @Option(names = "--refine-side", paramLabel = "N",
            description = "Local refinement splits a segment only with at least N buckets on each side (default: 10).")
    Integer refineSide;

    @Option(names = "--unbiased-local-noise", negatable = true,
            description = "Local refinement: judge a split at the AR(1) noise estimated without the bias of fitting the split's "
                    + "lines (moment-matched), not the plug-in lag-1 autocorrelation of its residuals (default: off).")
    Boolean unbiasedLocalNoise;

    @Option(names = "--refine-intervals", paramLabel = "WHICH",
            description = "Local refinement tests each 'segments' whole and the parts of its splits (binary segmentation), or "
                    + "also 'seeded' intervals of every scale inside it (wild binary segmentation over seeded intervals), each "
                    + "at its own local noise, the largest statistic first; 'seeded-narrowest': narrowest interval first; "
                    + "'seeded-range-noise', 'seeded-narrowest-range-noise': every interval at the noise of the range being "
                    + "split (default: segments).")
    String refineIntervals;

    @Option(names = "--local-noise", paramLabel = "HOW",
            description = "Local refinement's noise: plug-in (default), unbiased (the piece alone, as --unbiased-local-noise), "
                    + "pooled (one AR(1) coefficient from every segment with the split inserted, the piece's own variance at it), "
                    + "pooled-joint (coefficient and variance both from every segment) or shrunk (the piece's coefficient shrunk "
                    + "towards the segments' common one by their information).")
    String localNoise;

    @Option(names = "--min-turn", paramLabel = "SD",
            description = "With the jump check on lines: keep a peak or trough (the lines before and after go opposite ways, each "
                    + "moving by at least this many long-run sds) even without a jump (default: 2 for the automatic Gaussian "
                    + "model; 0 = off).")
    Double minTurn;

    @Option(names = "--ar1-cost", paramLabel = "NOISE",
            description = "Automatic Gaussian model: search the levels under AR(1) noise (each segment's exact AR(1) likelihood) "
                    + "instead of least squares at the long-run scale; the noise's rho and sd from 'differences' (lag-1 and lag-2, "
                    + "robust) or from the segmentation's 'residuals' (iterated) (default: off; quadratic in the series' length).")
    String ar1Cost;

    @Option(names = "--choose-model", paramLabel = "HOW",
            description = "Automatic Gaussian model: choose mean, line, mean+variance, line+variance (or Poisson or negative binomial for counts) "
                    + "per series by the BIC of each model's own segmentation, from the 'likelihood' or a 'quasi'-likelihood "
                    + "divided by the AR(1) inflation of the default's residuals; a variance model or Poisson that wins is "
                    + "reported as scored: at BIC whatever --penalty, Poisson without the over-dispersion correction, no cycles for counts; "
                    + "not with --mean-loss (default: off).")
    String chooseModel;

    @Option(names = "--mean-loss", paramLabel = "LOSS",
            description = "Automatic Gaussian model: a mean per segment instead of a line, searched under this loss: squared, "
                    + "huber or biweight (robust; exact by functional pruning) (default: off: lines, least squares).")
    String meanLoss;

    @Option(names = "--consistent-scale", paramLabel = "HOW",
            description = "Automatic Gaussian model: judge the refined segmentation's jumps in the long-run sd of its own residuals: "
                    + "'judged' (the segmentation the jump check starts from), 'merges' (re-estimated after every merge), "
                    + "'fixed-point' (local refinement inside the long-run fixed point), 'fixed-point-merges', 'final' (the whole "
                    + "default inside the fixed point: the scale of the reported segmentation), 'checked' (the jump check at the "
                    + "scale of what it keeps; the default) or 'none' (the jump check at the scale of the search before refinement, "
                    + "the default before this version).")
    String consistentScale;

    @Option(names = "--no-dispersion", description = "Pure Poisson/binomial costs (R's), no over-dispersion correction.")
    boolean noDispersion;

    /** {@code base} with the settings given on the command line; {@code base} itself when none was given. */
    ShiftOptions apply(ShiftOptions base) {
        ShiftOptions o = base;
        if (penalty != null) {
            o = o.withPenalty(Penalty.parse(penalty));
        }
        if (minSegment != null) {
            if (minSegment < 0) {
                throw new InvalidOptionException("min-segment", "must be >= 0, not " + minSegment);
            }
            o = o.withMinSegment(minSegment);
        }
        if (method != null) {
            o = o.withMethod(method);
        }
        if (robust != null) {
            o = o.withRobust(robust);
        }
        if (seasonal != null) {
            o = o.withSeasonal(seasonal);
        }
        if (longRunScale != null) {
            o = o.withLongRunScale(longRunScale);
        }
        if (varianceSegments != null) {
            o = o.withVarianceSegments(varianceSegments);
        }
        if (nullCheck != null) {
            o = o.withNoChangeCheck(nullCheck);
        }
        if (minJump != null) {
            if (!(minJump >= 0) || Double.isInfinite(minJump)) {
                throw new InvalidOptionException("min-jump", "must be a number >= 0, not " + minJump);
            }
            o = o.withMinJump(minJump);
        }
        if (localRefinement != null) {
            o = o.withLocalRefinement(localRefinement);
        }
        if (refineSide != null) {
            if (refineSide < 1) {
                throw new InvalidOptionException("refine-side", "must be at least 1, not " + refineSide);
            }
            requireRefinement("refine-side");
            o = o.withRefineSide(refineSide);
        }
        if (unbiasedLocalNoise != null) {
            requireRefinement("unbiased-local-noise");
            o = o.withUnbiasedLocalNoise(unbiasedLocalNoise);
        }
        if (refineIntervals != null) {
            requireRefinement("refine-intervals");
            o = o.withRefineIntervals(ShiftOptions.RefineIntervals.parse(refineIntervals));
        }
        if (localNoise != null) {
            requireRefinement("local-noise");
            ShiftOptions.LocalNoise how = ShiftOptions.LocalNoise.parse(localNoise);
            if (unbiasedLocalNoise != null && unbiasedLocalNoise != (how == ShiftOptions.LocalNoise.UNBIASED)) {
                throw new InvalidOptionException("local-noise", "contradicts --" + (unbiasedLocalNoise ? "" : "no-") + "unbiased-local-noise");
            }
            o = o.withLocalNoise(how);
        }
        if (minTurn != null) {
            if (!(minTurn >= 0) || Double.isInfinite(minTurn)) {
                throw new InvalidOptionException("min-turn", "must be a number >= 0, not " + minTurn);
            }
            o = o.withMinTurn(minTurn);
        }
        if (ar1Cost != null) {
            o = o.withAr1Cost(ShiftOptions.Ar1Noise.parse(ar1Cost));
        }
        if (chooseModel != null) {
            o = o.withChooseModel(ShiftOptions.ModelChoice.parse(chooseModel));
        }
        if (meanLoss != null) {
            o = o.withMeanLoss(ShiftOptions.MeanLoss.parse(meanLoss));
        }
        if (consistentScale != null) {
            o = o.withConsistentScale(org.narrativewatch.shift.ScaleFixedPoint.Mode.parse(consistentScale));
        }
        if (noDispersion) {
            o = o.withDispersion(false);
        }
        return o;
    }

    /** Local refinement's own settings make no sense with it turned off: refused, not ignored. */
    private void requireRefinement(String option) {
        if (Boolean.FALSE.equals(localRefinement)) {
            throw new InvalidOptionException(option, "cannot be given with --no-local-refinement");
        }
    }
}
