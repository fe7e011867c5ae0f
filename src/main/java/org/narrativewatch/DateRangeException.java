package org.narrativewatch;

import java.time.LocalDate;

/**
 * A date range that ends before it starts, with both dates. The CLI says "--to 2022-01-01 is before --from
 * 2022-03-01", the API "parameter to 2022-01-01 is before parameter from 2022-03-01"; {@link #option()} is the
 * end ("to"), the setting to correct.
 */
public final class DateRangeException extends InvalidOptionException {
    private final String fromOption;
    private final LocalDate from;
    private final LocalDate to;

    /** The range of the settings "from" and "to". */
    public DateRangeException(LocalDate from, LocalDate to) {
        this("from", from, "to", to);
    }

    /** A range whose ends are set by other settings ("since", "until"). */
    public DateRangeException(String fromOption, LocalDate from, String toOption, LocalDate to) {
        super(toOption, to + " is before " + FLAG.name(fromOption) + " " + from);
        this.fromOption = fromOption;
        this.from = from;
        this.to = to;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** The setting of the range's start ("from"). */
    public String fromOption() {
        return fromOption;
    }

    @Override
    public String message(Naming naming) {
        return naming.name(option()) + " " + to + " is before " + naming.name(fromOption) + " " + from;
    }
}
