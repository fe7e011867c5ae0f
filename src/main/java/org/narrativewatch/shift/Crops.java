package org.narrativewatch.shift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CROPS (Haynes, Eckley and Fearnhead 2017): every optimal segmentation for penalties in
 * [min, max], found with few PELT runs by solving for the penalty at which two segmentations
 * cost the same. Shows which changes survive over a range of penalties.
 */
public final class Crops {
    private Crops() {}

    /** One optimal segmentation and the penalty it was computed at. */
    public record Run(double penalty, int[] changes, double cost) {}

    /** Distinct segmentations, from the largest penalty (fewest changes) to the smallest. */
    public static List<Run> sweep(SegmentCost cost, double minPenalty, double maxPenalty, int minSegment) {
        if (!(minPenalty >= 0) || !(maxPenalty >= minPenalty)) {
            throw new org.narrativewatch.UserException("CROPS needs 0 <= min penalty <= max penalty, not " + minPenalty + ".." + maxPenalty);
        }
        List<Run> runs = new ArrayList<>();
        Run lo = run(cost, minPenalty, minSegment);
        Run hi = run(cost, maxPenalty, minSegment);
        runs.add(lo);
        if (hi.changes.length != lo.changes.length) {
            runs.add(hi);
            refine(cost, lo, hi, minSegment, runs, 0);
        }
        runs.sort(Comparator.comparingDouble(Run::penalty).reversed());
        List<Run> distinct = new ArrayList<>();
        for (Run r : runs) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1).changes.length != r.changes.length) {
                distinct.add(r);
            }
        }
        return distinct;
    }

    private static void refine(SegmentCost cost, Run lo, Run hi, int minSegment, List<Run> runs, int depth) {
        int m0 = lo.changes.length;
        int m1 = hi.changes.length;
        if (m0 <= m1 + 1 || depth > 60) {
            return;
        }
        double between = (hi.cost - lo.cost) / (m0 - m1);
        Run mid = run(cost, between, minSegment);
        if (mid.changes.length == m1 || mid.changes.length == m0) {
            return;
        }
        runs.add(mid);
        refine(cost, lo, mid, minSegment, runs, depth + 1);
        refine(cost, mid, hi, minSegment, runs, depth + 1);
    }

    private static Run run(SegmentCost cost, double penalty, int minSegment) {
        Pelt.Result r = Pelt.run(cost, penalty, minSegment, false);
        return new Run(penalty, r.changes(), r.cost());
    }
}
