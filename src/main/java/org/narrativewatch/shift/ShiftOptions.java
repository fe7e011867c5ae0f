package org.narrativewatch.shift;

/**
 * How to detect.
 *
 * @param model        segment model; null = choose from the data ({@link ShiftDetector#autoModel}) and use the
 *                     robust default around it (see {@link ShiftDetector})
 * @param penalty      penalty rule (BIC by default; MBIC is R changepoint's default)
 * @param minSegment   shortest segment in buckets; 0 = the model's minimum
 * @param method       PELT (exact), binary segmentation, or BOCPD (online; penalty not used)
 * @param robust       treat outlying runs of one or two buckets as missing before segmenting; null = on for
 *                     the automatic Gaussian model, off otherwise
 * @param dispersion   estimate over-dispersion for count models (quasi-likelihood); false = pure
 *                     Poisson/binomial, exactly R's Poisson cost
 * @param seasonal     remove a calendar cycle (weekday, day of month, month of year, quarter) when the series
 *                     has one (X-11's test for stable seasonality); null = on for automatic models with dates
 * @param longRunScale Gaussian common-variance models: divide by the long-run standard deviation of the
 *                     residuals within segments (AR(1) plug-in, iterated to a fixed point) instead of the
 *                     spread around the no-change fit; null = on for the automatic Gaussian model
 * @param varianceSegments Gaussian common-variance models: find where the noise's variance changes and weigh
 *                     the buckets by it, so that noisier stretches are not read as level changes; null = on for
 *                     the automatic Gaussian model
 * @param noChangeCheck Gaussian common-variance models: keep the changes only if their BIC from the profile
 *                     likelihood beats no change at all; null = off (measured: it does not hold leave-one-out)
 * @param minJump      Gaussian common-variance models found at the long-run scale: keep a change only when the
 *                     fitted level jumps at it by at least this many long-run standard deviations (the smallest
 *                     jump below it merged away first, neighbours refitted); a bend of a smooth curve is not a
 *                     change; null = {@link ShiftDetector#DEFAULT_MIN_JUMP} for the automatic Gaussian model, 0 = off
 * @param minTurn      with the jump check on a line per segment: a break where the two lines go opposite ways (a
 *                     peak or a trough), each moving by at least this many long-run standard deviations over its
 *                     own segment, is a turning point and is kept even without a jump; null =
 *                     {@link ShiftDetector#DEFAULT_MIN_TURN} for the automatic Gaussian model, 0 = off
 * @param refineSide   local refinement, Gaussian common-variance models at the long-run scale: test each segment
 *                     for one more change at the segment's own long-run scale (before the jump check), with at
 *                     least this many buckets on each side; null = {@link ShiftDetector#LOCAL_MIN_SIDE} for the
 *                     automatic Gaussian model (off otherwise), 0 = off
 * @param unbiasedLocalNoise local refinement judges a split at the noise estimated without the bias of fitting
 *                     ({@link ResidualAr1}: the AR(1) coefficient and variance whose expected residual moments under
 *                     the fit match the observed ones), from the piece alone, with one ρ pooled over every segment, or
 *                     with the piece's ρ shrunk towards the pooled one ({@link RefinementNoise}), instead of the plug-in
 *                     lag-1 autocorrelation and mean square of the piece's residuals; null = the plug-in (measured in
 *                     docs/shifts.md)
 * @param ar1Cost      the automatic Gaussian model's level search under AR(1) noise ({@link Ar1Cost}: each segment's exact
 *                     Gaussian AR(1) likelihood, the noise's ρ and innovation sd estimated as named) in place of the
 *                     least-squares cost at the long-run scale; null = off (measured in docs/shifts.md)
 * @param chooseModel  the automatic Gaussian model: choose the segment model (mean, line, mean and variance, line and
 *                     variance, Poisson for counts) per series by the BIC of each model's own segmentation, then run
 *                     the robust default with it (mean, line) or the plain model ({@link ShiftDetector#modelFits});
 *                     null = off (measured)
 * @param consistentScale the automatic Gaussian model: measure the refined segmentation's jumps in the long-run sd of its
 *                     own residuals ({@link ScaleFixedPoint}: at the refined segmentation, after every merge, or with
 *                     refinement inside the long-run fixed point, or of what the check keeps); null = the default
 *                     ({@link ScaleFixedPoint.Mode#CHECKED} where the automatic Gaussian model runs its jump check,
 *                     nothing elsewhere); {@link ScaleFixedPoint.Mode#NONE} = the jump check at the search's scale
 * @param meanLoss     the automatic Gaussian model with a mean per segment instead of a line, its level search under
 *                     this loss ({@link RobustFpop}, exact by functional pruning: squared, Huber or biweight, at the
 *                     current scale of the long-run fixed point); every other part of the default unchanged; null = off
 *                     (lines, least squares; measured in docs/shifts.md)
 * @param refineIntervals which intervals local refinement tests for one more change: each segment and the parts of
 *                     its splits (binary segmentation), or seeded intervals inside each segment ({@link SeededIntervals});
 *                     null = segments (measured in docs/shifts.md)
 */
