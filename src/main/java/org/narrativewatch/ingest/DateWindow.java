package org.narrativewatch.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The publication dates an import accepts: from {@code earliest} to {@code ahead} past now. A date
 * outside is a typo or a placeholder (2099, year -1199, epoch 0 written as 1970), and stored as an
 * exact date it would stretch every corpus-wide range (stats, an open timeline) over centuries.
 *
 * @param earliest first accepted day (in the date's own offset)
 * @param ahead    how far past the clock's "now" a date may be (time zones, scheduled posts); moves
 *                 with the clock, which matters to a collector that runs for weeks
 * @param clock    "now"
 * @param last     when set, the last accepted day (in the date's own offset) instead of {@code ahead}:
 *                 a fixed bound that does not move with the clock
 */
public record DateWindow(LocalDate earliest, Duration ahead, Clock clock, LocalDate last) {

    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1900, 1, 1);
    public static final Duration DEFAULT_AHEAD = Duration.ofHours(36);

    public DateWindow {
        earliest = earliest == null ? DEFAULT_EARLIEST : earliest;
        ahead = ahead == null ? DEFAULT_AHEAD : ahead;
        clock = clock == null ? Clock.systemUTC() : clock;
        if (last != null && last.isBefore(earliest)) {
            throw new IllegalArgumentException("the last accepted day " + last + " is before the first " + earliest);
        }
    }

    public DateWindow(LocalDate earliest, Duration ahead, Clock clock) {
        this(earliest, ahead, clock, null);
    }

    /** From {@code earliest} (null: 1900-01-01) to the fixed day {@code last} (null: 36 h from now). */
    public static DateWindow between(LocalDate earliest, LocalDate last, Clock clock) {
        return new DateWindow(earliest, null, clock, last);
    }

    public static DateWindow defaults() {
        return new DateWindow(null, null, null);
    }

    public static DateWindow defaults(Clock clock) {
        return new DateWindow(null, null, clock);
    }

    /** The last accepted day, for messages. */
    public LocalDate latest() {
        return last != null ? last : clock.instant().plus(ahead).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Null when {@code published} is inside the window, else why not (the reason class comes first). */
    public String refusal(OffsetDateTime published) {
        if (published.toLocalDate().isBefore(earliest)) {
            return "date before " + earliest + ": " + published + " (the earliest accepted date; --min-date changes it)";
        }
        if (last != null) {
            return published.toLocalDate().isAfter(last)
                    ? "date after " + last + ": " + published + " (the latest accepted date; --max-date changes it)" : null;
        }
        if (published.toInstant().isAfter(clock.instant().plus(ahead))) {
            return "date in the future: " + published + " (later than " + latest() + "; --max-date changes it)";
        }
        return null;
    }
}
