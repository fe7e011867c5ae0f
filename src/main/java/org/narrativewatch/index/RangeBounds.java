package org.narrativewatch.index;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.DayRange;

/**
 * Bounds on the date range of a series, for every engine and every caller (CLI, API): the range is
 * never wider than the corpus ({@link Selection#days}), and it may hold at most {@link #MAX_BUCKETS} buckets.
 * Without this, {@code from=0001-01-01&to=9999-12-31&by=day} built 3.65 million buckets (245 MB of
 * JSON, the server grown from 356 MB to 3.8 GB).
 */
public final class RangeBounds {
    private RangeBounds() {}

    /** At most this many buckets in one series: 109 years by day. */
    public static final int MAX_BUCKETS = 40_000;

    /** Refuses a range of more than {@link #MAX_BUCKETS} buckets (the range is already bounded by the corpus). */
    public static void checkBuckets(DayRange days, Bucketing by) {
        long buckets = buckets(days.first(), days.last(), by);
        if (buckets > MAX_BUCKETS) {
            throw new InvalidOptionException("by", by.wire() + " from " + days.first() + " to " + days.last() + " is " + buckets
                    + " buckets, more than " + MAX_BUCKETS + ": use a coarser one (week, month) or a shorter range");
        }
    }

    static long buckets(LocalDate from, LocalDate to, Bucketing by) {
        LocalDate a = by.start(from);
        LocalDate b = by.start(to);
        return switch (by) {
            case DAY -> ChronoUnit.DAYS.between(a, b) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(a, b) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(a, b) + 1;
        };
    }

    /**
     * A date a user typed for the setting {@code option} ("from"), refused unless its year is 1..9999 (a year such
     * as -999999999 broke day arithmetic).
     */
    public static LocalDate checkYear(String option, LocalDate d) {
        if (d != null && (d.getYear() < 1 || d.getYear() > 9999)) {
            throw new InvalidOptionException(option, ": the year must be between 1 and 9999, not " + d.getYear());
        }
        return d;
    }
}
