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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Count matching articles per day, ISO week or month, with the totals they are shares of.",
                "Every bucket of the range is printed; gap=true where the selection has no articles at all;",
                "days is how many of the bucket's days lie in the range and the corpus, partial=true where",
                "that is fewer than the bucket's length (a week or month cut by --from/--to or the corpus' ends)."})
public final class TimelineCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    SelectionOptions selectionOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Query (see docs/query-language.md).")
    String query;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "Many queries from one start: one per line (- = stdin); one result per query (json: JSON Lines; csv: a query column).")
    String queries;

    @Spec
    CommandSpec spec;

    @Option(names = "--by", defaultValue = "day", paramLabel = "BUCKET", description = "day, week (ISO, Monday) or month (default: ${DEFAULT-VALUE}).")
    Bucketing by;

    @Option(names = "--count", defaultValue = "articles", paramLabel = "UNIT",
            description = "articles, or stories (syndicated copies of one text counted once) (default: ${DEFAULT-VALUE}).")
    Engine.CountUnit count;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextCsvJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text).")
    Formats.TextCsvJson format;

    @Override
    public Integer call() throws Exception {
        StartTrace.mark("arguments parsed");
        if ((query == null) == (queries == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
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
