package org.narrativewatch.cli;

import java.time.Clock;
import java.time.LocalDate;
import org.narrativewatch.DateRangeException;
import org.narrativewatch.ingest.DateWindow;
import picocli.CommandLine.Option;

/**
 * The publication dates a command stores ({@code import}, {@code collect}, {@code serve --collect}):
 * one pair of options, so that files and feeds refuse the same implausible dates for the same
 * counted reasons.
 */
public final class DateWindowOptions {

    @Option(names = "--min-date", paramLabel = "DATE", defaultValue = "1900-01-01",
            description = "Refuse articles published before this day (default: ${DEFAULT-VALUE}).")
    String minDate;

    @Option(names = "--max-date", paramLabel = "DATE",
            description = "Refuse articles published after this day (default: 36 hours from now, moving with the clock).")
    String maxDate;

    /** The window the options give; a usage error names the option when a date is unreadable or the two cross. */
    public DateWindow window(Clock clock) {
        LocalDate earliest = SelectionOptions.date("min-date", minDate);
        LocalDate last = SelectionOptions.date("max-date", maxDate);
        if (earliest != null && last != null && last.isBefore(earliest)) {
            throw new DateRangeException("min-date", earliest, "max-date", last);
        }
        return DateWindow.between(earliest, last, clock);
    }
}
