package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.DateRangeException;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.Penalty;
import org.narrativewatch.shift.ShiftFormat;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import org.narrativewatch.territory.DayStats;
import org.narrativewatch.territory.Scenario;
import org.narrativewatch.territory.ScenarioResult;
import org.narrativewatch.territory.Territory;
import org.narrativewatch.territory.TerritoryFormat;
import org.narrativewatch.territory.TerritorySeries;
import org.narrativewatch.territory.TerritoryShifts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch territory stats|series|scenario}: control areas, the line of contact, people, scenarios. */
@Command(name = "territory", mixinStandardHelpOptions = true,
        description = {"Territory accounting from dated control maps: occupied area and census-era population per region, "
            + "the line of contact and the population near it, series over dates, and proposed-line scenarios.",
            "--data DIR has the layout of ../shared/data/geo: occupied/, regions/, settlements/. See docs/territory.md."},
        subcommands = {TerritoryCommand.Stats.class, TerritoryCommand.SeriesCmd.class, TerritoryCommand.ScenarioCmd.class,
            TerritoryFocusCommand.class})
public final class TerritoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: stats, series or scenario");
    }

    static final ObjectMapper JSON = Output.json();

    /** Options every subcommand shares. */
    static final class DataOptions {
        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Data folder with occupied/, regions/, settlements/ (e.g. ../shared/data/geo).")
        Path data;

        @Option(names = "--near", split = ",", paramLabel = "KM", defaultValue = "5,10,20,50",
                description = "Distances from the line of contact, km (default: ${DEFAULT-VALUE}).")
        int[] near;

        Territory load() {
            return Territory.load(data);
        }

        List<Integer> bands() {
            return Territory.bands(near);
        }
    }

    static void warn(CommandLine.Model.CommandSpec spec, String note) {
        if (note != null) {
            spec.commandLine().getErr().println("nwatch: note: " + note);
            spec.commandLine().getErr().flush();
        }
    }

    static void print(CommandLine.Model.CommandSpec spec, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }

    static String json(ObjectNode o) {
        return Output.jsonText(o);
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Figures for one date (a missing date takes the latest snapshot before it, and says so).")
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        DataOptions data = new DataOptions();
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Date of the control map.")
        String date;
        @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text).")
        Formats.TextJson format;

        @Override
        public Integer call() {
            LocalDate d = SelectionOptions.date("date", date);
            Territory t = data.load();
            DayStats s = t.stats(d, data.bands());
            warn(spec, s.note());
            print(spec, format == Formats.TextJson.JSON ? json(TerritoryFormat.stats(s, t)) : TerritoryFormat.statsTable(s));
            return 0;
        }
    }

    @Command(name = "series", mixinStandardHelpOptions = true,
            description = "The same figures for every snapshot date (or every N-th) in a range, as CSV or JSON.")
    static final class SeriesCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        DataOptions data = new DataOptions();
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date (default: the first snapshot).")
        String from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date (default: the last snapshot).")
        String to;
        @Option(names = "--every", defaultValue = "1", paramLabel = "N", description = "Take every N-th snapshot date (default: 1).")
        int every;
        @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", converter = Formats.CsvJsonConverter.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Formats.CsvJson format;
        @Option(names = "--shifts", arity = "0..1", fallbackValue = "", split = ",", paramLabel = "COLUMN",
                description = {"Change points of these columns (comma-separated; none named: occupied_km2, contact_line_km and "
                        + "the population on each side within the smallest --near band) from the shift detector: JSON gets "
                        + "\"shifts\": {column: {model, changes, ...}} as 'nwatch shifts'; CSV gets trailing '# shift:' lines."})
        List<String> shifts;
        @Option(names = "--shift-model", defaultValue = "auto", paramLabel = "MODEL",
                description = "Model for --shifts: auto (normal-trend for these series), normal-mean, normal-meanvar or "
                        + "normal-trend (default: ${DEFAULT-VALUE}).")
        String shiftModel;
        @Option(names = "--shift-penalty", defaultValue = "bic", paramLabel = "PENALTY",
                description = "Penalty for --shifts: bic, mbic, a number or k*log(n) (default: ${DEFAULT-VALUE}).")
        String shiftPenalty;

        @Override
        public Integer call() {
            LocalDate f = from == null ? null : SelectionOptions.date("from", from);
            LocalDate u = to == null ? null : SelectionOptions.date("to", to);
            if (f != null && u != null && u.isBefore(f)) {
                throw new DateRangeException(f, u);
            }
            ShiftOptions options = shifts == null ? null : shiftOptions(shiftModel, shiftPenalty);
            Territory t = data.load();
            TerritorySeries s = t.series(f, u, every, data.bands());
            Map<String, ShiftResult> found = null;
            if (shifts != null) {
                List<String> cols = shifts.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
                found = TerritoryShifts.detect(s, cols.isEmpty() ? TerritoryShifts.defaultColumns(s) : cols, options);
            }
            if (format == Formats.CsvJson.CSV) {
                print(spec, TerritoryFormat.seriesCsv(s) + (found == null ? "" : shiftsCsv(found)));
            } else {
                ObjectNode o = TerritoryFormat.series(s);
                if (found != null) {
                    o.set("shifts", shiftsJson(found));
                }
                print(spec, json(o));
            }
            return 0;
        }
    }

    /** Detector settings for territory columns; count models make no sense for areas and lengths. */
    static ShiftOptions shiftOptions(String model, String penalty) {
        ShiftOptions o;
        Model m;
        try {
            o = ShiftOptions.DEFAULT.withPenalty(Penalty.parse(penalty));
            m = model.equalsIgnoreCase("auto") ? null : Model.parse(model);
        } catch (InvalidOptionException e) {
            throw e.as("shift-" + e.option()); // this command's flags for the detector's settings
        }
        if (m == Model.POISSON || m == Model.BINOMIAL || m == Model.NEGATIVE_BINOMIAL) {
            throw new InvalidOptionException("shift-model", model + " needs counts; territory columns are areas, lengths and "
                    + "populations: use auto, normal-mean, normal-meanvar or normal-trend");
        }
        return m == null ? o : o.withModel(m);
    }

    /** Per column the same object as {@code nwatch shifts --format json} (without its query field). */
    static ObjectNode shiftsJson(Map<String, ShiftResult> found) {
        ObjectNode out = JSON.createObjectNode();
        found.forEach((column, r) -> out.set(column, ShiftFormat.toJson(r)));
        return out;
    }

    /**
     * Change points as trailing {@code #} comment lines, so the series CSV above them reads unchanged
     * (every CSV reader of the project skips {@code #} lines): a header, then one line per change.
     */
    static String shiftsCsv(Map<String, ShiftResult> found) {
        StringBuilder b = new StringBuilder();
        b.append("# shifts: column,model,date,index,before,before_lo,before_hi,after,after_lo,after_hi,relative_change,p\n");
        for (Map.Entry<String, ShiftResult> e : found.entrySet()) {
            String model = e.getValue().model().wire;
            List<String> rows = ShiftFormat.toCsv(e.getValue()).lines().skip(1).toList();
            if (rows.isEmpty()) {
                b.append("# shift: ").append(e.getKey()).append(',').append(model).append(",no change points\n");
            }
            for (String row : rows) {
                b.append("# shift: ").append(e.getKey()).append(',').append(model).append(',').append(row).append('\n');
            }
        }
        return b.toString();
    }

    /** A scenario's outputs: its table as text, csv or json, or its overlay as GeoJSON. */
    enum ScenarioFormat {
        TEXT, CSV, JSON, GEOJSON;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final class ScenarioFormatConverter extends Formats.Converter<ScenarioFormat> {
        ScenarioFormatConverter() {
            super(ScenarioFormat.class);
        }
    }

    @Command(name = "scenario", mixinStandardHelpOptions = true,
            description = "What a proposed line or exchange (YAML or JSON file; see examples/scenarios/) changes: "
                    + "land and census-era population passing to each side, per region.")
    static final class ScenarioCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (.yaml, .yml or .json).")
        Path file;
        @CommandLine.Mixin
        DataOptions data = new DataOptions();
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Date of the control map to compare with.")
        String date;
        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = ScenarioFormatConverter.class,
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text).")
        ScenarioFormat format;

        @Override
        public Integer call() {
            LocalDate d = SelectionOptions.date("date", date);
            Scenario scenario = Scenario.read(file);
            Territory t = data.load();
            ScenarioResult r = t.scenario(scenario, d);
            warn(spec, r.note());
            print(spec, switch (format) {
                case CSV -> TerritoryFormat.scenarioCsv(r);
                case JSON -> json(TerritoryFormat.scenario(r));
                case GEOJSON -> json(TerritoryFormat.scenarioGeoJson(r, t.projection()));
                case TEXT -> TerritoryFormat.scenarioTable(r);
            });
            return 0;
        }
    }
}
