package org.narrativewatch.shift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;

/**
 * One consistent long-run scale for the robust default ({@code --consistent-scale}; {@link Mode#CHECKED} by default for the
 * automatic Gaussian model, {@link Mode#NONE} the earlier default).
 *
 * <p>The search takes its long-run scale (s·√((1+ρ)/(1−ρ)) of the residuals within segments) from a fixed point
 * over the level search alone; local refinement then adds changes and the jump check merges some. Without these modes
 * ({@link Mode#NONE}) both are judged at the search's scale, the long-run sd of the residuals of a segmentation that is
 * not the one being judged: it still holds the misfit of every change refinement found (a line through a step
 * leaves residuals that read as autocorrelated noise), and it is never re-estimated after a merge. Everywhere else
 * the default measures a segmentation in the long-run sd of its own residuals; these modes do the same here:
 * <ul>
 * <li>{@link Mode#JUDGED}: the jump check runs at the long-run scale of the refined segmentation it judges;</li>
 * <li>{@link Mode#MERGES}: as JUDGED, and the scale is re-estimated from the remaining segmentation after every
 *     merge (the check merges the weakest break first, so each step is judged in its own segmentation's scale);</li>
 * <li>{@link Mode#FIXED_POINT}: refinement inside the fixed point: search at a scale, refine, take the long-run scale
 *     of the refined segmentation's residuals, search again at it, until the searched segmentation repeats; then the
 *     jump check at that final scale (the scale at which the last search ran is then the refined segmentation's own).
 *     A cycle (the search alternates between segmentations) is ended by taking, among its members, the one whose
 *     refined segmentation has the largest scale: the coarsest, BIC's parsimony when the data cannot decide;</li>
 * <li>{@link Mode#FIXED_POINT_MERGES}: both;</li>
 * <li>{@link Mode#FINAL}: the whole default inside the fixed point: search, refine, jump check, the long-run scale of
 *     what the check keeps, search again, until what it keeps repeats (then the reported segmentation is measured in
 *     its own scale);</li>
 * <li>{@link Mode#CHECKED}: the same with the search and refinement left as the default's: the jump check at the
 *     long-run scale of its own result.</li>
 * </ul>
 * The variance segments' weights stay those found with the first fixed point (they are a fixed point of their own
 * over the level segmentation, run before). Measured in docs/shifts.md ("One consistent long-run scale").
 */
public final class ScaleFixedPoint {
    private ScaleFixedPoint() {}

    /** Which disagreements between the scale and the segmentation it judges are removed. */
    public enum Mode {
        /** the jump check at the long-run scale of the refined segmentation it judges */
        JUDGED,
        /** as {@link #JUDGED}, re-estimated after every merge */
        MERGES,
        /** refinement inside the long-run fixed point; the jump check at the final scale */
        FIXED_POINT,
        /** {@link #FIXED_POINT} and {@link #MERGES} */
        FIXED_POINT_MERGES,
        /**
         * the whole default inside the fixed point: search at a scale, refine, jump check at that scale, take the
         * long-run scale of what the check keeps, search again, until the kept segmentation repeats
         */
        FINAL,
        /**
         * the jump check alone inside the fixed point: the refined segmentation stays the default's, and the check
         * runs at the long-run scale of what it keeps, until what it keeps repeats
         */
        CHECKED,
        /**
         * none of these: the jump check at the long-run scale of the search before refinement (the automatic model's
         * default until {@link #CHECKED} replaced it)
         */
        NONE;

