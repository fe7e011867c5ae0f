package org.narrativewatch.shift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.special.Gamma;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Series;

/**
 * Finds the changes in a series: picks the model, puts Gaussian data on a unit scale, estimates the
 * over-dispersion of counts, runs PELT (or binary segmentation, or BOCPD), and describes every change
 * with its levels, intervals and a p-value.
 */
public final class ShiftDetector {
    private ShiftDetector() {}

    /** Median of a χ² variable with 1 degree of freedom: turns a median of squares into a variance. */
    private static final double CHI2_1_MEDIAN = 0.454936423119572;
    /** BOCPD changes are kept when their posterior is at least this. */
    static final double ONLINE_THRESHOLD = 0.5;
    /** An outlier sits this many robust standard deviations from its neighbours on both sides. */
    private static final double OUTLIER_SDS = 5;
    /** The automatic Gaussian model keeps a change when its level jumps by at least this many long-run sds. */
    public static final double DEFAULT_MIN_JUMP = 1;
    /**
     * The jump check keeps a turning point (the lines before and after go opposite ways) when each line moves
     * by at least this many long-run sds over its own segment.
     */
    public static final double DEFAULT_MIN_TURN = 2;

    /**
     * The model for a query timeline when none is asked for: binomial on the share when the totals
     * vary (the share is what a claim about coverage means, and days with few articles then weigh
     * little), Poisson on the counts when every observed bucket has the same total.
     */
    public static Model autoModel(Series s) {
        long total = -1;
        for (Bucket b : s.buckets()) {
            if (b.gap()) {
                continue;
            }
            if (total >= 0 && b.total() != total) {
                return Model.BINOMIAL;
            }
            total = b.total();
        }
        return Model.POISSON;
    }

    /** The model for plain observations: binomial when they carry totals, else a line per segment. */
    public static Model autoModel(Observations obs) {
        return obs.totals() != null ? Model.BINOMIAL : Model.NORMAL_TREND;
    }

    /**
     * Detects changes in a query timeline: shares for the binomial model, counts otherwise. With no model
     * named, the model is chosen from the data ({@link #autoModel(Series)}) and a count series is tested for
     * a calendar cycle (weekdays in daily counts), which then becomes part of each bucket's exposure.
     */
    public static ShiftResult detect(Series s, ShiftOptions options) {
        Model model = options.model() != null ? options.model() : autoModel(s);
        return detect(observations(s, model), options, model, options.model() == null);
    }

    /**
     * Detects changes in plain observations. With no model named: binomial when they carry totals, else the
     * robust Gaussian default: a line per segment, outlying runs of one or two points treated as missing,
     * calendar cycles removed when present, and the scale set by the long-run spread of the residuals
     * within segments (so autocorrelated noise is not read as changes).
     */
    public static ShiftResult detect(Observations input, ShiftOptions options) {
        Model model = options.model() != null ? options.model() : autoModel(input);
        if (options.chooseModel() != null && options.meanLoss() != null) {
            // the choice scores least-squares and likelihood fits; a robust loss's segmentation has no likelihood to score
            throw new org.narrativewatch.InvalidOptionException("choose-model", "cannot be combined with --mean-loss");
        }
        if (options.model() == null && model == Model.NORMAL_TREND && options.meanLoss() != null) {
            model = Model.NORMAL_MEAN; // --mean-loss: a mean per segment (no exact search for robust lines)
        }
        if (options.model() == null && model == Model.NORMAL_TREND && options.chooseModel() != null
                && options.method() == ShiftOptions.Method.PELT) {
            return chosen(input, options);
        }
        return detect(input, options, model, options.model() == null);
    }

    /**
     * One candidate of the model choice: its segmentation's changes and BIC, and for the mean and line candidates
     * the robust default's whole result they were scored on (null for the plain candidates, run again as scored).
     */
    record ModelFit(Model model, int[] cps, double bic, ShiftResult result) {}

    /**
     * The model chosen per series by a penalised likelihood ({@code --choose-model}): each candidate segments the
     * series its own way (mean and line: the robust default around them; a mean and a variance, a line and a
     * variance: their plain PELT search at BIC; for non-negative integers up to {@link #COUNT_LIKELIHOOD_MAX} with no
     * cycle removed, the pure Poisson search and the negative binomial one), and the one whose segmentation has the
     * lowest BIC, −2 log-likelihood + log(m) × its free parameters (every segment's mean or line, and variance where it
     * has its own, the change locations, one common variance, the negative binomial's size), all on the same observations (outliers set aside, calendar cycles removed), wins. The
     * result is that candidate's own result. Why the own segmentations: the likelihood is compared at what each
     * model would report, not at one model's changes.
     */
    static List<ModelFit> modelFits(Observations input, ShiftOptions options) {
        boolean robust = options.robust() == null || options.robust();
        boolean seasonal = options.seasonal() == null || options.seasonal();
        Observations base = input.withMissing(robust ? outliers(input, Model.NORMAL_TREND) : List.of());
        boolean cycle = false;
        if (seasonal) {
            Observations[] adjusted = new Observations[1];
            cycle = !Seasonality.remove(base, false, adjusted).isEmpty();
            base = adjusted[0];
        }
        int m = base.observedCount();
        double logM = Math.log(Math.max(2, m));
        double floor = SegmentCosts.varianceFloor(base);
        List<ModelFit> fits = new ArrayList<>();
        double inflation = 1;
        for (Model model : new Model[] {Model.NORMAL_TREND, Model.NORMAL_MEAN}) {
            ShiftResult result = detect(input, options.withChooseModel(null), model, true);
            int[] cps = result.changeIndices();
            if (model == Model.NORMAL_TREND && options.chooseModel() == ShiftOptions.ModelChoice.QUASI) {
                double rho = lagOneAutocorrelation(residuals(base, cps, true));
                inflation = (1 + rho) / (1 - rho);
            }
            SegmentCost ls = SegmentCosts.of(model, base, 1);
            int perSegment = model == Model.NORMAL_TREND ? 2 : 1;
            fits.add(new ModelFit(model, cps, (profileDeviance(ls, cps, false, floor) + m * (Math.log(2 * Math.PI) + 1)) / inflation
                    + logM * ((cps.length + 1) * perSegment + cps.length + 1), result));
        }
        for (Model model : new Model[] {Model.NORMAL_MEANVAR, Model.NORMAL_TREND_VAR}) {
            int minSeg = Math.max(options.minSegment(), model.minimumSegment());
            int[] cps = Pelt.run(SegmentCosts.of(model, base, 1), Penalty.BIC.value(model, m), minSeg, false).changes();
            SegmentCost ls = SegmentCosts.of(model == Model.NORMAL_MEANVAR ? Model.NORMAL_MEAN : Model.NORMAL_TREND, base, 1);
            int perSegment = model == Model.NORMAL_TREND_VAR ? 3 : 2;
            fits.add(new ModelFit(model, cps, (profileDeviance(ls, cps, true, floor) + m * (Math.log(2 * Math.PI) + 1)) / inflation
                    + logM * ((cps.length + 1) * perSegment + cps.length), null));
        }
        if (!cycle && countsOnly(base) && NegativeBinomial.largestRate(base) <= COUNT_LIKELIHOOD_MAX) {
            SegmentCost poisson = SegmentCosts.of(Model.POISSON, base, 1);
            int[] cps = Pelt.run(poisson, Penalty.BIC.value(Model.POISSON, m), Math.max(1, options.minSegment()), false).changes();
            fits.add(new ModelFit(Model.POISSON, cps, poissonDeviance(base, cps) / inflation + logM * (2 * cps.length + 1), null));
            // over-dispersed counts by likelihood (Poisson is its limit r → ∞): one parameter more, the size
            NegativeBinomial.Fit nb = NegativeBinomial.search(base, Penalty.BIC.value(Model.NEGATIVE_BINOMIAL, m),
                    Math.max(1, options.minSegment()), false);
            fits.add(new ModelFit(Model.NEGATIVE_BINOMIAL, nb.changes(),
                    NegativeBinomial.deviance(nb.cost(), nb.changes()) / inflation + logM * (2 * nb.changes().length + 2), null));
        }
        return fits;
    }

