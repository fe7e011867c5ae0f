package org.narrativewatch.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.index.Selection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** --from/--to/--outlet/--group/--lang: which articles a timeline or search looks at. */
public final class SelectionOptions {

    static final String FROM = "First day (YYYY-MM-DD); default: the corpus's first.";
    static final String TO = "Last day, inclusive; default: the corpus's last.";
    static final String OUTLET = "Only these outlets (repeat or comma-separate).";
    static final String GROUP = "Only these outlet groups (state, independent, ...).";
    static final String LANG = "Only these languages (ru, uk, en, ...).";

    @Option(names = "--from", paramLabel = "DATE", description = FROM)
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = TO)
    String to;

    @Option(names = "--outlet", paramLabel = "NAME", split = ",", description = OUTLET)
    List<String> outlets = List.of();

    @Option(names = "--group", paramLabel = "GROUP", split = ",", description = GROUP)
    List<String> groups = List.of();

    @Option(names = "--lang", paramLabel = "LANG", split = ",", description = LANG)
    List<String> langs = List.of();

    /** The options above, built without reading their annotations and bound to {@code o}'s fields (see EngineOptions.addTo). */
    static void addTo(CommandSpec spec, SelectionOptions o) {
        spec.addOption(OptionModel.option(OptionSpec.builder("--from").paramLabel("DATE").description(FROM).type(String.class),
                () -> o.from, v -> o.from = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--to").paramLabel("DATE").description(TO).type(String.class),
                () -> o.to, v -> o.to = v));
        spec.addOption(OptionModel.option(list("--outlet", "NAME", OUTLET), () -> o.outlets, v -> o.outlets = v));
        spec.addOption(OptionModel.option(list("--group", "GROUP", GROUP), () -> o.groups, v -> o.groups = v));
        spec.addOption(OptionModel.option(list("--lang", "LANG", LANG), () -> o.langs, v -> o.langs = v));
    }

    private static OptionSpec.Builder list(String name, String label, String description) {
        return OptionSpec.builder(name).paramLabel(label).splitRegex(",").description(description)
                .type(List.class).auxiliaryTypes(String.class);
    }

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
