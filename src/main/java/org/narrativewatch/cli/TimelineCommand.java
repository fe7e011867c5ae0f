package org.narrativewatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Selection;
import org.narrativewatch.index.SelectionFormat;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import org.narrativewatch.timeline.SeriesFormat;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code nwatch timeline}. Its picocli model is built in code ({@link #commandLine}), not read from annotations: this is
 * the command of a one-shot query, and reading annotations was a quarter of its start (see {@link OptionModel}).
 */
public final class TimelineCommand implements Callable<Integer> {

    static final String[] DESCRIPTION = {"Count matching articles per day, ISO week or month, with the totals they are shares of.",
            "Every bucket of the range is printed; gap=true where the selection has no articles at all;",
            "days is how many of the bucket's days lie in the range and the corpus, partial=true where",
            "that is fewer than the bucket's length (a week or month cut by --from/--to or the corpus' ends)."};

    final EngineOptions engineOptions = new EngineOptions();

    final SelectionOptions selectionOptions = new SelectionOptions();

    String query;

    String queries;

    CommandSpec spec;

    Bucketing by;

    Engine.CountUnit count;

    Formats.TextCsvJson format;

    /**
     * The command with its options, as {@code @Command(name = "timeline", mixinStandardHelpOptions = true)} with the
     * {@link EngineOptions} and {@link SelectionOptions} mixins described it, in the same order.
     */
    static CommandLine commandLine() {
        TimelineCommand c = new TimelineCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c).name("timeline");
        spec.usageMessage().description(DESCRIPTION);
        OptionModel.standardHelpOptions(spec);
        EngineOptions.addTo(spec, c.engineOptions);
        SelectionOptions.addTo(spec, c.selectionOptions);
        OptionModel.Field<String> query = new OptionModel.Field<>(() -> c.query, v -> c.query = v);
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("QUERY").descriptionKey("")
                .description("Query (see docs/query-language.md).").type(String.class).getter(query).setter(query).build());
        spec.addOption(OptionModel.option(OptionSpec.builder("--queries").paramLabel("FILE").type(String.class)
                .description("Many queries from one start: one per line (- = stdin); one result per query (json: JSON Lines; csv: a query column)."),
                () -> c.queries, v -> c.queries = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--by").defaultValue("day").paramLabel("BUCKET").type(Bucketing.class)
                .description("day, week (ISO, Monday) or month (default: ${DEFAULT-VALUE})."), () -> c.by, v -> c.by = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--count").defaultValue("articles").paramLabel("UNIT")
                .type(Engine.CountUnit.class)
                .description("articles, or stories (syndicated copies of one text counted once) (default: ${DEFAULT-VALUE})."),
                () -> c.count, v -> c.count = v));
        spec.addOption(OptionModel.option(OptionSpec.builder("--format").defaultValue("text").paramLabel("FORMAT")
                .type(Formats.TextCsvJson.class).converters(new Formats.TextCsvJsonConverter())
                .description("${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text)."), () -> c.format, v -> c.format = v));
        c.spec = spec;
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws Exception {
        StartTrace.mark("arguments parsed");
        if ((query == null) == (queries == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    query == null ? "Missing required parameter: 'QUERY' (or --queries FILE)" : "give QUERY or --queries FILE, not both");
        }
        Selection sel = selectionOptions.selection();
        PrintWriter out = spec.commandLine().getOut();
        if (queries != null) {
            try (Engine engine = engineOptions.open()) {
                return new TimelineBatch(engine, sel, by, count, format).run(queries, out, spec.commandLine().getErr()) == 0 ? 0 : 1;
            }
        }
        Query q = Query.parse(query);
        try (Engine engine = engineOptions.open()) {
            StartTrace.mark("engine opened");
            Series s = Corpus.of(engine).timeline(q, sel, by, count);
            StartTrace.mark("series counted");
            switch (format) {
                case JSON -> {
                    // streamed, not built as a tree first: the same text as Output.json, in a fraction of the time
                    JsonGenerator g = Output.generator(out).useDefaultPrettyPrinter();
                    SeriesFormat.writeJson(s, provenance(engine, sel), g);
                    g.flush();
                    out.println();
                    out.flush();
                    StartTrace.mark("json written");
                }
                case CSV -> Output.text(out, SeriesFormat.toCsv(s, csvProvenance(engine, sel)));
                case TEXT -> Output.text(out, table(s));
            }
        }
        return 0;
    }

    /** What made the numbers: the selection and the corpus snapshot, written beside every series (as the API does). */
    static Map<String, Object> provenance(Engine engine, Selection sel) throws java.io.IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("selection", SelectionFormat.toJson(sel));
        p.put("engine", engine.name());
        p.put("snapshot", engine.snapshot().label());
        return p;
    }

    /** The same for a CSV header comment: the selection on one line. */
    static Map<String, Object> csvProvenance(Engine engine, Selection sel) throws java.io.IOException {
        Map<String, Object> p = provenance(engine, sel);
        p.put("selection", SelectionFormat.toText(sel));
        return p;
    }

    /** A bucket the range or the corpus' ends cut is marked "partial": its count is not comparable with whole ones. */
    static String table(Series s) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %8s %8s %9s %5s%n", "start", "count", "total", "share", "days"));
        long c = 0, t = 0;
        for (Bucket b : s.buckets()) {
            out.append(String.format(Locale.ROOT, "%-12s %8d %8d %9s %5d%s%n", b.start(), b.count(), b.total(),
                    b.gap() ? "gap" : String.format(Locale.ROOT, "%.4f", b.share()), b.days(), b.partial() ? " partial" : ""));
            c += b.count();
            t += b.total();
        }
        out.append(String.format(Locale.ROOT, "%-12s %8d %8d %9s%n", "all", c, t, t == 0 ? "" : String.format(Locale.ROOT, "%.4f", (double) c / t)));
        return out.toString();
    }
}
