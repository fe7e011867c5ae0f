package org.narrativewatch.index;

import java.util.Map;
import org.narrativewatch.timeline.DayRange;

/**
 * What an engine counts for a timeline: per facet value, the matches and the totals of each day of
 * {@code days} ({@code [i]} is day {@code days.first() + i}). Values without matches may be absent
 * from {@code matches}; every value with an article in the selection is in {@code totals}.
 *
 * @param covered the corpus' first to last article day; null for an empty corpus
 * @param days    the days counted (the selection's, see {@link Selection#days}); null when the
 *                selection has none (an empty corpus with an open end, or an empty range), and then
 *                both maps are empty
 */
public record DayCounts(DayRange covered, DayRange days, Map<String, long[]> matches, Map<String, long[]> totals) {

    /** The key of the single entry when no facet was asked for. */
    public static final String WHOLE = "";

    public DayCounts {
        matches = Map.copyOf(matches);
        totals = Map.copyOf(totals);
    }

    /** Nothing to count: the selection has no days in this corpus. */
    public static DayCounts none(DayRange covered) {
        return new DayCounts(covered, null, Map.of(), Map.of());
    }
}
