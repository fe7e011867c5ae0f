package org.narrativewatch.timeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** Calendar buckets a series is folded into. Weeks are ISO weeks, starting on Monday. */
public enum Bucketing {
    DAY, WEEK, MONTH;

    /** The first day of the bucket that holds {@code d}. */
    public LocalDate start(LocalDate d) {
        return switch (this) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** Calendar days in the bucket starting at {@code start}: 1, 7, or the month's length. */
    public int length(LocalDate start) {
        return switch (this) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> start.lengthOfMonth();
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Bucketing parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.narrativewatch.InvalidOptionException("by", "must be day, week or month, not '" + s + "'");
        }
    }
}