        public static Mode parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "judged" -> JUDGED;
                case "merges" -> MERGES;
                case "fixed-point" -> FIXED_POINT;
                case "fixed-point-merges" -> FIXED_POINT_MERGES;
                case "final" -> FINAL;
                case "checked" -> CHECKED;
                default -> throw new org.narrativewatch.InvalidOptionException("consistent-scale",
                        "must be judged, merges, fixed-point, fixed-point-merges, final, checked or none, not '" + s + "'");
            };
        }

        boolean fixedPoint() {
            return this == FIXED_POINT || this == FIXED_POINT_MERGES;
        }

        boolean perMerge() {
            return this == MERGES || this == FIXED_POINT_MERGES;
        }
    }

    /**
     * The final segmentation, the scale that judged it (in the data's units), the merged breaks (dated, jumps in
     * that step's long-run sds), the rounds of the outer fixed point (0 without it) and whether it ended at a
     * segmentation that gives itself back (false: a cycle, or the rounds ran out).
     */
    record Result(int[] cps, double scale, List<ShiftDetector.Merged> merged, int rounds, boolean converged) {}

    /**
     * @param searched    the level segmentation of the default's own fixed point (after variance segments)
     * @param searchScale the scale it was found at (used where a segmentation's residuals give no scale)
     * @param refine      local refinement (identity when off)
     * @param search      one level search at a given scale
     * @param minJump     the jump check's threshold in long-run sds (0 = no check), {@code minTurn} the turns'
     */
    static Result run(Mode mode, Observations obs, Model model, int[] searched, double searchScale, UnaryOperator<int[]> refine,
                      DoubleFunction<int[]> search, double minJump, double minTurn) {
        boolean trend = model == Model.NORMAL_TREND;
        if (mode == Mode.FINAL) {
            return whole(obs, model, searched, searchScale, refine, search, minJump, minTurn);
        }
        if (mode == Mode.CHECKED) {
            int[] refined = refine.apply(searched);
            return whole(obs, model, searched, searchScale, x -> refined, s -> searched, minJump, minTurn);
        }
        int[] cps = searched;
        int[] refined = refine.apply(cps);
        double scale = scaleOf(obs, refined, trend, searchScale);
        int rounds = 0;
        boolean converged = !mode.fixedPoint();
        if (mode.fixedPoint()) {
            List<int[]> seen = new ArrayList<>();
            List<int[]> refinedSeen = new ArrayList<>();
            List<Double> scales = new ArrayList<>();
            seen.add(cps);
            refinedSeen.add(refined);
            scales.add(scale);
            for (int it = 0; it < ShiftDetector.LONG_RUN_ITERATIONS; it++) {
                int[] again = search.apply(scale);
                rounds++;
                if (Arrays.equals(again, cps)) {
                    converged = true; // consistent: the search at the refined segmentation's own scale gives it back
                    break;
                }
                int repeat = indexOf(seen, again);
                if (repeat >= 0) {
                    int best = repeat;
                    for (int k = repeat + 1; k < seen.size(); k++) {
                        if (scales.get(k) > scales.get(best)) {
                            best = k;
                        }
                    }
                    cps = seen.get(best);
                    refined = refinedSeen.get(best);
                    scale = scales.get(best);
                    break;
                }
                cps = again;
                refined = refine.apply(cps);
                scale = scaleOf(obs, refined, trend, scale);
                seen.add(cps);
                refinedSeen.add(refined);
                scales.add(scale);
            }
        }
        List<ShiftDetector.Merged> merged = new ArrayList<>();
        if (!(minJump > 0)) {
            return new Result(refined, scale, merged, rounds, converged);
        }
        SegmentCost cost = SegmentCosts.of(model, obs, scale);
        List<Integer> kept = new ArrayList<>();
        for (int c : refined) {
            kept.add(c);
        }
        double judge = scale;
        while (!kept.isEmpty()) {
            if (mode.perMerge()) {
                judge = scaleOf(obs, kept.stream().mapToInt(Integer::intValue).toArray(), trend, judge);
            }
            double[] w = ShiftDetector.weakest(cost, kept, minJump * judge, minTurn * judge, trend);
            if (!(w[1] < 1)) {
                break;
            }
            int at = kept.remove((int) w[0]);
            merged.add(new ShiftDetector.Merged(at, obs.date(at), w[2] / judge));
        }
        if (mode.perMerge() && kept.isEmpty()) {
            judge = scaleOf(obs, new int[0], trend, judge);
        }
        merged.sort(java.util.Comparator.comparingInt(ShiftDetector.Merged::index));
        return new Result(kept.stream().mapToInt(Integer::intValue).toArray(), judge, merged, rounds, converged);
    }

    /**
     * {@link Mode#FINAL}: the map scale → search → refine → jump check at that scale → long-run scale of the kept
     * segmentation, iterated from the default's answer until the kept segmentation repeats (a cycle: its member with
     * the largest scale).
     */
    private static Result whole(Observations obs, Model model, int[] searched, double searchScale, UnaryOperator<int[]> refine,
                                DoubleFunction<int[]> search, double minJump, double minTurn) {
        boolean trend = model == Model.NORMAL_TREND;
        Result r = checked(obs, model, refine.apply(searched), searchScale, minJump, minTurn, 0);
        List<Result> seen = new ArrayList<>();
        seen.add(r);
        for (int it = 0; it < ShiftDetector.LONG_RUN_ITERATIONS; it++) {
            double next = scaleOf(obs, r.cps(), trend, r.scale());
            Result again = checked(obs, model, refine.apply(search.apply(next)), next, minJump, minTurn, it + 1);
            int repeat = -1;
            for (int k = 0; k < seen.size(); k++) {
                if (Arrays.equals(seen.get(k).cps(), again.cps())) {
                    repeat = k;
                }
            }
            if (repeat == seen.size() - 1) {
                // consistent: the kept segmentation's own scale gives it back
                return new Result(again.cps(), again.scale(), again.merged(), again.rounds(), true);
            }
            if (repeat >= 0) {
                Result best = seen.get(repeat);
                for (int k = repeat + 1; k < seen.size(); k++) {
                    if (seen.get(k).scale() > best.scale()) {
                        best = seen.get(k);
                    }
                }
                return best;
            }
            seen.add(again);
            r = again;
        }
        return r;
    }

    /** The jump check of {@code refined} at {@code scale}. */
    private static Result checked(Observations obs, Model model, int[] refined, double scale, double minJump, double minTurn, int rounds) {
        List<ShiftDetector.Merged> merged = new ArrayList<>();
        if (!(minJump > 0)) {
            return new Result(refined, scale, merged, rounds, false);
        }
        List<ShiftDetector.Merged> raw = new ArrayList<>();
        int[] kept = ShiftDetector.withoutSmallJumps(SegmentCosts.of(model, obs, scale), refined, minJump * scale, minTurn * scale,
                model == Model.NORMAL_TREND, raw);
        for (ShiftDetector.Merged m : raw) {
            merged.add(new ShiftDetector.Merged(m.index(), obs.date(m.index()), m.jump() / scale));
        }
        return new Result(kept, scale, merged, rounds, false);
    }

    /** The long-run sd of the residuals of {@code cps}, or {@code fallback} where they have none. */
    static double scaleOf(Observations obs, int[] cps, boolean trend, double fallback) {
        double s = ShiftDetector.longRunScale(obs, cps, trend);
        return s > 0 && !Double.isInfinite(s) ? s : fallback;
    }

    private static int indexOf(List<int[]> seen, int[] cps) {
        for (int k = 0; k < seen.size(); k++) {
            if (Arrays.equals(seen.get(k), cps)) {
                return k;
            }
        }
        return -1;
    }
}
