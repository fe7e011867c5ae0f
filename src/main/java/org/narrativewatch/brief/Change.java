package org.narrativewatch.brief;

import java.time.LocalDate;

/**
 * A change point of a figure's series, as the shift detector reported it: the first bucket of the new level
 * ({@code date} .. {@code end}), the levels either side with the detector's relative change and p-value.
 *
 * @param partialOnly null when the change stands on whole buckets; else why it does not: the series has partial
 *                    buckets (cut by the window or the corpus) and, with them left out, the detector finds no change
 *                    this way within one bucket of it. Such a change is drawn and listed, but never makes a claim hold
 */
public record Change(LocalDate date, LocalDate end, double before, double after, double relative, double p,
                     String partialOnly) {
    public Change(LocalDate date, LocalDate end, double before, double after, double relative, double p) {
        this(date, end, before, after, relative, p, null);
    }

    public boolean up() {
        return after > before;
    }

    /** True when the change needs a partial bucket to be seen at all (see {@code partialOnly}). */
    public boolean restsOnPartial() {
        return partialOnly != null;
    }

    Change withPartialOnly(String why) {
        return new Change(date, end, before, after, relative, p, why);
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
