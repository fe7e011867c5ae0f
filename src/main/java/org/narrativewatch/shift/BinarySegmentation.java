package org.narrativewatch.shift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binary segmentation: split the segment whose best single split gains most, while the gain
 * (cost decrease) exceeds the penalty. Approximate but simple; O(n log n) for balanced splits.
 * Kept beside PELT for comparison with R's cpt.*(method = "BinSeg").
 */
public final class BinarySegmentation {
    private BinarySegmentation() {}

    private record Split(int start, int end, int at, double gain) {}

    public static int[] run(SegmentCost cost, double penalty, int minSegment, int maxChanges) {
        int minSeg = Math.max(1, minSegment);
        List<Split> open = new ArrayList<>();
        List<Integer> changes = new ArrayList<>();
        Split first = best(cost, 0, cost.size(), minSeg);
        if (first != null) {
            open.add(first);
        }
        while (!open.isEmpty() && changes.size() < maxChanges) {
            Split top = open.get(0);
            for (Split s : open) {
                if (s.gain > top.gain) {
                    top = s;
                }
            }
            if (!(top.gain > penalty)) {
                break;
            }
            open.remove(top);
            changes.add(top.at);
            for (Split s : new Split[] {best(cost, top.start, top.at, minSeg), best(cost, top.at, top.end, minSeg)}) {
                if (s != null) {
                    open.add(s);
                }
            }
        }
        int[] out = changes.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private static Split best(SegmentCost cost, int start, int end, int minSeg) {
        if (end - start < 2 * minSeg) {
            return null;
        }
        double whole = cost.cost(start, end);
        Split best = null;
        for (int k = start + minSeg; k <= end - minSeg; k++) {
            double gain = whole - cost.cost(start, k) - cost.cost(k, end);
            if (best == null || gain > best.gain) {
                best = new Split(start, end, k, gain);
            }
        }
        return best;
    }
}
