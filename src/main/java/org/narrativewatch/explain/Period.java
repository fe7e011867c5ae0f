package org.narrativewatch.explain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.narrativewatch.UserException;
import org.narrativewatch.timeline.Bucketing;

/** Buckets of collocates over time: ISO weeks (Monday), months, calendar quarters, years. */
public enum Period {
    WEEK, MONTH, QUARTER, YEAR;

    public LocalDate start(LocalDate d) {
        return switch (this) {
            case WEEK -> Bucketing.WEEK.start(d);
            case MONTH -> Bucketing.MONTH.start(d);
            case QUARTER -> LocalDate.of(d.getYear(), (d.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(d.getYear(), 1, 1);
        };
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UserException("--by must be week, month, quarter or year, not '" + s + "'");
        }
    }
}
