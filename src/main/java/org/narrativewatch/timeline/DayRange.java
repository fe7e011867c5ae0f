package org.narrativewatch.timeline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A run of calendar days, both ends included: the days a series covers, or the first and last day
 * of a corpus. Engines count into arrays indexed by {@code day - first}.
 */
public record DayRange(LocalDate first, LocalDate last) {

    public DayRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("day range ends before it starts: " + first + ".." + last);
        }
    }

    /** How many days, at least 1. */
    public int length() {
        return (int) (last.toEpochDay() - first.toEpochDay() + 1);
    }

    public int firstEpochDay() {
        return (int) first.toEpochDay();
    }

    public int lastEpochDay() {
        return (int) last.toEpochDay();
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