public record ShiftOptions(Model model, Penalty penalty, int minSegment, Method method, Boolean robust, boolean dispersion,
                           Boolean seasonal, Boolean longRunScale, Boolean varianceSegments, Boolean noChangeCheck,
                           Double minJump, Double minTurn, Integer refineSide, LocalNoise unbiasedLocalNoise,
                           Ar1Noise ar1Cost, ModelChoice chooseModel, MeanLoss meanLoss,
                           ScaleFixedPoint.Mode consistentScale, RefineIntervals refineIntervals) {

    public enum Method {
        PELT, BINSEG, BOCPD;

        public static Method parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "pelt" -> PELT;
                case "binseg" -> BINSEG;
                case "bocpd" -> BOCPD;
                default -> throw new org.narrativewatch.InvalidOptionException("method", "must be pelt, binseg or bocpd, not '" + s + "'");
            };
        }
    }

    /** How {@link Ar1Cost}'s ρ and innovation sd are estimated. */
    public enum Ar1Noise {
        /** from the spread of lag-1 and lag-2 differences (robust to level changes; AR1seg's estimator) */
        DIFFERENCES,
        /** from the residuals of the current segmentation, iterated to a fixed point (as the long-run scale is) */
        RESIDUALS;

        public static Ar1Noise parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "differences" -> DIFFERENCES;
                case "residuals" -> RESIDUALS;
                default -> throw new org.narrativewatch.InvalidOptionException("ar1-cost", "must be differences or residuals, not '" + s + "'");
            };
        }
    }

    /** How local refinement's noise is estimated without the bias of fitting ({@link RefinementNoise}). */
    public enum LocalNoise {
        /** ρ and σ² of the piece alone ({@link ResidualAr1} under the split fit) */
        UNBIASED,
        /** one ρ from every segment of the series with the split inserted; σ² the piece's own at that ρ */
        POOLED,
        /** one ρ and one σ² from every segment of the series with the split inserted */
        POOLED_JOINT,
        /** the piece's ρ shrunk towards the segments' common ρ by their information (DerSimonian–Laird); σ² the piece's */
        SHRUNK;

        /** plug-in (null), unbiased, pooled, pooled-joint or shrunk. */
        public static LocalNoise parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "plug-in", "plugin" -> null;
                case "unbiased" -> UNBIASED;
                case "pooled" -> POOLED;
                case "pooled-joint" -> POOLED_JOINT;
                case "shrunk" -> SHRUNK;
                default -> throw new org.narrativewatch.InvalidOptionException("local-noise",
                        "must be plug-in, unbiased, pooled, pooled-joint or shrunk, not '" + s + "'");
            };
        }
    }

    /** How {@code --choose-model} weighs the likelihoods. */
    public enum ModelChoice {
        /** the likelihood of independent noise */
        LIKELIHOOD,
        /** a quasi-likelihood: every deviance divided by the AR(1) inflation (1+ρ)/(1−ρ) of the default's residuals */
        QUASI;

        public static ModelChoice parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "likelihood" -> LIKELIHOOD;
                case "quasi" -> QUASI;
                default -> throw new org.narrativewatch.InvalidOptionException("choose-model", "must be likelihood or quasi, not '" + s + "'");
            };
        }
    }

    /**
     * Which intervals local refinement tests for a split ({@link SeededIntervals}), how the splits that pass are
     * selected, and whose noise judges them.
     */
    public enum RefineIntervals {
        /** each segment whole, and recursively the two parts of a split that passes: binary segmentation inside it */
        SEGMENTS(false, false),
        /**
         * seeded intervals inside each segment (Kovács et al. 2023) and the range being split, recursively as wild binary
         * segmentation runs; each judged at its own local noise; the largest statistic first
         */
        SEEDED(false, false),
        /** the same, narrowest interval first (Baranowski et al. 2019's narrowest-over-threshold) */
        SEEDED_NARROWEST(true, false),
        /** every interval judged at the noise of the range being split (one estimate a range, as the papers' one σ) */
        SEEDED_RANGE_NOISE(false, true),
        /** at the range's noise, narrowest first */
        SEEDED_NARROWEST_RANGE_NOISE(true, true);

        /** narrowest interval first (else the largest statistic first) */
        public final boolean narrowest;
        /** every interval judged at the noise of the range being split (else at its own) */
        public final boolean rangeNoise;

        RefineIntervals(boolean narrowest, boolean rangeNoise) {
            this.narrowest = narrowest;
            this.rangeNoise = rangeNoise;
        }

        /** The command-line name: segments, seeded, seeded-narrowest, seeded-range-noise, seeded-narrowest-range-noise. */
        public String flag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static RefineIntervals parse(String s) {
            String k = s.trim().toLowerCase(java.util.Locale.ROOT);
            for (RefineIntervals r : values()) {
                if (r.flag().equals(k)) {
                    return r;
                }
            }
            throw new org.narrativewatch.InvalidOptionException("refine-intervals", "must be segments, seeded, seeded-narrowest, "
                    + "seeded-range-noise or seeded-narrowest-range-noise, not '" + s + "'");
        }
    }

    /** The loss of {@link RobustFpop}'s mean per segment, on residuals in units of the scale. */
    public enum MeanLoss {
        /** r²: least squares (the same optimum as {@link Fpop}) */
        SQUARED,
        /** min(r², K²), K = 3 sds (Fearnhead and Rigaill 2019) */
        BIWEIGHT,
        /** r² inside c, 2c|r| − c² outside, c = 1.345 sds (95% efficiency at the normal) */
        HUBER;

        public static MeanLoss parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "squared" -> SQUARED;
                case "biweight" -> BIWEIGHT;
                case "huber" -> HUBER;
                default -> throw new org.narrativewatch.InvalidOptionException("mean-loss", "must be squared, huber or biweight, not '" + s + "'");
            };
        }
    }

    public static final ShiftOptions DEFAULT = new ShiftOptions(null, Penalty.BIC, 0, Method.PELT, null, true, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public ShiftOptions(Model model, Penalty penalty, int minSegment, Method method, boolean robust, boolean dispersion) {
        this(model, penalty, minSegment, method, robust, dispersion, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ShiftOptions withModel(Model m) {
        return new ShiftOptions(m, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withPenalty(Penalty p) {
        return new ShiftOptions(model, p, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withMinSegment(int m) {
        return new ShiftOptions(model, penalty, m, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withMethod(Method m) {
        return new ShiftOptions(model, penalty, minSegment, m, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withRobust(boolean r) {
        return new ShiftOptions(model, penalty, minSegment, method, r, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withDispersion(boolean d) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, d, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withSeasonal(Boolean s) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, s, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withLongRunScale(Boolean l) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, l, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withVarianceSegments(Boolean v) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, v, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withNoChangeCheck(Boolean c) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, c, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    /** Local refinement on (with the default side: null) or off (0). */
    public ShiftOptions withLocalRefinement(boolean on) {
        return withRefineSide(on ? null : 0);
    }

    public ShiftOptions withRefineSide(Integer side) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, side, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withMinTurn(Double t) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, t, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withMinJump(Double j) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, j, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    /** true: the local noise unbiased from the piece alone; false or null: the plug-in. */
    public ShiftOptions withUnbiasedLocalNoise(Boolean u) {
        return withLocalNoise(Boolean.TRUE.equals(u) ? LocalNoise.UNBIASED : null);
    }

    /** How local refinement estimates its noise; null = the plug-in. */
    public ShiftOptions withLocalNoise(LocalNoise u) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, u, ar1Cost, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withAr1Cost(Ar1Noise a) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, a, chooseModel, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withChooseModel(ModelChoice c) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, c, meanLoss, consistentScale, refineIntervals);
    }

    public ShiftOptions withRefineIntervals(RefineIntervals r) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, consistentScale, r);
    }

    public ShiftOptions withMeanLoss(MeanLoss l) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, l, consistentScale, refineIntervals);
    }

    public ShiftOptions withConsistentScale(ScaleFixedPoint.Mode m) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, dispersion, seasonal, longRunScale, varianceSegments, noChangeCheck, minJump, minTurn, refineSide, unbiasedLocalNoise, ar1Cost, chooseModel, meanLoss, m, refineIntervals);
    }
}
