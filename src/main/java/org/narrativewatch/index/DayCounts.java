package org.narrativewatch.index;

import java.util.Map;
import org.narrativewatch.timeline.DayRange;

/**
 * What an engine counts for a timeline: per facet value, the matches and the totals of each day of
 * {@code days} ({@code [i]} is day {@code days.first() + i}). Values without matches may be absent
 * from {@code matches}; every value with an article in the selection is in {@code totals}.
 */
public record DayCounts(DayRange days, Map<String, long[]> matches, Map<String, long[]> totals) {

    /** The key of the single entry when no facet was asked for. */
    public static final String WHOLE = "";

    public DayCounts {
        matches = Map.copyOf(matches);
        totals = Map.copyOf(totals);
    }

    /** One pair of arrays, no facet. */
    public static DayCounts whole(DayRange days, long[] matches, long[] totals) {
        return new DayCounts(days, Map.of(WHOLE, matches), Map.of(WHOLE, totals));
    }
}
