package org.narrativewatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.narrativewatch.shift.Penalty;
import org.narrativewatch.shift.Segment;
import org.narrativewatch.shift.SeriesCsv;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nwatch shifts}: when a query's timeline (or any series from a CSV) changed level, and how surely. */
@Command(name = "shifts", mixinStandardHelpOptions = true,
        description = "List change points of a query's timeline, or of a CSV series (--csv): date, level before and after "
                + "with 95%% intervals, relative change, p-value.")
public final class ShiftsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Mixin
    EngineOptions engineOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "query whose timeline is analysed")
    String query;

    @Option(names = "--csv", paramLabel = "FILE", description = "analyse a CSV series instead: date,value or date,count,total")
    Path csv;

    @Option(names = "--by", defaultValue = "day", description = "day, week or month (default: ${DEFAULT-VALUE})")
    String by;

    @Mixin
    SelectionOptions selectionOptions;

    @Option(names = "--model", defaultValue = "auto",
            description = "auto, poisson, binomial, normal-mean, normal-meanvar or normal-trend (default: ${DEFAULT-VALUE}: "
                    + "binomial on the share when totals vary, else poisson on counts; normal-trend for date,value CSVs)")
    String model;

    @Option(names = "--penalty", defaultValue = "bic", description = "mbic, bic, a number, or k*log(n) (default: ${DEFAULT-VALUE})")
    String penalty;

    @Option(names = "--min-segment", defaultValue = "0", paramLabel = "N", description = "shortest segment in buckets (default: the model's minimum)")
    int minSegment;

    @Option(names = "--method", defaultValue = "pelt", description = "pelt (exact), binseg, or bocpd (online Bayesian; reports a posterior) (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--robust", description = "treat single-bucket spikes as missing before segmenting")
    boolean robust;

    @Option(names = "--no-dispersion", description = "pure Poisson/binomial costs (R's), no over-dispersion correction")
    boolean noDispersion;

    @Option(names = "--crops", paramLabel = "MIN:MAX", description = "penalty sweep: every optimal segmentation for penalties in MIN..MAX")
    String crops;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--explain", description = "say what changed at each change point: the terms and outlets of the query's "
            + "articles after it against before it, and articles that show it (docs/explain.md)")
    boolean explain;

    @Option(names = "--explain-days", defaultValue = "90", paramLabel = "N",
            description = "with --explain: each side spans at most N days from the change (default: ${DEFAULT-VALUE})")
    int explainDays;

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "json", "csv").contains(fmt)) {
            throw new UserException("--format must be table, json or csv, not '" + format + "'");
        }
        if ((query == null) == (csv == null)) {
            throw new UserException(query == null ? "give a QUERY or --csv FILE" : "give a QUERY or --csv FILE, not both");
        }
        if (minSegment < 0) {
            throw new UserException("--min-segment must be >= 0, not " + minSegment);
        }
        ShiftOptions opt = ShiftOptions.DEFAULT.withPenalty(Penalty.parse(penalty)).withMinSegment(minSegment)
                .withDispersion(!noDispersion).withMethod(ShiftOptions.Method.parse(method));
        if (robust) {
            opt = opt.withRobust(true); // otherwise the model's default (on for the automatic Gaussian one)
        }
        if (!model.equalsIgnoreCase("auto")) {
            opt = opt.withModel(Model.parse(model));
        }
        if (explain && query == null) {
            throw new UserException("--explain needs a QUERY (a CSV series has no articles to explain)");
        }
        if (explainDays < 1) {
            throw new UserException("--explain-days must be at least 1, not " + explainDays);
        }
        Observations obs;
        String label;
        Series series = null;
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
            Bucketing b = Bucketing.parse(by);
            Query q = Query.parse(query);
            Series s;
            try (Engine engine = engineOptions.open()) {
                s = Corpus.of(engine).timeline(q, sel, b, Engine.CountUnit.ARTICLES);
            }
            label = query;
            series = s;
            obs = ShiftDetector.observations(s, opt.model() != null ? opt.model() : ShiftDetector.autoModel(s));
        }
        if (crops != null) {
            // a timeline's observations are counts or shares: name the model the automatic choice made
            printCrops(label, obs, series != null && opt.model() == null ? opt.withModel(ShiftDetector.autoModel(series)) : opt, fmt);
            out().flush();
            return 0;
        }
        // a timeline goes in whole, so that the automatic model's choices (cycles, exposure) are the server's
        ShiftResult r = series != null ? ShiftDetector.detect(series, opt) : ShiftDetector.detect(obs, opt);
        List<Explanation> explanations = explain ? explainChanges(r, series, sel) : null;
        switch (fmt) {
            case "json" -> {
                Map<String, Object> json = toJson(query, csv, r);
                if (explanations != null) {
                    attachExplanations(json, explanations);
                }
                out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            }
            case "csv" -> out().print(explanations == null ? toCsv(r) : withExplanationColumns(toCsv(r), explanations));
            default -> {
                out().print(toTable(label, r));
                if (explanations != null) {
                    out().print("\nWhat changed (the query's articles after each change against before it):\n");
                    for (int i = 0; i < explanations.size(); i++) {
                        out().print(r.changes().get(i).date() + "\n" + ChangeExplainer.summary(explanations.get(i), 8));
                    }
                }
            }
        }
        out().flush();
        return 0;
    }

    /** One explanation per change point, in order (changes without a date cannot be explained and get none). */
    private List<Explanation> explainChanges(ShiftResult r, Series series, Selection sel) throws IOException {
        List<LocalDate> dates = r.changes().stream().map(ChangePoint::date).toList();
        if (dates.contains(null) || series.from() == null) {
            throw new UserException("--explain needs dated buckets");
        }
        try (Engine engine = engineOptions.open()) {
            return ChangeExplainer.explain(engine, NameTagger.create(), Query.parse(query), sel,
                    ChangeExplainer.windows(dates, series.from(), series.to(), explainDays), ChangeExplainer.DEFAULT_TOP);
        }
    }

    @SuppressWarnings("unchecked")
    static void attachExplanations(Map<String, Object> json, List<Explanation> explanations) {
        List<Object> changes = (List<Object>) json.get("changes");
        for (int i = 0; i < changes.size(); i++) {
            ((Map<String, Object>) changes.get(i)).put("explain", ExplanationFormat.toJson(explanations.get(i)));
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

    static Map<String, Object> toJson(String query, Path csv, ShiftResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", query);
        if (csv != null) {
            m.put("csv", csv.toString());
        }
        m.put("model", r.model().wire);
        m.put("penalty", r.penalty().wire());
        m.put("penalty_value", r.penaltyValue());
        m.put("min_segment", r.minSegment());
        m.put("n", r.n());
        m.put("observed", r.observed());
        m.put("dispersion", r.dispersion());
        if (r.model() == Model.NORMAL_MEAN || r.model() == Model.NORMAL_TREND || r.model() == Model.NORMAL_MEANVAR) {
            m.put("scale", r.scale());
            m.put("scale_kind", r.longRunScale() ? "long-run sd within segments" : "sd around the no-change fit");
        }
        m.put("seasonal", r.seasonality().stream().map(ShiftsCommand::cycle).toList());
        List<Object> changes = new ArrayList<>();
        for (ChangePoint c : r.changes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("date", c.date() == null ? null : c.date().toString());
            x.put("index", c.index());
            x.put("before", num(c.before().level()));
            x.put("after", num(c.after().level()));
            x.put("before_ci", ci(c.before()));
            x.put("after_ci", ci(c.after()));
            x.put("relative_change", num(c.relative()));
            x.put("p", num(c.p()));
            if (!Double.isNaN(c.posterior())) {
                x.put("posterior", c.posterior());
            }
            changes.add(x);
        }
        m.put("changes", changes);
        List<Object> segs = new ArrayList<>();
        for (Segment s : r.segments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("from", s.from() == null ? null : s.from().toString());
            x.put("to", s.to() == null ? null : s.to().toString());
            x.put("start", s.start());
            x.put("end", s.end());
            x.put("observed", s.observed());
            x.put("level", num(s.level().level()));
            x.put("ci", ci(s.level()));
            segs.add(x);
        }
        m.put("segments", segs);
        m.put("pulses", org.narrativewatch.shift.Pulse.of(r).stream().map(EvalEventsCommand::pulse).toList());
        m.put("outliers", r.outliers());
        return m;
    }

    /** A calendar cycle removed before detection: which, its test, and its profile (components or factors). */
    private static Map<String, Object> cycle(org.narrativewatch.shift.Seasonality s) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("cycle", s.cycle().wire);
        x.put("kind", s.multiplicative() ? "factor" : "component");
        x.put("f", num(s.f()));
        x.put("p", num(s.p()));
        x.put("profile", Arrays.stream(s.profile()).boxed().toList());
        return x;
    }

    private static Double num(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static List<Double> ci(Estimate e) {
        return Arrays.asList(num(e.lo()), num(e.hi()));
    }

    private static String where(ChangePoint c) {
        return c.date() == null ? "#" + c.index() : c.date().toString();
    }

    static String toTable(String label, ShiftResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %s model, penalty %s = %.2f, min segment %d, %d buckets (%d observed)%s%n",
                label, r.model().wire, r.penalty().wire(), r.penaltyValue(), r.minSegment(), r.n(), r.observed(),
                (r.dispersion() > 1 ? String.format(Locale.ROOT, ", over-dispersion %.2f", r.dispersion()) : "")
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

    static String toCsv(ShiftResult r) {
        StringBuilder b = new StringBuilder("date,index,before,before_lo,before_hi,after,after_lo,after_hi,relative_change,p\n");
        for (ChangePoint c : r.changes()) {
            b.append(c.date() == null ? "" : c.date().toString()).append(',').append(c.index());
            for (double d : new double[] {c.before().level(), c.before().lo(), c.before().hi(), c.after().level(), c.after().lo(),
                    c.after().hi(), c.relative(), c.p()}) {
                b.append(',').append(Double.isFinite(d) ? Double.toString(d) : "");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private void printCrops(String label, Observations obs, ShiftOptions opt, String fmt) throws IOException {
        String[] parts = crops.split(":");
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(parts[0]);
            hi = Double.parseDouble(parts.length == 2 ? parts[1] : "x");
        } catch (NumberFormatException e) {
            throw new UserException("--crops must be MIN:MAX (two numbers), not '" + crops + "'");
        }
        List<Crops.Run> runs = ShiftDetector.crops(obs, opt, lo, hi);
        if (fmt.equals("json")) {
            List<Object> out = new ArrayList<>();
            for (Crops.Run run : runs) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("penalty", run.penalty());
                x.put("cost", run.cost());
                x.put("changes", dates(obs, run.changes()));
                out.add(x);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("query", query);
            m.put("model", opt.model() == null ? ShiftDetector.autoModel(obs).wire : opt.model().wire);
            m.put("crops", out);
            out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            return;
        }
        String sep = fmt.equals("csv") ? "," : "  ";
        out().print(fmt.equals("csv") ? "penalty,count,changes\n" : label + ": penalty sweep (CROPS)\npenalty  count  changes\n");
        for (Crops.Run run : runs) {
            List<String> d = dates(obs, run.changes());
            if (!fmt.equals("csv") && d.size() > 12) { // a table row stays readable; csv and json list all
                d = new ArrayList<>(d.subList(0, 12));
                d.add("... (" + (run.changes().length - 12) + " more)");
            }
            out().print(String.format(Locale.ROOT, "%.3f", run.penalty()) + sep + run.changes().length + sep
                    + String.join(fmt.equals("csv") ? ";" : " ", d) + "\n");
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
