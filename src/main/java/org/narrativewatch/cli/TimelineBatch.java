package org.narrativewatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.narrativewatch.UserException;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;
import org.narrativewatch.timeline.SeriesFormat;

/**
 * {@code nwatch timeline --queries FILE}: many timelines from one start, for scripts. One query per line
 * ({@code -} reads standard input; blank lines and lines starting with {@code #} are skipped); the engine is
 * opened once and every query shares the selection, bucketing and unit. Output, one result per query, in
 * the order of the file:
 * <ul>
 *   <li>json: JSON Lines, one compact object per query in the shape of {@code nwatch timeline --format json};
 *       a query that cannot be parsed gives {@code {"query", "line", "error"}} on its line</li>
 *   <li>csv: one long table, a {@code query} column before the columns of {@code --format csv}, the provenance comment
 *       once at the top</li>
 *   <li>table: each query's table under a {@code # query} line</li>
 * </ul>
 * A bad query is reported on stderr as FILE line N and does not stop the others; the exit code is then 1.
 */
final class TimelineBatch {

    private final Engine engine;
    private final Selection selection;
    private final Bucketing by;
    private final Engine.CountUnit unit;
    private final String format;

    TimelineBatch(Engine engine, Selection selection, Bucketing by, Engine.CountUnit unit, String format) {
        this.engine = engine;
        this.selection = selection;
        this.by = by;
        this.unit = unit;
        this.format = format;
    }

    /** Answers every query of {@code file}; returns how many could not be answered. */
    int run(String file) throws IOException {
        Map<String, Object> prov = TimelineCommand.provenance(engine, selection);
        Corpus corpus = Corpus.of(engine);
        boolean csv = format.equals("csv");
        if (csv) {
            StringBuilder head = new StringBuilder();
            prov.forEach((k, v) -> head.append("# ").append(k).append(": ").append(String.valueOf(v).replace('\n', ' '))
                    .append('\n'));
            head.append("query,").append(SeriesFormat.CSV_HEADER).append('\n');
            Output.OUT.print(head);
        }
        int failed = 0;
        int lineNo = 0;
        // one compact generator for the whole run; each series is one line of JSON Lines
        JsonGenerator json = Output.JSON.createGenerator(Output.OUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
        try (BufferedReader in = open(file)) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                Series s;
                try {
                    s = corpus.timeline(Query.parse(text), selection, by, unit);
                } catch (UserException e) {
                    failed++;
                    String where = ("-".equals(file) ? "stdin" : file) + " line " + lineNo;
                    System.err.println("nwatch: " + where + ": " + e.getMessage());
                    if (format.equals("json")) {
                        ObjectNode err = Output.JSON.createObjectNode();
                        err.put("query", text).put("line", lineNo).put("error", e.getMessage());
                        Output.OUT.println(err);
                    }
                    continue;
                }
                switch (format) {
                    case "json" -> {
                        SeriesFormat.writeJson(s, prov, json);
                        json.flush();
                        Output.OUT.println();
                    }
                    case "csv" -> Output.OUT.print(csvRows(text, s));
                    default -> {
                        Output.OUT.println("# " + text);
                        TimelineCommand.table(s);
                    }
                }
            }
        }
        Output.OUT.flush();
        return failed;
    }

    private static BufferedReader open(String file) throws IOException {
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException("--queries: no such file: " + file);
        }
    }

    private static String csvRows(String query, Series s) {
        String q = csvField(query);
        StringBuilder sb = new StringBuilder();
        for (Bucket b : s.buckets()) {
            sb.append(q).append(',');
            SeriesFormat.csvRow(sb, b);
        }
        return sb.toString();
    }

    /** RFC 4180 quoting: queries hold quotes (phrases) and may hold commas. */
    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
