package org.narrativewatch.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Series;

/**
 * A bucket of a figure's series that covers fewer days than its calendar length ({@code start} .. {@code end}):
 * cut by the window's start or end or by the corpus' first or last day. Its count is not comparable with whole
 * buckets', so the views flag it and no change that needs it makes a claim hold.
 */
public record PartialBucket(LocalDate start, LocalDate end, int days, int length) {

    /** The partial buckets of {@code s} that hold data (a partial bucket with no articles is a gap anyway). */
    static List<PartialBucket> of(Series s) {
        List<PartialBucket> out = new ArrayList<>();
        for (Bucket b : s.buckets()) {
            if (b.partial() && b.days() > 0 && !b.gap()) {
                out.add(new PartialBucket(b.start(), s.by().next(b.start()).minusDays(1), b.days(), s.by().length(b.start())));
            }
        }
        return out;
    }

    /** "2025-06-30 (3 of 7 days)". */
    String text() {
        return start + " (" + days + " of " + length + " days)";
    }

    static String describe(List<PartialBucket> ps) {
        List<String> s = new ArrayList<>();
        ps.forEach(p -> s.add(p.text()));
        return String.join(", ", s);
    }
}