    private static ShiftResult chosen(Observations input, ShiftOptions options) {
        ModelFit best = null;
        for (ModelFit f : modelFits(input, options)) {
            if (best == null || f.bic() < best.bic()) {
                best = f;
            }
        }
        if (best.result() != null) {
            return best.result(); // the mean or line candidate's own run, as scored
        }
        ShiftOptions o = options.withChooseModel(null);
        // a plain model, on the same observations the choice was made on (outliers aside, cycles removed), searched
        // as modelFits scored it: at BIC whatever --penalty (the mean and line candidates run at it), Poisson without
        // the over-dispersion correction, without --ar1-cost, --consistent-scale or local refinement's options (options of
        // the mean and line search only, which the plain candidates were scored without)
        o = o.withModel(best.model()).withAr1Cost(null).withConsistentScale(null).withRefineIntervals(null).withLocalNoise(null)
                .withPenalty(Penalty.BIC).withDispersion(false);
        if (o.robust() == null) {
            o = o.withRobust(true);
        }
        // a count model is a candidate only where the choice's own test found no calendar cycle (modelFits), and it was
        // scored without one: the count test for cycles (exposure factors) must not add one now
        boolean counts = best.model() == Model.POISSON || best.model() == Model.NEGATIVE_BINOMIAL;
        if (counts) {
            o = o.withSeasonal(false);
        } else if (o.seasonal() == null) {
            o = o.withSeasonal(true);
        }
        return detect(input, o, best.model(), false);
    }

    /**
     * Count models take part in the choice only up to this value. Their log-likelihood of a bucket is a difference
     * of terms of size x log x (log x! against x log λ), computed to about 1e-16 of that: at 10^12 within 0.003 a
     * bucket, at 10^15 (monetary series read as counts) several units, which is noise against a penalty of a few.
     */
    static final double COUNT_LIKELIHOOD_MAX = 1e12;

    /** Whether every observed value is a non-negative whole number (and every exposure 1): counts. */
    private static boolean countsOnly(Observations obs) {
        for (int i = 0; i < obs.size(); i++) {
            if (obs.missing(i)) {
                continue;
            }
            double v = obs.values()[i];
            if (!(v >= 0) || v != Math.rint(v) || obs.exposure(i) != 1) {
                return false;
            }
        }
        return true;
    }

    /** −2 × the Poisson log-likelihood of a segmentation at each segment's mean, with the log x! terms. */
    static double poissonDeviance(Observations obs, int[] cps) {
        int n = obs.size();
        double ll = 0;
        for (int k = 0; k <= cps.length; k++) {
            int a = k == 0 ? 0 : cps[k - 1];
            int b = k == cps.length ? n : cps[k];
            double sum = 0;
            int mk = 0;
            for (int i = a; i < b; i++) {
                if (!obs.missing(i)) {
                    sum += obs.values()[i];
                    mk++;
                }
            }
            if (mk == 0) {
                continue;
            }
            double lambda = sum / mk;
            for (int i = a; i < b; i++) {
                if (!obs.missing(i)) {
                    double x = obs.values()[i];
                    ll += (x > 0 ? x * Math.log(lambda) : 0) - lambda - Gamma.logGamma(x + 1);
                }
            }
        }
        return -2 * ll;
    }

    private static ShiftResult detect(Observations input, ShiftOptions options, Model requested, boolean auto) {
        if (options.chooseModel() != null) {
            throw new org.narrativewatch.InvalidOptionException("choose-model",
                    "applies to the automatic model of a date,value series (no --model, no totals, --method pelt)");
        }
        Prepared p = prepare(input, options, requested, auto);
        Observations obs = p.obs;
        Model model = p.model;
        int[] cps;
        double[] posterior = null;
        switch (options.method()) {
            case BINSEG -> cps = BinarySegmentation.run(lengthCharged(p.cost, options.penalty()), p.pen, p.minSeg, Integer.MAX_VALUE);
            case BOCPD -> {
                List<Integer> kept = new ArrayList<>();
                List<Double> probs = new ArrayList<>();
                for (Bocpd.Change c : online(obs, model).segmentation()) {
                    int prev = kept.isEmpty() ? 0 : kept.get(kept.size() - 1);
                    // kept when more likely than not, as TCPDBench's bocpd (cpthreshold 0.5)
                    if (c.start() - prev >= p.minSeg && obs.size() - c.start() >= p.minSeg && c.probability() >= ONLINE_THRESHOLD) {
                        kept.add(c.start());
                        probs.add(c.probability());
                    }
                }
                cps = kept.stream().mapToInt(Integer::intValue).toArray();
                posterior = probs.stream().mapToDouble(Double::doubleValue).toArray();
            }
            default -> cps = p.cps != null ? p.cps : Fpop.optimal(p.cost, p.pen, p.minSeg, options.penalty().chargesSegmentLength()).changes();
        }
        int[] whole = withoutPartialOnlySegments(input, cps, posterior);
        if (whole.length != cps.length) {
            posterior = posterior == null ? null : keepPosterior(cps, whole, posterior);
            cps = whole;
        }
        return describe(obs, model, options.penalty(), p.pen, p.minSeg, p.scale, p.dispersion, p.cost, cps, posterior, p.outliers,
                p.seasonality, p.longRun, p.fits, p.varianceChanges, p.merged, p.size);
    }

    /**
     * A series ready for the search: outliers out, cycles removed (weighted by variance segments when
     * found), the model, its scale, dispersion, cost and penalty; the changes when already found (the
     * long-run fixed point, variance segments, the no-change check), else null; what the check compared.
     */
    private record Prepared(Observations obs, List<Integer> outliers, List<Seasonality> seasonality, Model model, double scale,
                            double dispersion, SegmentCost cost, double pen, int minSeg, boolean longRun, int[] cps,
                            List<ShiftResult.Fit> fits, List<VarianceChange> varianceChanges, List<Merged> merged, double size) {}

