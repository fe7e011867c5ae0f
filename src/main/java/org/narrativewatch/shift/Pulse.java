package org.narrativewatch.shift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A burst of attention that comes and goes: a segment above both its neighbours (or below both, a dip)
 * and no longer than either of them, i.e. a change up followed by a change down. Read from a detection
 * result, so a pulse is reported exactly when both of its changes are.
 *
 * @param start    first bucket of the raised (or lowered) segment; {@code end} its last bucket (inclusive)
 * @param from     date of the first bucket; {@code to} date of the last (null for index-only series)
 * @param peak     true for a rise and fall, false for a dip and recovery
 * @param before   level of the segment before, {@code level} of the pulse, {@code after} of the segment after
 * @param p        the larger of the two changes' p-values: both must hold for a pulse (an intersection-union
 *                 test), nominal like theirs
 */
public record Pulse(int start, int end, LocalDate from, LocalDate to, boolean peak, Estimate before, Estimate level,
                   Estimate after, double p) {

    public int length() {
        return end - start + 1;
    }

    public static List<Pulse> of(ShiftResult r) {
        List<Pulse> out = new ArrayList<>();
        List<Segment> seg = r.segments();
        for (int i = 1; i + 1 < seg.size(); i++) {
            Segment prev = seg.get(i - 1);
            Segment mid = seg.get(i);
            Segment next = seg.get(i + 1);
            double lp = prev.level().level();
            double lm = mid.level().level();
            double ln = next.level().level();
            boolean peak = lm > lp && lm > ln;
            boolean dip = lm < lp && lm < ln;
            int len = mid.end() - mid.start();
            if ((peak || dip) && len <= prev.end() - prev.start() && len <= next.end() - next.start()) {
                double p = Math.max(r.changes().get(i - 1).p(), r.changes().get(i).p());
                out.add(new Pulse(mid.start(), mid.end() - 1, mid.from(), mid.to(), peak, prev.level(), mid.level(), next.level(), p));
            }
        }
        return out;
    }
}
