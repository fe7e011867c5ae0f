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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        // one compact generator for the whole run; each series is one line of JSON Lines
        JsonGenerator json = Output.generator(out);
        json.setRootValueSeparator(null);
        // Queries are answered by worker threads, a few lines ahead of the one being written, and written in the
        // order of the file: on two cores the next series is counted while this one is printed.
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "nwatch-batch");
            t.setDaemon(true);
            return t;
        });
        int failed = 0;
        try (BufferedReader in = open(file)) {
            Deque<Pending> ahead = new ArrayDeque<>();
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                ahead.add(new Pending(lineNo, text, pool.submit(() -> corpus.timeline(Query.parse(text), selection, by, unit))));
                if (ahead.size() > 2 * workers) {
                    failed += write(ahead.poll(), file, prov, json, out, err);
                }
            }
            while (!ahead.isEmpty()) {
                failed += write(ahead.poll(), file, prov, json, out, err);
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return failed;
    }

    /** A query of the file being answered. */
    private record Pending(int lineNo, String text, Future<Series> series) {}

    /** Writes one query's result, or its error; returns 1 if it could not be answered. */
    private int write(Pending p, String file, Map<String, Object> prov, JsonGenerator json, PrintWriter out, PrintWriter err)
            throws IOException {
        Series s;
        try {
            s = answer(p.series());
        } catch (UserException e) {
            String where = ("-".equals(file) ? "stdin" : file) + " line " + p.lineNo();
            err.println("nwatch: " + where + ": " + Main.message(e));
            err.flush();
            if (format == Formats.TextCsvJson.JSON) {
                ObjectNode error = Output.json().createObjectNode();
                error.put("query", p.text()).put("line", p.lineNo()).put("error", e.getMessage());
                out.println(error);
            }
            return 1;
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
            case TEXT -> out.print("# " + p.text() + "\n" + TimelineCommand.table(s));
        }
        return 0;
    }

    /** The worker's series, or what it threw, as the caller would have seen it. */
    private static Series answer(Future<Series> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error x) {
                throw x;
            }
            throw new IllegalStateException(t);
        }
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