    private static Prepared prepare(Observations input, ShiftOptions options, Model model, boolean auto) {
        boolean gaussianAuto = auto && isGaussian(model);
        boolean robust = options.robust() != null ? options.robust() : gaussianAuto;
        boolean seasonal = options.seasonal() != null ? options.seasonal() : auto && model != Model.BINOMIAL;
        boolean longRun = (options.longRunScale() != null ? options.longRunScale() : gaussianAuto)
                && (model == Model.NORMAL_MEAN || model == Model.NORMAL_TREND) && options.method() == ShiftOptions.Method.PELT;
        int minSeg = Math.max(options.minSegment(), model.minimumSegment());
        if (model == Model.NEGATIVE_BINOMIAL && options.method() != ShiftOptions.Method.PELT) {
            throw new org.narrativewatch.InvalidOptionException("method",
                    "must be pelt with --model negative-binomial (its size is estimated together with the segmentation)");
        }
        List<Integer> outliers = robust ? outliers(input, model) : List.of();
        Observations obs = input.withMissing(outliers);
        List<Seasonality> cycles = List.of();
        if (seasonal && model != Model.BINOMIAL) {
            Observations[] adjusted = new Observations[1];
            cycles = Seasonality.remove(obs, !isGaussian(model), adjusted);
            obs = adjusted[0];
        }
        int observed = obs.observedCount();
        // the negative binomial models its over-dispersion by likelihood: no quasi-likelihood factor on top
        double dispersion = options.dispersion() && !isGaussian(model) && model != Model.NEGATIVE_BINOMIAL ? dispersion(obs, model) : 1;
        double pen = options.penalty().value(model, observed);
        double scale = scale(obs, model);
        boolean charge = options.penalty().chargesSegmentLength();
        boolean common = model == Model.NORMAL_MEAN || model == Model.NORMAL_TREND;
        boolean pelt = options.method() == ShiftOptions.Method.PELT;
        boolean varianceSegments = (options.varianceSegments() != null ? options.varianceSegments() : gaussianAuto) && common && pelt;
        // off unless asked for: it wins in-sample on TCPD through one series and loses leave-one-out (docs/shifts.md)
        boolean noChangeCheck = Boolean.TRUE.equals(options.noChangeCheck()) && common && pelt;
        if (options.ar1Cost() != null && !longRun) {
            throw new org.narrativewatch.InvalidOptionException("ar1-cost",
                    "applies to the Gaussian mean and line models at the long-run scale (a date,value series, or --long-run-scale)");
        }
        if (options.meanLoss() != null && !(longRun && auto)) {
            throw new org.narrativewatch.InvalidOptionException("mean-loss",
                    "applies to the automatic model of a date,value series (no --model, the long-run scale on, --method pelt)");
        }
        ShiftOptions.Ar1Noise ar1 = longRun ? options.ar1Cost() : null;
        ShiftOptions.MeanLoss meanLoss = longRun && auto ? options.meanLoss() : null;
        if (meanLoss != null && (minSeg > 1 || charge)) {
            throw new org.narrativewatch.InvalidOptionException("mean-loss", "needs minimum segment 1 and a penalty without the MBIC length charge");
        }
        if (ar1 != null && charge) {
            // the AR(1) search has no MBIC length charge (levels() falls back to least squares with it): refuse rather
            // than answer silently without the cost asked for
            throw new org.narrativewatch.InvalidOptionException("ar1-cost", "needs a penalty without the MBIC length charge (bic, a number or k*log(n))");
        }
        int[] cps = null;
        List<VarianceChange> varianceChanges = List.of();
        List<ShiftResult.Fit> fits = List.of();
        if (longRun || varianceSegments || noChangeCheck) {
            Levels levels = levels(obs, model, pen, minSeg, charge, longRun, scale, ar1, meanLoss);
            if (varianceSegments) {
                Heteroscedastic h = heteroscedastic(obs, model, pen, minSeg, charge, longRun, levels, ar1, meanLoss);
                obs = h.weighted;
                levels = h.levels;
                varianceChanges = h.changes;
            }
            cps = levels.cps;
            scale = levels.scale;
            if (noChangeCheck && cps.length > 0) {
                double[] bic = noChangeCheck(obs, model, cps, pen, charge);
                fits = List.of(new ShiftResult.Fit("segmentation", cps.length, bic[0]), new ShiftResult.Fit("no change", 0, bic[1]));
                if (bic[1] < bic[0]) {
                    cps = new int[0];
                }
            }
        }
        SegmentCost cost;
        double size = Double.NaN;
        if (model == Model.NEGATIVE_BINOMIAL) {
            NegativeBinomial.Fit f = NegativeBinomial.search(obs, pen, minSeg, charge);
            cps = f.changes();
            cost = f.cost();
            size = f.size();
        } else {
            cost = SegmentCosts.of(model, obs, scale, dispersion);
        }
        int side = options.refineSide() != null ? options.refineSide() : gaussianAuto ? LOCAL_MIN_SIDE : 0;
        if (!(longRun && side > 0) && (options.refineIntervals() != null || options.unbiasedLocalNoise() != null
                || (options.refineSide() != null && options.refineSide() > 0))) {
            // options of local refinement: refused where it does not run rather than ignored
            throw new org.narrativewatch.InvalidOptionException(options.refineIntervals() != null ? "refine-intervals"
                    : options.unbiasedLocalNoise() != null ? "local-noise" : "refine-side",
                    "applies to local refinement: the automatic model of a date,value series (or --long-run-scale with --refine-side), "
                            + "--method pelt");
        }
        // on for the automatic Gaussian model: a bend of a smooth curve is not a change (docs/shifts.md)
        double minJump = options.minJump() != null ? options.minJump() : gaussianAuto ? DEFAULT_MIN_JUMP : 0;
        double minTurn = options.minTurn() != null ? options.minTurn() : gaussianAuto ? DEFAULT_MIN_TURN : 0;
        List<Merged> merged = new ArrayList<>();
        ScaleFixedPoint.Mode consistent = options.consistentScale();
        if (consistent != null && consistent != ScaleFixedPoint.Mode.NONE && (!longRun || ar1 != null || meanLoss != null)) {
            throw new org.narrativewatch.InvalidOptionException("consistent-scale",
                    "applies to the least-squares search at the long-run scale (a date,value series, no --ar1-cost or --mean-loss)");
        }
        if (consistent == null && gaussianAuto && longRun && ar1 == null && meanLoss == null && minJump > 0) {
            // the jump check in the long-run sd of what it keeps, as the search is in that of what it finds
            // (docs/shifts.md, point 6; ScaleFixedPoint)
            consistent = DEFAULT_CONSISTENT_SCALE;
        }
        if (consistent == ScaleFixedPoint.Mode.NONE) {
            consistent = null;
        }
        if (cps != null && consistent != null) {
            Observations o = obs;
            int refineMin = Math.max(minSeg, side);
            ShiftOptions.LocalNoise localNoise = options.unbiasedLocalNoise();
            ScaleFixedPoint.Result r = ScaleFixedPoint.run(consistent, obs, model, cps, scale,
                    c -> side > 0 ? refined(o, model, c, pen, refineMin, localNoise, options.refineIntervals()) : c,
                    s -> levelSearch(o, model, s, pen, minSeg, charge, null), minJump, minTurn);
            return new Prepared(obs, outliers, cycles, model, r.scale(), dispersion, SegmentCosts.of(model, obs, r.scale(), dispersion),
                    pen, minSeg, longRun, r.cps(), fits, varianceChanges, r.merged(), Double.NaN);
        }
        if (cps != null && longRun && side > 0) {
            cps = refined(obs, model, cps, pen, Math.max(minSeg, side), options.unbiasedLocalNoise(), options.refineIntervals());
        }
        if (cps != null && longRun && minJump > 0) {
            cps = withoutSmallJumps(cost, cps, minJump * scale, minTurn * scale, model == Model.NORMAL_TREND, merged);
            for (int k = 0; k < merged.size(); k++) {
                Merged x = merged.get(k);
                merged.set(k, new Merged(x.index(), obs.date(x.index()), x.jump() / scale));
            }
        }
        return new Prepared(obs, outliers, cycles, model, scale, dispersion, cost, pen, minSeg, longRun, cps, fits, varianceChanges,
                merged, size);
    }

    /** Local refinement over the segments ({@link #locallyRefined}) or over seeded intervals ({@link SeededIntervals}). */
    private static int[] refined(Observations obs, Model model, int[] cps, double pen, int side, ShiftOptions.LocalNoise localNoise,
                                 ShiftOptions.RefineIntervals intervals) {
        if (intervals == null || intervals == ShiftOptions.RefineIntervals.SEGMENTS) {
            return locallyRefined(obs, model, cps, pen, side, localNoise);
        }
        if (localNoise != null && localNoise != ShiftOptions.LocalNoise.UNBIASED) {
            // the seeded intervals judge each interval at its own (or its range's) noise; one ρ for the series is the
            // whole-segment refinement's estimator (RefinementNoise), not combined with them
            throw new org.narrativewatch.InvalidOptionException("local-noise",
                    "must be plug-in or unbiased with --refine-intervals " + intervals.flag()
                    + " (each interval is judged at its own or its range's noise)");
        }
        return SeededIntervals.refined(obs, model, cps, pen, side, localNoise == ShiftOptions.LocalNoise.UNBIASED, intervals.narrowest,
                intervals.rangeNoise);
    }

    /** Local refinement splits a segment only with at least this many buckets on each side. */
    public static final int LOCAL_MIN_SIDE = 10;

    /**
     * The automatic Gaussian model's jump check runs at the long-run scale of the segmentation it keeps (until that
     * repeats), not at the scale of the search before refinement. Chosen on constructed series of known truth, by a
     * rule fixed before the run (seeds 101–130 of every {@link ConstructedSeries} case, not the tests' seeds; docs/shifts.md):
     * the same true changes found and far fewer false ones. On the TCPD development series the change points are the same
     * (the reported scale is the kept segmentation's).
     */
    static final ScaleFixedPoint.Mode DEFAULT_CONSISTENT_SCALE = ScaleFixedPoint.Mode.CHECKED;

