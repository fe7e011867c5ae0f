package org.narrativewatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.narrativewatch.InvalidOptionException;
import org.narrativewatch.UserException;
import org.narrativewatch.Wire;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
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
 *   <li>text: each query's table under a {@code # query} line</li>
 * </ul>
 * A bad query is reported on stderr as FILE line N and does not stop the others; the exit code is then 1.
 */
final class TimelineBatch {

    private final Engine engine;
    private final Selection selection;
    private final Bucketing by;
    private final Engine.CountUnit unit;
    private final Formats.TextCsvJson format;

    TimelineBatch(Engine engine, Selection selection, Bucketing by, Engine.CountUnit unit, Formats.TextCsvJson format) {
        this.engine = engine;
        this.selection = selection;
        this.by = by;
        this.unit = unit;
        this.format = format;
    }

    /** Answers every query of {@code file} on {@code out}, each error on {@code err}; returns how many could not be answered. */
    int run(String file, PrintWriter out, PrintWriter err) throws IOException {
        Map<String, Object> prov = TimelineCommand.provenance(engine, selection);
        Corpus corpus = Corpus.of(engine);
        if (format == Formats.TextCsvJson.CSV) {
            StringBuilder head = new StringBuilder();
            TimelineCommand.csvProvenance(engine, selection).forEach((k, v) -> head.append("# ").append(k).append(": ")
                    .append(Wire.oneLine(String.valueOf(v))).append('\n'));
            out.print(head.append(SeriesFormat.LONG_CSV_HEADER).append('\n'));
        }
        int failed = 0;
        int lineNo = 0;
        // one compact generator for the whole run; each series is one line of JSON Lines
        JsonGenerator json = Output.generator(out);
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
                    err.println("nwatch: " + where + ": " + Main.message(e));
                    err.flush();
                    if (format == Formats.TextCsvJson.JSON) {
                        ObjectNode error = Output.json().createObjectNode();
                        error.put("query", text).put("line", lineNo).put("error", e.getMessage());
                        out.println(error);
                    }
                    continue;
                }
                switch (format) {
                    case JSON -> {
                        SeriesFormat.writeJson(s, prov, json);
                        json.flush();
                        out.println();
                    }
                    case CSV -> {
                        StringBuilder rows = new StringBuilder();
                        SeriesFormat.longCsvRows(rows, s);
                        out.print(rows);
                    }
                    case TEXT -> out.print("# " + text + "\n" + TimelineCommand.table(s));
                }
            }
        }
        out.flush();
        return failed;
    }

    private static BufferedReader open(String file) throws IOException {
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidOptionException("queries", ": no such file: " + file);
        }
    }
}
