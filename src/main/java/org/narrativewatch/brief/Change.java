package org.narrativewatch.brief;

import java.time.LocalDate;

/**
 * A change point of a figure's series, as the shift detector reported it: the first bucket of the new level
 * ({@code date} .. {@code end}), the levels either side with the detector's relative change and p-value.
 */
public record Change(LocalDate date, LocalDate end, double before, double after, double relative, double p) {
    public boolean up() {
        return after > before;
    }

    /** Days from {@code d} to this change's bucket (0 when {@code d} falls inside it). */
    public long daysFrom(LocalDate d) {
        if (d.isBefore(date)) {
            return java.time.temporal.ChronoUnit.DAYS.between(d, date);
        }
        if (d.isAfter(end)) {
            return java.time.temporal.ChronoUnit.DAYS.between(end, d);
        }
        return 0;
    }
}