    /**
     * Local refinement: each segment is tested for one more change (its best single split) at the segment's own
     * long-run scale, the AR(1) plug-in of the split fit's residuals there, against the same penalty; a split
     * that passes is kept and its two parts are tested again. Why: the global long-run scale is taken from the
     * residuals of the whole segmentation, so a change the segmentation misses inflates it (the misfit reads as
     * autocorrelated noise) and hides itself; within its own segment, the split fit's residuals show the noise
     * without that misfit. Both sides have at least {@code side} buckets so that the local scale and ρ rest on
     * enough points (shorter pieces estimate ρ as 0 and are cut at random). With {@code localNoise} the local noise is
     * {@link ResidualAr1}'s: the plug-in ρ and mean square of a fitted piece are biased towards 0 by O(1/m), which
     * reads a piece of autocorrelated noise as a step (docs/shifts.md; off by default); from the piece alone, or with
     * one ρ for the whole series, pooled or shrunk ({@link RefinementNoise}). The jump check runs afterwards, at
     * a global scale (by default the long-run scale of what it keeps, {@link #DEFAULT_CONSISTENT_SCALE}), so the bends
     * of a smooth curve found this way are merged as before.
     */
    static int[] locallyRefined(Observations obs, Model model, int[] cps, double pen, int side, ShiftOptions.LocalNoise localNoise) {
        boolean trend = model == Model.NORMAL_TREND;
        SegmentCost unit = SegmentCosts.of(model, obs, 1);
        int n = obs.size();
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
        int prev = 0;
        for (int c : cps) {
            all.add(c);
            todo.add(new int[] {prev, c});
            prev = c;
        }
        todo.add(new int[] {prev, n});
        while (!todo.isEmpty()) {
            int[] seg = todo.poll();
            int a = seg[0];
            int b = seg[1];
            SeededIntervals.Test split = SeededIntervals.bestSplit(unit, a, b, side);
            if (split == null) {
                continue;
            }
            int best = split.split();
            double local;
            if (localNoise != null) {
                int[] current = all.stream().mapToInt(Integer::intValue).toArray();
                local = RefinementNoise.longRunVariance(localNoise, obs, current, a, b, best, trend);
            } else {
                double[] r = Arrays.copyOfRange(residuals(obs, withBounds(new int[] {best}, a, b, n), trend), a, b);
                double ms = meanSquare(r, 0, r.length);
                double rho = lagOneAutocorrelation(r);
                local = Double.isNaN(ms) ? 0 : ms * (1 + rho) / (1 - rho);
            }
            if (local > 0 && split.gain() / local > pen) {
                all.add(best);
                todo.add(new int[] {a, best});
                todo.add(new int[] {best, b});
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The changes inside [a, b) with a and b added as changes too (where they are not the series' ends). */
    static int[] withBounds(int[] inside, int a, int b, int n) {
        int[] out = new int[inside.length + (a > 0 ? 1 : 0) + (b < n ? 1 : 0)];
        int k = 0;
        if (a > 0) {
            out[k++] = a;
        }
        for (int c : inside) {
            out[k++] = c;
        }
        if (b < n) {
            out[k++] = b;
        }
        return out;
    }

    /**
     * A line segment's break is kept without a level jump when the two lines part by this many times the jump
     * threshold over the shorter segment: a clear change of slope (1 to 1.5 over 300 points at unit noise
     * parts by 12-15 long-run sds), not the bend of a smooth curve cut into lines (the TCPD changes the check
     * drops part by at most 7).
     */
    static final double SLOPE_BREAK_FACTOR = 10;

    /**
     * The jump check: the changes whose fitted level jumps by at least {@code least} at the boundary (the two
     * segments' lines read at the first bucket of the second, or their means), or, for lines, whose lines part
     * by {@link #SLOPE_BREAK_FACTOR} times that over the shorter of the two segments (read at its far end, on
     * either side), or, for lines, that turn (one line rises and the other falls, each by at least {@code turn}
     * over its own segment: a peak or a trough; 0 = no such rule). The change furthest below its threshold
     * (the smallest of jump / least, parting / (factor × least), turn / {@code turn}) is merged away first, its
     * neighbours refitted, until every change passes. Lines cut a smooth curve into nearly continuous pieces
     * whose breaks the search's criterion accepts when the noise is small next to the curvature; an annotator,
     * and an analyst, sees no change there (docs/shifts.md); but where a rise turns into a fall (or the
     * reverse), the direction of the series changed, and that is a change even when the curve is continuous.
     */
    static int[] withoutSmallJumps(SegmentCost cost, int[] cps, double least, double turn, boolean trend, List<Merged> merged) {
        List<Integer> kept = new ArrayList<>();
        for (int c : cps) {
            kept.add(c);
        }
        while (!kept.isEmpty()) {
            double[] w = weakest(cost, kept, least, turn, trend);
            if (!(w[1] < 1)) {
                break;
            }
            merged.add(new Merged(kept.remove((int) w[0]), null, w[2]));
        }
        merged.sort(java.util.Comparator.comparingInt(Merged::index));
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * One step of the jump check: the change of {@code kept} furthest below its threshold, as {position in kept,
     * its measure (below 1 = merged), its jump in the data's units}.
     */
    static double[] weakest(SegmentCost cost, List<Integer> kept, double least, double turn, boolean trend) {
        int n = cost.size();
        int worst = -1;
        double smallest = Double.POSITIVE_INFINITY;
        double smallestJump = Double.NaN;
        for (int k = 0; k < kept.size(); k++) {
            int a = k == 0 ? 0 : kept.get(k - 1);
            int c = kept.get(k);
            int b = k + 1 == kept.size() ? n : kept.get(k + 1);
            double jump = Math.abs(cost.estimate(c, b, c, 1).level() - cost.estimate(a, c, trend ? c : a, 1).level());
            if (trend) {
                int len = Math.min(c - a, b - c);
                double forward = Math.abs(cost.estimate(c, b, c + len - 1, 1).level() - cost.estimate(a, c, c + len - 1, 1).level());
                double backward = Math.abs(cost.estimate(c, b, c - len, 1).level() - cost.estimate(a, c, c - len, 1).level());
                jump = Math.max(jump, Math.max(forward, backward) / SLOPE_BREAK_FACTOR);
            }
            double measure = jump / least;
            if (trend && turn > 0) {
                double riseBefore = cost.estimate(a, c, c - 1, 1).level() - cost.estimate(a, c, a, 1).level();
                double riseAfter = cost.estimate(c, b, b - 1, 1).level() - cost.estimate(c, b, c, 1).level();
                if (riseBefore * riseAfter < 0) {
                    measure = Math.max(measure, Math.min(Math.abs(riseBefore), Math.abs(riseAfter)) / turn);
                }
            }
            if (measure < smallest) {
                smallest = measure;
                smallestJump = jump;
                worst = k;
            }
        }
        return new double[] {worst, smallest, smallestJump};
    }

    /**
     * A break the search found and the jump check merged away.
     *
     * @param jump how far the level jumped there (or the lines parted, over the factor), in long-run sds
     */
    public record Merged(int index, LocalDate date, double jump) {}

    /** A level segmentation and the scale it was found at. */
    private record Levels(int[] cps, double scale) {}

    /**
     * The common-variance segmentation: at the long-run scale's fixed point (segment, take the long-run
     * spread of what the segments leave, segment again), or at the given scale.
     */
    private static Levels levels(Observations obs, Model model, double pen, int minSeg, boolean charge, boolean longRun, double scale,
                                 ShiftOptions.Ar1Noise ar1, ShiftOptions.MeanLoss meanLoss) {
        int[] cps = levelSearch(obs, model, scale, pen, minSeg, charge, meanLoss);
        if (!longRun) {
            return new Levels(cps, scale);
        }
        if (ar1 != null && !charge) {
            Levels a = ar1Levels(obs, model, pen, minSeg, cps, ar1);
            if (a != null) {
                return a;
            }
        }
        List<int[]> seen = new ArrayList<>();
        seen.add(cps);
        for (int it = 0; it < LONG_RUN_ITERATIONS; it++) {
            double next = longRunScale(obs, cps, model == Model.NORMAL_TREND);
            if (!(next > 0) || Double.isInfinite(next)) {
                break;
            }
            int[] again = levelSearch(obs, model, next, pen, minSeg, charge, meanLoss);
            scale = next;
            boolean repeat = seen.stream().anyMatch(c -> Arrays.equals(c, again));
            cps = again;
            if (repeat) {
                break;
            }
            seen.add(again);
        }
        return new Levels(cps, scale);
    }

    /** The least-squares search ({@link Fpop} or PELT), or with {@code meanLoss} {@link RobustFpop}'s. */
    private static int[] levelSearch(Observations obs, Model model, double scale, double pen, int minSeg, boolean charge,
                                     ShiftOptions.MeanLoss meanLoss) {
        if (meanLoss != null && model == Model.NORMAL_MEAN && minSeg <= 1 && !charge) {
            return RobustFpop.run(obs, scale, meanLoss, pen).changes();
        }
        return Fpop.optimal(SegmentCosts.of(model, obs, scale), pen, minSeg, charge).changes();
    }

    /**
     * The level segmentation under AR(1) noise ({@link Ar1Cost}), with ρ and σ from the differences (one search) or
     * from the residuals of the segmentation, iterated from {@code start} to a fixed point; the scale returned is the
     * noise's long-run sd σ / (1 − ρ), the unit of the jump check. Null when the noise has no spread.
     */
    private static Levels ar1Levels(Observations obs, Model model, double pen, int minSeg, int[] start, ShiftOptions.Ar1Noise ar1) {
        boolean trend = model == Model.NORMAL_TREND;
        if (ar1 == ShiftOptions.Ar1Noise.DIFFERENCES) {
            double[] noise = Ar1Cost.noiseFromDifferences(obs);
            if (noise == null) {
                return null;
            }
            int[] cps = Ar1Cost.optimal(new Ar1Cost(obs, noise[0], noise[1], trend), pen, minSeg).changes();
            return new Levels(cps, noise[1] / (1 - noise[0]));
        }
        int[] cps = start;
        double scale = Double.NaN;
        List<int[]> seen = new ArrayList<>();
        seen.add(cps);
        for (int it = 0; it < LONG_RUN_ITERATIONS; it++) {
            double[] r = residuals(obs, cps, trend);
            for (int i = 0; i < r.length; i++) {
                r[i] *= Math.sqrt(obs.exposure(i)); // at weight 1, as Ar1Cost reads σ
            }
            double[] noise = Ar1Cost.noiseFromResiduals(r);
            if (noise == null) {
                break;
            }
            int[] again = Ar1Cost.optimal(new Ar1Cost(obs, noise[0], noise[1], trend), pen, minSeg).changes();
            scale = noise[1] / (1 - noise[0]);
            boolean repeat = seen.stream().anyMatch(c -> Arrays.equals(c, again));
            cps = again;
            if (repeat) {
                break;
            }
            seen.add(again);
        }
        return Double.isNaN(scale) ? null : new Levels(cps, scale);
    }

    /**
     * Where the spread of the noise changes, as found on the residuals of the level segmentation.
     *
     * @param index the first bucket at the new spread
     * @param sdBefore the residual standard deviation before, {@code sdAfter} after
     */
    public record VarianceChange(int index, LocalDate date, double sdBefore, double sdAfter) {}

    private record Heteroscedastic(Observations weighted, Levels levels, List<VarianceChange> changes) {}

    /** Variance segments are at least this long. */
    static final int VARIANCE_MIN_SEGMENT = 4;

    /**
     * Levels and variance changes together, so that a stretch of larger noise is not read as level changes.
     * The residuals of the level segmentation are segmented by their variance (cost m log σ̂², σ̂² their mean
     * square, at least the floor of {@link SegmentCosts#varianceFloor}; BIC, 2 log n a change; weighed by the
     * AR(1) inflation of the residuals, as the levels' long-run scale is); each bucket then weighs 1/σ̂² of
     * its variance segment (weighted least squares, through the exposure), and the levels are segmented
     * again. Alternated until neither changes (a few rounds). With no variance change the levels are the
     * common-variance ones, unchanged.
     */
    private static Heteroscedastic heteroscedastic(Observations obs, Model model, double pen, int minSeg, boolean charge,
                                                   boolean longRun, Levels levels, ShiftOptions.Ar1Noise ar1,
                                                   ShiftOptions.MeanLoss meanLoss) {
        boolean trend = model == Model.NORMAL_TREND;
        int n = obs.size();
        double floor = SegmentCosts.varianceFloor(obs);
        double varPen = 2 * Math.log(Math.max(2, obs.observedCount()));
        Observations current = obs;
        Levels common = levels;
        int[] vcps = new int[0];
        double[] sd = new double[0];
        List<String> seen = new ArrayList<>();
        for (int it = 0; it < LONG_RUN_ITERATIONS; it++) {
            double[] r = residuals(obs, levels.cps, trend);
            double rho = lagOneAutocorrelation(r);
            int[] next = Pelt.run(new MeanSquare(r, floor, (1 - rho) / (1 + rho)), varPen, VARIANCE_MIN_SEGMENT, false).changes();
            String key = Arrays.toString(levels.cps) + Arrays.toString(next);
            if (seen.contains(key)) {
                break;
            }
            seen.add(key);
            vcps = next;
            if (vcps.length == 0) {
                current = obs;
                levels = common;
                sd = new double[0];
                break;
            }
            // each variance segment's mean square, relative to the whole series'
            double ref = Math.max(meanSquare(r, 0, r.length), floor);
            sd = new double[vcps.length + 1];
            double[] w = new double[n];
            for (int k = 0; k <= vcps.length; k++) {
                int a = k == 0 ? 0 : vcps[k - 1];
                int b = k == vcps.length ? n : vcps[k];
                double ms = meanSquare(r, a, b);
                double var = Math.max(Double.isNaN(ms) ? ref : ms, floor);
                sd[k] = Math.sqrt(var);
                for (int i = a; i < b; i++) {
                    w[i] = ref / var;
                }
            }
            current = weighted(obs, w);
            levels = levels(current, model, pen, minSeg, charge, longRun, scale(current, model), ar1, meanLoss);
        }
        List<VarianceChange> changes = new ArrayList<>();
        for (int k = 0; k < vcps.length && sd.length > 0; k++) {
            changes.add(new VarianceChange(vcps[k], obs.date(vcps[k]), sd[k], sd[k + 1]));
        }
        return new Heteroscedastic(current, levels, changes);
    }

    /** The series with bucket i weighing w[i] more (values and exposure both multiplied: the rates stay). */
    private static Observations weighted(Observations obs, double[] w) {
        double[] v = obs.values().clone();
        double[] e = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            e[i] = obs.exposure(i) * w[i];
            if (!Double.isNaN(v[i])) {
                v[i] *= w[i];
            }
        }
        return new Observations(obs.dates(), v, obs.totals(), e);
    }

    /**
     * Variance segments of residuals (mean 0 known): m log max(Σr²/m, floor), times a weight w. Where the floor does
     * not bind, this is min over the precision u of w Σ (r² u − log u − 1), a one-parameter functional form, so
     * {@link Pelt} prunes it as FPOP would ({@link Intervals}): without that, a series with no variance change is
     * one long segment in which PELT keeps every candidate, quadratic in its length (10^5 buckets took a minute).
     */
    static final class MeanSquare implements Intervals {
        /** The longest windows {@link #functionalFrom} checks. */
        static final int FUNCTIONAL_MAX_FROM = 128;
        private final double[] s2;
        private final int[] cnt;
        private final double floor;
        private final double weight;

        MeanSquare(double[] r, double floor, double weight) {
            s2 = new double[r.length + 1];
            cnt = new int[r.length + 1];
            SegmentCosts.Sum sum = new SegmentCosts.Sum();
            for (int i = 0; i < r.length; i++) {
                boolean miss = Double.isNaN(r[i]);
                s2[i + 1] = sum.add(miss ? 0 : r[i] * r[i]);
                cnt[i + 1] = cnt[i] + (miss ? 0 : 1);
            }
            this.floor = floor;
            this.weight = weight;
        }

        @Override
        public int size() {
            return s2.length - 1;
        }

        @Override
        public double cost(int start, int end) {
            int m = cnt[end] - cnt[start];
            return m == 0 ? 0 : weight * m * Math.log(Math.max((s2[end] - s2[start]) / m, floor));
        }

        @Override
        public int observed(int start, int end) {
            return cnt[end] - cnt[start];
        }

        @Override
        public Estimate estimate(int start, int end, int at, double sigma) {
            return Estimate.NONE;
        }

        /**
         * Every segment of at least L buckets is a union of windows of L to 2L − 1 buckets, and its mean square is a
         * weighted mean of theirs: when each such window's is at least twice the floor (or it has no observation), no
         * segment of L or more meets the floor, not even through rounding. L is tried from the minimum segment,
         * doubling up to {@link #FUNCTIONAL_MAX_FROM} (a few short windows of residuals near 0 are common).
         */
        @Override
        public int functionalFrom(int minSegment) {
            if (!(weight > 0) || Double.isInfinite(weight) || minSegment < 1) {
                return 0;
            }
            int n = size();
            for (int from = minSegment; from <= FUNCTIONAL_MAX_FROM; from *= 2) {
                boolean ok = true;
                for (int len = from; len < 2 * from && ok; len++) {
                    for (int a = 0; a + len <= n; a++) {
                        int m = cnt[a + len] - cnt[a];
                        if (m > 0 && !(s2[a + len] - s2[a] >= 2 * m * floor)) {
                            ok = false;
                            break;
                        }
                    }
                }
                if (ok) {
                    return from;
                }
            }
            return 0;
        }

        /**
         * The u where s beats t: F(s) − F(t) + w (S u − m log u − m) ≤ margin, S and m over [s, t), that is
         * z − log z ≤ c with u = z m / S and c = (K + margin / w) / m... written out below; its two roots are
         * approached by Newton's method from outside (the function is convex, so the iterates stay outside), and
         * the interval is widened by a relative 1e-9 more, so it always contains the exact one.
         */
        @Override
        public boolean narrow(int s, double fs, int j, double fj, int t, double ft, double[] lo, double[] hi, int k) {
            int m = cnt[t] - cnt[s];
            double sum = s2[t] - s2[s];
            if (m == 0 || !(sum > 0)) {
                return true; // no information about u from here
            }
            double margin = 1e-9 * (1 + Math.abs(fs) + Math.abs(ft));
            // z − log z ≤ c, where z = u S / m
            double c = 1 + (ft - fs + margin) / (weight * m) + Math.log(m / sum);
            if (!(c >= 1)) {
                return !(c < 1); // NaN: keep; below 1: s is beaten by t at every u
            }
            double unit = m / sum;
            double zl = lo[k] * (1 / unit);
            double zh = hi[k] * (1 / unit);
            // the upper root: from hi when outside the interval, else from a point known to be outside
            double z2;
            if (zh <= 1 || zh - Math.log(zh) <= c) {
                z2 = Double.POSITIVE_INFINITY; // hi already inside (or below the minimum): unchanged
            } else {
                double z = Math.min(zh, c + Math.log(c) + 2);
                for (int it = 0; it < 4; it++) {
                    double phi = z - Math.log(z) - c;
                    if (!(phi > 1e-12 * z)) {
                        break;
                    }
                    z -= phi / (1 - 1 / z);
                }
                z2 = z * (1 + 1e-9);
            }
            double z1;
            if (zl >= 1 || (zl > 0 && zl - Math.log(zl) <= c)) {
                z1 = 0;
            } else {
                double z = Math.max(zl, Math.exp(-c));
                for (int it = 0; it < 4; it++) {
                    double phi = z - Math.log(z) - c;
                    if (!(phi > 1e-12)) {
                        break;
                    }
                    z -= phi / (1 - 1 / z);
                }
                z1 = z * (1 - 1e-9);
            }
            double newLo = Math.max(lo[k], z1 * unit);
            double newHi = Math.min(hi[k], z2 * unit);
            lo[k] = newLo;
            hi[k] = newHi;
            if (!(newLo <= newHi)) {
                return false;
            }
            // the earlier j beats s wherever w (S u − m log u − m) < F(s) − F(j), S and m over [j, s): at both ends?
            int mj = cnt[s] - cnt[j];
            double sj = s2[s] - s2[j];
            if (mj == 0 || !(sj > 0) || !(newLo > 0) || Double.isInfinite(newHi) || !(fj < Double.POSITIVE_INFINITY)) {
                return true;
            }
            double bound = fs - fj - 1e-9 * (1 + Math.abs(fs) + Math.abs(fj)) - margin;
            double atLo = weight * (sj * newLo - mj * Math.log(newLo) - mj);
            double atHi = weight * (sj * newHi - mj * Math.log(newHi) - mj);
            return !(atLo < bound && atHi < bound);
        }
    }

    /**
     * BIC of the segmentation and of no change at all, from the profile likelihood (each with its own
     * σ̂²: n log σ̂², the penalty per change; under MBIC also the length charges), as a quasi-likelihood
     * divided by the AR(1) inflation (1+ρ)/(1−ρ) of the segmentation's residuals. The search's own criterion
     * divides by one σ estimated under the segmentation, which for a smooth series with very persistent
     * residuals (a population curve) still buys changes that the likelihood of the whole does not support.
     *
     * @return {BIC with the changes, BIC without}
     */
    static double[] noChangeCheck(Observations obs, Model model, int[] cps, double pen, boolean charge) {
        boolean trend = model == Model.NORMAL_TREND;
        SegmentCost plain = SegmentCosts.of(model, obs, 1);
        double rho = lagOneAutocorrelation(residuals(obs, cps, trend));
        double inflation = (1 + rho) / (1 - rho);
        double with = profileDeviance(plain, cps, false, Double.MIN_NORMAL) / inflation + pen * cps.length
                + (charge ? lengthCharges(plain, cps) : 0);
        double without = profileDeviance(plain, new int[0], false, Double.MIN_NORMAL) / inflation
                + (charge ? lengthCharges(plain, new int[0]) : 0);
        return new double[] {with, without};
    }

    /**
     * −2 × the profile log-likelihood of a segmentation of lines (up to constants shared by both models):
     * n log σ̂² with one pooled variance, or Σ m_k log σ̂²_k with a variance per segment (each at least the floor).
     */
    static double profileDeviance(SegmentCost line, int[] cps, boolean own, double floor) {
        int n = line.size();
        double rss = 0;
        double ll = 0;
        int m = 0;
        for (int k = 0; k <= cps.length; k++) {
            int a = k == 0 ? 0 : cps[k - 1];
            int b = k == cps.length ? n : cps[k];
            int mk = line.observed(a, b);
            if (mk == 0) {
                continue;
            }
            double r = line.residualSumOfSquares(a, b);
            rss += r;
            m += mk;
            ll += mk * Math.log(Math.max(r / mk, floor));
        }
        if (m == 0) {
            return 0;
        }
        return own ? ll : m * Math.log(Math.max(rss / m, floor));
    }

    private static double lengthCharges(SegmentCost cost, int[] cps) {
        double c = 0;
        for (int k = 0; k <= cps.length; k++) {
            c += cost.lengthCharge(k == 0 ? 0 : cps[k - 1], k == cps.length ? cost.size() : cps[k]);
        }
        return c;
    }

    /** The mean of the squares of r[from, to), missing buckets (NaN) skipped; NaN when every bucket is missing. */
    static double meanSquare(double[] r, int from, int to) {
        double ss = 0;
        int m = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(r[i])) {
                ss += r[i] * r[i];
                m++;
            }
        }
        return m == 0 ? Double.NaN : ss / m;
    }

    /** Lag-1 autocorrelation of residuals (pairs across a missing bucket skipped), in [0, 1): negative counts as 0. */
    static double lagOneAutocorrelation(double[] r) {
        double[] sums = lagOneSums(r);
        double ss = sums[0];
        double cross = sums[1];
        return ss > 0 ? Math.max(0, Math.min(1 - 1e-9, cross / ss)) : 0;
    }

    /** {Σ r_t², Σ r_t r_{t−1}} over the observed r (pairs across a missing bucket skipped). */
    static double[] lagOneSums(double[] r) {
        double ss = 0;
        double cross = 0;
        double prev = Double.NaN;
        for (double v : r) {
            if (Double.isNaN(v)) {
                prev = Double.NaN;
                continue;
            }
            ss += v * v;
            if (!Double.isNaN(prev)) {
                cross += v * prev;
            }
            prev = v;
        }
        return new double[] {ss, cross};
    }

    /** Rounds of the long-run scale's fixed point (it settles in a few on every series tried). */
    static final int LONG_RUN_ITERATIONS = 20;

    /**
     * The long-run standard deviation of the residuals within segments, for AR(1) noise: s·√((1+ρ)/(1−ρ)),
     * s their standard deviation and ρ ≥ 0 their lag-1 autocorrelation. With autocorrelated noise the
     * likelihood-ratio statistics of a change grow by this factor over s, so the penalty stays calibrated.
     */
    static double longRunScale(Observations obs, int[] cps, boolean trend) {
        double[] r = residuals(obs, cps, trend);
        double ss = 0;
        int m = 0;
        for (double v : r) {
            if (!Double.isNaN(v)) {
                ss += v * v;
                m++;
            }
        }
        if (m < 3 || !(ss > 0)) {
            return Double.NaN;
        }
        double rho = lagOneAutocorrelation(r);
        return Math.sqrt(ss / m) * Math.sqrt((1 + rho) / (1 - rho));
    }

    /** Residuals about each segment's (weighted) mean or line, in the units of a whole bucket; NaN where missing. */
    static double[] residuals(Observations obs, int[] cps, boolean trend) {
        int n = obs.size();
        double[] r = new double[n];
        int[] b = new int[cps.length + 2];
        System.arraycopy(cps, 0, b, 1, cps.length);
        b[b.length - 1] = n;
        for (int k = 0; k + 1 < b.length; k++) {
            double sw = 0;
            double sx = 0;
            double st = 0;
            int m = 0;
            for (int i = b[k]; i < b[k + 1]; i++) {
                if (!obs.missing(i)) {
                    double e = obs.exposure(i);
                    sw += e;
                    sx += obs.values()[i];
                    st += e * i;
                    m++;
                }
            }
            double mean = sw > 0 ? sx / sw : 0;
            double tbar = sw > 0 ? st / sw : 0;
            double slope = 0;
            if (trend && m >= 3) {
                double vt = 0;
                double cxt = 0;
                for (int i = b[k]; i < b[k + 1]; i++) {
                    if (!obs.missing(i)) {
                        double e = obs.exposure(i);
                        vt += e * (i - tbar) * (i - tbar);
                        cxt += e * (i - tbar) * (obs.values()[i] / e - mean);
                    }
                }
                slope = vt > 0 ? cxt / vt : 0;
            }
            for (int i = b[k]; i < b[k + 1]; i++) {
                if (obs.missing(i)) {
                    r[i] = Double.NaN;
                } else {
                    double e = obs.exposure(i);
                    r[i] = Math.sqrt(e) * (obs.values()[i] / e - mean - slope * (i - tbar));
                }
            }
        }
        return r;
    }

    /**
     * Drops every change that bounds a segment made only of partial buckets (exposure below 1: a week or
     * month cut by the range or the corpus): such a level rests on buckets whose counts are not comparable
     * with whole ones (which days of the week they hold), so a change it makes is caused by the bucket's
     * length, not by the series.
     */
    static int[] withoutPartialOnlySegments(Observations input, int[] cps, double[] posterior) {
        if (input.exposure() == null || cps.length == 0) {
            return cps;
        }
        List<Integer> kept = new ArrayList<>();
        for (int c : cps) {
            kept.add(c);
        }
        boolean changed = true;
        while (changed && !kept.isEmpty()) {
            changed = false;
            for (int k = 0; k <= kept.size(); k++) {
                int a = k == 0 ? 0 : kept.get(k - 1);
                int b = k == kept.size() ? input.size() : kept.get(k);
                boolean onlyPartial = true;
                boolean any = false;
                for (int i = a; i < b && onlyPartial; i++) {
                    if (!input.missing(i)) {
                        any = true;
                        onlyPartial = input.exposure(i) < 1;
                    }
                }
                if (any && onlyPartial) {
                    kept.remove(k == 0 ? 0 : k - 1); // merge into the neighbour (the next one for the first segment)
                    changed = true;
                    break;
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] keepPosterior(int[] cps, int[] kept, double[] posterior) {
        double[] out = new double[kept.length];
        for (int i = 0, j = 0; i < cps.length && j < kept.length; i++) {
            if (cps[i] == kept[j]) {
                out[j++] = posterior[i];
            }
        }
        return out;
    }

    /**
     * CROPS: every optimal segmentation for penalties in [min, max] under the same model, scale and
     * dispersion as {@link #detect(Observations, ShiftOptions)} (segment-length charges of MBIC left out).
     */
    public static List<Crops.Run> crops(Observations input, ShiftOptions options, double minPenalty, double maxPenalty) {
        Model model = options.model() != null ? options.model() : autoModel(input);
        if (model == Model.NEGATIVE_BINOMIAL) {
            // CROPS sweeps penalties over one fixed cost; this model's cost depends on the size it estimates with each
            // segmentation, so a sweep at one size would not be the model's answer at the other penalties
            throw new org.narrativewatch.InvalidOptionException("crops",
                    "needs a cost fixed before the search; negative-binomial estimates its size with each segmentation "
                            + "(run shifts at each --penalty instead)");
        }
        Prepared p = prepare(input, options, model, options.model() == null);
        return Crops.sweep(p.cost, minPenalty, maxPenalty, p.minSeg);
    }

    /** The observations {@link #detect(Series, ShiftOptions)} analyses for a timeline under {@code model}. */
    public static Observations observations(Series s, Model model) {
        return model == Model.BINOMIAL ? Observations.shares(s) : Observations.counts(s);
    }

    /**
     * BOCPD over the series' values (shares for the binomial model), centred and divided by their
     * spread so that the standard unit-scale prior fits; missing buckets pass time.
     */
    static Bocpd online(Observations obs, Model model) {
        double[] v = new double[obs.size()];
        double sum = 0;
        int m = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = obs.missing(i) ? Double.NaN : model == Model.BINOMIAL ? obs.values()[i] / obs.totals()[i]
                    : obs.values()[i] / obs.exposure(i);
            if (!Double.isNaN(v[i])) {
                sum += v[i];
                m++;
            }
        }
        double mean = m == 0 ? 0 : sum / m;
        double sd = nullScale(Observations.of(obs.dates(), v), false);
        Bocpd b = Bocpd.standard();
        for (double x : v) {
            b.update((x - mean) / sd);
        }
        return b;
    }

    /** What Gaussian data are divided by: σ̂ for the common-variance models; 1 for the others (meanvar is scale-free). */
    static double scale(Observations obs, Model model) {
        return model == Model.NORMAL_MEAN || model == Model.NORMAL_TREND ? nullScale(obs, model == Model.NORMAL_TREND) : 1;
    }

    static boolean isGaussian(Model m) {
        return m == Model.NORMAL_MEAN || m == Model.NORMAL_MEANVAR || m == Model.NORMAL_TREND || m == Model.NORMAL_TREND_VAR;
    }

    private static ShiftResult describe(Observations obs, Model model, Penalty penalty, double pen, int minSeg, double scale,
                                        double dispersion, SegmentCost cost, int[] cps, double[] posterior,
                                        List<Integer> outliers, List<Seasonality> seasonality, boolean longRun,
                                        List<ShiftResult.Fit> fits, List<VarianceChange> varianceChanges, List<Merged> merged,
                                        double size) {
        int n = obs.size();
        int[] bounds = new int[cps.length + 2];
        bounds[0] = 0;
        System.arraycopy(cps, 0, bounds, 1, cps.length);
        bounds[bounds.length - 1] = n;
        double sigma = Double.NaN;
        if (model == Model.NORMAL_MEAN || model == Model.NORMAL_TREND) {
            double rss = 0;
            int params = 0;
            for (int i = 0; i + 1 < bounds.length; i++) {
                rss += cost.residualSumOfSquares(bounds[i], bounds[i + 1]);
                int m = cost.observed(bounds[i], bounds[i + 1]);
                params += model == Model.NORMAL_TREND ? Math.min(2, m) : Math.min(1, m);
            }
            int dof = obs.observedCount() - params;
            sigma = dof > 0 ? Math.sqrt(rss / dof) : Double.NaN;
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.length && n > 0; i++) {
            int a = bounds[i];
            int b = bounds[i + 1];
            segments.add(new Segment(a, b, obs.date(a), obs.date(b - 1), cost.observed(a, b),
                    widen(cost.estimate(a, b, a, sigma), dispersion)));
        }
        List<ChangePoint> changes = new ArrayList<>();
        for (int i = 1; i + 1 < bounds.length; i++) {
            int a = bounds[i - 1];
            int c = bounds[i];
            int b = bounds[i + 1];
            // a level model's estimate is the segment's own (computed once); a line's is read at the boundary
            boolean trend = model == Model.NORMAL_TREND || model == Model.NORMAL_TREND_VAR;
            Estimate before = trend ? widen(cost.estimate(a, c, lastObserved(cost, a, c), sigma), dispersion) : segments.get(i - 1).level();
            Estimate after = trend ? widen(cost.estimate(c, b, c, sigma), dispersion) : segments.get(i).level();
            double stat;
            if (!Double.isNaN(sigma)) {
                stat = (cost.residualSumOfSquares(a, b) - cost.residualSumOfSquares(a, c) - cost.residualSumOfSquares(c, b))
                        / (sigma * sigma);
            } else {
                stat = cost.cost(a, b) - cost.cost(a, c) - cost.cost(c, b);
            }
            double p = chiSquaredSurvival(stat, model.params);
            double rel = before.level() == 0 ? Double.NaN : (after.level() - before.level()) / Math.abs(before.level());
            changes.add(new ChangePoint(c, obs.date(c), before, after, rel, p, posterior == null ? Double.NaN : posterior[i - 1]));
        }
        return new ShiftResult(model, penalty, pen, minSeg, scale, dispersion, n, obs.observedCount(), segments, changes,
                List.copyOf(outliers), List.copyOf(seasonality), longRun, fits, varianceChanges, merged, size);
    }

    /** P(χ²_df > stat); 0 beyond where it underflows (Hipparchus' continued fraction cannot take ∞). */
    static double chiSquaredSurvival(double stat, int df) {
        if (Double.isNaN(stat)) {
            return Double.NaN;
        }
        if (!(stat > 0)) {
            return 1;
        }
        if (stat > 1400) {
            return 0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, stat / 2);
    }

    private static int lastObserved(SegmentCost cost, int a, int c) {
        for (int i = c - 1; i > a; i--) {
            if (cost.observed(i, i + 1) == 1) {
                return i;
            }
        }
        return a;
    }

    /** Quasi-likelihood: intervals of over-dispersed counts are wider by √φ around the same level. */
    private static Estimate widen(Estimate e, double dispersion) {
        if (dispersion == 1 || Double.isNaN(e.level())) {
            return e;
        }
        double f = Math.sqrt(dispersion);
        return new Estimate(e.level(), Math.max(0, e.level() - f * (e.level() - e.lo())), e.level() + f * (e.hi() - e.level()));
    }

    private static SegmentCost lengthCharged(SegmentCost c, Penalty p) {
        if (!p.chargesSegmentLength()) {
            return c;
        }
        return new SegmentCost() {
            public int size() { return c.size(); }
            public double cost(int s, int e) { return Pelt.charged(c, s, e, true); }
            public int observed(int s, int e) { return c.observed(s, e); }
            public Estimate estimate(int s, int e, int at, double sigma) { return c.estimate(s, e, at, sigma); }
        };
    }

    /**
     * The standard deviation of the observed values around the no-change fit (their mean, or their
     * least-squares line), divisor n. A change must stand out against the whole series' spread:
     * conservative, and it needs no assumption about autocorrelation. 1 when the series is constant or
     * too short. Around the mean it is computed as R computes {@code sqrt(sum((x - mean(x))^2) / length(x))}
     * (two passes, sums accumulated beyond double precision), so that {@code cpt.mean(x / σ̂)} sees the
     * same numbers.
     */
    static double nullScale(Observations obs, boolean trend) {
        // With exposures e (partial buckets) the values are rates x/e of variance σ²/e: weighted moments.
        int n = 0;
        SegmentCosts.Sum sum = new SegmentCosts.Sum();
        SegmentCosts.Sum wsum = new SegmentCosts.Sum();
        for (int i = 0; i < obs.size(); i++) {
            if (!obs.missing(i)) {
                sum.add(obs.values()[i]);
                wsum.add(obs.exposure(i));
                n++;
            }
        }
        if (n < 2) {
            return 1;
        }
        double w = wsum.value();
        double mean = sum.value() / w;
        SegmentCosts.Sum dev = new SegmentCosts.Sum();
        for (int i = 0; i < obs.size(); i++) {
            if (!obs.missing(i)) {
                dev.add(obs.values()[i] - obs.exposure(i) * mean);
            }
        }
        mean += dev.value() / w; // R's mean(): a second pass corrects the first
        double slope = 0;
        double tbar = 0;
        if (trend && n >= 3) {
            for (int i = 0; i < obs.size(); i++) {
                if (!obs.missing(i)) {
                    tbar += obs.exposure(i) * i;
                }
            }
            tbar /= w;
            double stt = 0;
            double sxt = 0;
            for (int i = 0; i < obs.size(); i++) {
                if (!obs.missing(i)) {
                    double e = obs.exposure(i);
                    stt += e * (i - tbar) * (i - tbar);
                    sxt += e * (i - tbar) * (obs.values()[i] / e - mean);
                }
            }
            slope = stt > 0 ? sxt / stt : 0;
        }
        SegmentCosts.Sum r = new SegmentCosts.Sum();
        for (int i = 0; i < obs.size(); i++) {
            if (!obs.missing(i)) {
                double e = obs.exposure(i);
                double d = obs.values()[i] / e - mean - slope * (i - tbar);
                r.add(e * d * d);
            }
        }
        double sd = Math.sqrt(Math.max(r.value(), 0) / n);
        return sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1;
    }

    /**
     * Over-dispersion φ ≥ 1 of counts or shares: the robust variance of differences between
     * neighbouring observed buckets in Pearson units (1 for truly Poisson/binomial data).
     * Differences make it blind to level shifts; the median makes it blind to spikes.
     */
    static double dispersion(Observations obs, Model model) {
        double[] sq = new double[Math.max(0, obs.size() - 1)];
        int ns = 0;
        int prev = -1;
        for (int i = 0; i < obs.size(); i++) {
            if (obs.missing(i)) {
                continue;
            }
            if (prev >= 0) {
                double x0 = obs.values()[prev];
                double x1 = obs.values()[i];
                if (model == Model.BINOMIAL) {
                    double n0 = obs.totals()[prev];
                    double n1 = obs.totals()[i];
                    double p = (x0 + x1) / (n0 + n1);
                    if (p > 0 && p < 1) {
                        double d = x1 / n1 - x0 / n0;
                        sq[ns++] = d * d / (p * (1 - p) * (1 / n0 + 1 / n1));
                    }
                } else if (x0 + x1 > 0) {
                    // rates per unit of exposure: Var(r1 - r0) = λ (1/e0 + 1/e1) under Poisson
                    double e0 = obs.exposure(prev);
                    double e1 = obs.exposure(i);
                    double d = x1 / e1 - x0 / e0;
                    double lambda = (x0 + x1) / (e0 + e1);
                    sq[ns++] = d * d / (lambda * (1 / e0 + 1 / e1));
                }
            }
            prev = i;
        }
        if (ns < 10) {
            return 1;
        }
        double[] a = Arrays.copyOf(sq, ns);
        Arrays.sort(a);
        double med = a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        return Math.max(1, med / CHI2_1_MEDIAN);
    }

    /**
     * Runs of one or two buckets far from their observed neighbours on both sides (the median of the three
     * on each side, which one outlying neighbour cannot move), in units of the series' robust spread of
     * neighbour differences: treated as missing, so one odd day (a duplicated feed, a holiday) or an
     * outlying pair cannot create two change points. A step is far from one side only and is kept.
     */
    static List<Integer> outliers(Observations obs, Model model) {
        int n = obs.size();
        double[] v = new double[n];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v[i] = obs.missing(i) ? Double.NaN : model == Model.BINOMIAL ? obs.values()[i] / obs.totals()[i]
                    : obs.values()[i] / obs.exposure(i);
            if (!Double.isNaN(v[i])) {
                idx.add(i);
            }
        }
        if (idx.size() < 5) {
            return List.of();
        }
        double[] diffs = new double[idx.size() - 1];
        for (int j = 1; j < idx.size(); j++) {
            diffs[j - 1] = Math.abs(v[idx.get(j)] - v[idx.get(j - 1)]);
        }
        Arrays.sort(diffs);
        double sd = diffs[diffs.length / 2] * 1.4826 / Math.sqrt(2);
        if (!(sd > 0)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < idx.size(); j++) {
            // Far from the left neighbours AND from the right ones, on the same side: a spike, not a step.
            double left = sideMedian(v, idx, j - 3, j - 1);
            double right = sideMedian(v, idx, j + 1, j + 3);
            double x = v[idx.get(j)];
            double dl = Double.isNaN(left) ? x - right : x - left;
            double dr = Double.isNaN(right) ? x - left : x - right;
            if (Math.abs(dl) > OUTLIER_SDS * sd && Math.abs(dr) > OUTLIER_SDS * sd && Math.signum(dl) == Math.signum(dr)) {
                out.add(idx.get(j));
            }
        }
        return out;
    }

    private static double sideMedian(double[] v, List<Integer> idx, int from, int to) {
        double[] w = new double[3];
        int c = 0;
        for (int k = Math.max(0, from); k <= Math.min(idx.size() - 1, to); k++) {
            w[c++] = v[idx.get(k)];
        }
        if (c == 0) {
            return Double.NaN;
        }
        Arrays.sort(w, 0, c);
        return c % 2 == 1 ? w[c / 2] : (w[c / 2 - 1] + w[c / 2]) / 2;
    }
}
