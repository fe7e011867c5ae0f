package org.narrativewatch.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.index.Selection;
import picocli.CommandLine.Option;

/** --from/--to/--outlet/--group/--lang: which articles a timeline or search looks at. */
public final class SelectionOptions {

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD); default: the corpus's first.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive; default: the corpus's last.")
    String to;

    @Option(names = "--outlet", paramLabel = "NAME", split = ",", description = "Only these outlets (repeat or comma-separate).")
    List<String> outlets = List.of();

    @Option(names = "--group", paramLabel = "GROUP", split = ",", description = "Only these outlet groups (state, independent, ...).")
    List<String> groups = List.of();

    @Option(names = "--lang", paramLabel = "LANG", split = ",", description = "Only these languages (ru, uk, en, ...).")
    List<String> langs = List.of();

    public Selection selection() {
        return new Selection(date("from", from), date("to", to), new LinkedHashSet<>(outlets),
                new LinkedHashSet<>(groups), Set.copyOf(langs));
    }

    /** The date given for the option named {@code option} ("from"), or null. */
    static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return org.narrativewatch.index.RangeBounds.checkYear(option, LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidOptionException(option, "takes a date as YYYY-MM-DD, not '" + value + "'");
        }
    }
}
