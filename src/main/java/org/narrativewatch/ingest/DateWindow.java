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
 * @param ahead    how far past the clock's "now" a date may be (time zones, scheduled posts)
 * @param clock    "now"
 */
public record DateWindow(LocalDate earliest, Duration ahead, Clock clock) {

    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1900, 1, 1);
    public static final Duration DEFAULT_AHEAD = Duration.ofHours(36);

    public DateWindow {
        earliest = earliest == null ? DEFAULT_EARLIEST : earliest;
        ahead = ahead == null ? DEFAULT_AHEAD : ahead;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    public static DateWindow defaults() {
        return new DateWindow(null, null, null);
    }

    public static DateWindow defaults(Clock clock) {
        return new DateWindow(null, null, clock);
    }

    /** The last accepted instant's day, for messages. */
    public LocalDate latest() {
        return clock.instant().plus(ahead).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Null when {@code published} is inside the window, else why not (the reason class comes first). */
    public String refusal(OffsetDateTime published) {
        if (published.toLocalDate().isBefore(earliest)) {
            return "date before " + earliest + ": " + published + " (the earliest accepted date; --min-date changes it)";
        }
        if (published.toInstant().isAfter(clock.instant().plus(ahead))) {
            return "date in the future: " + published + " (later than " + latest() + "; --max-date changes it)";
        }
        return null;
    }
}
