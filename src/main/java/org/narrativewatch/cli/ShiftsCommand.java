package org.narrativewatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;
import org.narrativewatch.explain.ChangeExplainer;
import org.narrativewatch.explain.Explanation;
import org.narrativewatch.explain.ExplanationFormat;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.shift.ChangePoint;
import org.narrativewatch.shift.Crops;
import org.narrativewatch.shift.Estimate;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.Observations;
import org.narrativewatch.shift.SeriesCsv;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftFormat;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nwatch shifts}: when a query's timeline (or any series from a CSV) changed level, and how surely. */
@Command(name = "shifts", mixinStandardHelpOptions = true,
        description = "List change points of a query's timeline, or of a CSV series (--csv): date, level before and after "
                + "with 95%% intervals, relative change, p-value.")
public final class ShiftsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "query whose timeline is analysed")
    String query;

    @Option(names = "--csv", paramLabel = "FILE", description = "analyse a CSV series instead: date,value or date,count,total")
    Path csv;

    @Option(names = "--by", defaultValue = "day", paramLabel = "BUCKET", description = "day, week or month (default: ${DEFAULT-VALUE})")
    Bucketing by;

    @Mixin
    SelectionOptions selectionOptions;

    @Option(names = "--model", defaultValue = "auto",
            description = "auto, poisson, negative-binomial, binomial, normal-mean, normal-meanvar, normal-trend or normal-trendvar "
                    + "(default: ${DEFAULT-VALUE}: binomial on the share when totals vary, else poisson on counts; normal-trend for "
                    + "date,value CSVs)")
    String model;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--crops", paramLabel = "MIN:MAX", description = "penalty sweep: every optimal segmentation for penalties in MIN..MAX")
    String crops;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextCsvJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text)")
    Formats.TextCsvJson format;

    @Option(names = "--explain", description = "say what changed at each change point: the terms and outlets of the query's "
            + "articles after it against before it, and articles that show it (docs/explain.md)")
    boolean explain;

    @Option(names = "--explain-days", defaultValue = "90", paramLabel = "N",
            description = "with --explain: each side spans at most N days from the change (default: ${DEFAULT-VALUE})")
    int explainDays;

    @Override
    public Integer call() throws IOException {
        if ((query == null) == (csv == null)) {
            throw new UserException(query == null ? "give a QUERY or --csv FILE" : "give a QUERY or --csv FILE, not both");
        }
        ShiftOptions opt = detector.apply(ShiftOptions.DEFAULT);
        if (!model.equalsIgnoreCase("auto")) {
            opt = opt.withModel(Model.parse(model));
        }
        Observations obs;
        Series series = null;
        String label;
        Selection sel = selectionOptions.selection();
        if (csv != null) {
            SeriesCsv.Table t = SeriesCsv.read(csv, sel.from(), sel.to());
            label = csv.toString();
            if (t.totals() == null) {
                obs = Observations.of(t.dates(), t.values());
            } else {
                series = t.asSeries(label);
                obs = ShiftDetector.observations(series, opt.model() != null ? opt.model() : ShiftDetector.autoModel(series));
            }
        } else {
            Query q = Query.parse(query);
            Series s;
            try (Engine engine = engineOptions.open()) {
                s = Corpus.of(engine).timeline(q, sel, by, Engine.CountUnit.ARTICLES);
            }
            label = query;
            series = s;
            obs = ShiftDetector.observations(s, opt.model() != null ? opt.model() : ShiftDetector.autoModel(s));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (crops != null) {
            // a timeline's observations are counts or shares: name the model the automatic choice made
            printCrops(out, label, obs, series != null && opt.model() == null ? opt.withModel(ShiftDetector.autoModel(series)) : opt);
            out.flush();
            return 0;
        }
        // a timeline goes in whole, so that the automatic model's choices (cycles, exposure) are the server's
        ShiftResult r = series != null ? ShiftDetector.detect(series, opt) : ShiftDetector.detect(obs, opt);
        List<Explanation> explanations = explain ? explainChanges(r, series, sel) : null;
        switch (format) {
            case JSON -> {
                Map<String, Object> head = new LinkedHashMap<>();
                head.put("query", query);
                if (csv != null) {
                    head.put("csv", csv.toString());
                }
                com.fasterxml.jackson.databind.node.ObjectNode json = ShiftFormat.toJson(head, r);
                if (explanations != null) {
                    attachExplanations(json, explanations);
                }
                Output.json(out, json);
            }
            case CSV -> out.print(explanations == null ? ShiftFormat.toCsv(r) : withExplanationColumns(ShiftFormat.toCsv(r), explanations));
            case TEXT -> {
                out.print(toTable(label, r));
                if (explanations != null) {
                    out.print("\nWhat changed (the query's articles after each change against before it):\n");
                    for (int i = 0; i < explanations.size(); i++) {
                        out.print(r.changes().get(i).date() + "\n" + ChangeExplainer.summary(explanations.get(i), 8));
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    /** One explanation per change point, in order (changes without a date cannot be explained). */
    private List<Explanation> explainChanges(ShiftResult r, Series series, Selection sel) throws IOException {
        if (series == null) {
            throw new InvalidOptionException("explain", "needs a QUERY (a --csv series has no articles to explain)");
        }
        List<LocalDate> dates = r.changes().stream().map(ChangePoint::date).toList();
        if (dates.contains(null) || series.from() == null) {
            throw new InvalidOptionException("explain", "needs dated buckets");
        }
        try (Engine engine = engineOptions.open()) {
            return ChangeExplainer.explain(engine, NameTagger.create(), Query.parse(query), sel,
                    ChangeExplainer.windows(dates, series.from(), series.to(), explainDays), ChangeExplainer.DEFAULT_TOP);
        }
    }

    static void attachExplanations(com.fasterxml.jackson.databind.node.ObjectNode json, List<Explanation> explanations) {
        com.fasterxml.jackson.databind.JsonNode changes = json.get("changes");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < changes.size(); i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) changes.get(i)).set("explain",
                    mapper.valueToTree(ExplanationFormat.toJson(explanations.get(i))));
        }
    }

    private static String withExplanationColumns(String csv, List<Explanation> explanations) {
        String[] lines = csv.split("\n");
        StringBuilder b = new StringBuilder(lines[0]).append(",more_after,less_after\n");
        for (int i = 1; i < lines.length; i++) {
            Explanation e = explanations.get(i - 1);
            b.append(lines[i]).append(',').append(ExplanationFormat.cell(ChangeExplainer.labels(e, "over", 10))).append(',')
                    .append(ExplanationFormat.cell(ChangeExplainer.labels(e, "under", 10))).append('\n');
        }
        return b.toString();
    }

    private static String where(ChangePoint c) {
        return c.date() == null ? "#" + c.index() : c.date().toString();
    }

    static String toTable(String label, ShiftResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %s model, penalty %s = %.2f, min segment %d, %d buckets (%d observed)%s%n",
                label, r.model().wire, r.penalty().wire(), r.penaltyValue(), r.minSegment(), r.n(), r.observed(),
                (r.dispersion() > 1 ? String.format(Locale.ROOT, ", over-dispersion %.2f", r.dispersion()) : "")
                + (Double.isNaN(r.size()) ? "" : String.format(Locale.ROOT, ", size r = %.4g", r.size()))
                + (r.seasonality().isEmpty() ? "" : ", removed " + r.seasonality().stream().map(Object::toString).toList())
                + (r.longRunScale() ? String.format(Locale.ROOT, ", long-run scale %.4g", r.scale()) : "")));
        if (r.changes().isEmpty()) {
            b.append("no change points\n");
            return b.toString();
        }
        boolean online = r.changes().stream().anyMatch(c -> !Double.isNaN(c.posterior()));
        b.append(String.format(Locale.ROOT, "%-12s %-30s %-30s %9s %9s%s%n", "date", "before [95% CI]", "after [95% CI]", "change", "p",
                online ? "  posterior" : ""));
        for (ChangePoint c : r.changes()) {
            b.append(String.format(Locale.ROOT, "%-12s %-30s %-30s %9s %9.2g%s%n", where(c), level(c.before()), level(c.after()),
                    Double.isFinite(c.relative()) ? String.format(Locale.ROOT, "%+.0f%%", 100 * c.relative()) : "-", c.p(),
                    online ? String.format(Locale.ROOT, "  %9.3f", c.posterior()) : ""));
        }
        for (org.narrativewatch.shift.Pulse p : org.narrativewatch.shift.Pulse.of(r)) {
            b.append(String.format(Locale.ROOT, "pulse (%s): %s .. %s, %d bucket%s, %.4g -> %.4g -> %.4g, p %.2g%n", p.peak() ? "up and down" : "down and up",
                    p.from() == null ? "#" + p.start() : p.from(), p.to() == null ? "#" + p.end() : p.to(), p.length(), p.length() == 1 ? "" : "s",
                    p.before().level(), p.level().level(), p.after().level(), p.p()));
        }
        return b.toString();
    }

    private static String level(Estimate e) {
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", e.level(), e.lo(), e.hi());
    }

    private void printCrops(PrintWriter out, String label, Observations obs, ShiftOptions opt) {
        String[] parts = crops.split(":");
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(parts[0]);
            hi = Double.parseDouble(parts.length == 2 ? parts[1] : "x");
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("crops", "must be MIN:MAX (two numbers), not '" + crops + "'");
        }
        List<Crops.Run> runs = ShiftDetector.crops(obs, opt, lo, hi);
        if (format == Formats.TextCsvJson.JSON) {
            List<Object> sweep = new ArrayList<>();
            for (Crops.Run run : runs) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("penalty", run.penalty());
                x.put("cost", run.cost());
                x.put("changes", dates(obs, run.changes()));
                sweep.add(x);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("query", query);
            m.put("model", opt.model() == null ? ShiftDetector.autoModel(obs).wire : opt.model().wire);
            m.put("crops", sweep);
            Output.json(out, m);
            return;
        }
        boolean csvOut = format == Formats.TextCsvJson.CSV;
        String sep = csvOut ? "," : "  ";
        out.print(csvOut ? "penalty,count,changes\n" : label + ": penalty sweep (CROPS)\npenalty  count  changes\n");
        for (Crops.Run run : runs) {
            List<String> d = dates(obs, run.changes());
            if (!csvOut && d.size() > 12) { // a table row stays readable; csv and json list all
                d = new ArrayList<>(d.subList(0, 12));
                d.add("... (" + (run.changes().length - 12) + " more)");
            }
            out.print(String.format(Locale.ROOT, "%.3f", run.penalty()) + sep + run.changes().length + sep
                    + String.join(csvOut ? ";" : " ", d) + "\n");
        }
    }

    private static List<String> dates(Observations obs, int[] idx) {
        List<String> out = new ArrayList<>();
        for (int i : idx) {
            out.add(obs.date(i) == null ? Integer.toString(i) : obs.date(i).toString());
        }
        return out;
    }
}
