package org.narrativewatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.UserException;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.shift.ChangePoint;
import org.narrativewatch.shift.EventEvaluation;
import org.narrativewatch.shift.Pulse;
import org.narrativewatch.shift.ShiftFormat;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.timeline.Bucketing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nwatch eval-events FILE.tsv --index DIR}: does the default shift detector date known events? */
@Command(name = "eval-events", mixinStandardHelpOptions = true,
        description = "For each event of a TSV file (name, corpus, query, event_date, tolerance_days, direction, ...): the query's "
                + "timeline over ±365 days, the default detector's changes, and whether a change in the event's direction falls in "
                + "the bucket of the date or up to date + tolerance_days (by week, 7 days: that week or the next). Default settings only.")
public final class EvalEventsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(index = "0", paramLabel = "FILE.tsv", description = "events file")
    Path file;

    @Option(names = "--by", defaultValue = "week", paramLabel = "BUCKET", description = "day, week or month (default: ${DEFAULT-VALUE})")
    Bucketing b;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = Formats.TextJsonConverter.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; table is text)")
    Formats.TextJson format;

    @Override
    public Integer call() throws Exception {
        List<EventEvaluation.Event> events = EventEvaluation.read(file);
        for (EventEvaluation.Event e : events) {
            Query.parse(e.query()); // a bad query is reported before anything runs
        }
        EventEvaluation.Report r;
        try (Engine engine = engineOptions.open()) {
            Corpus corpus = Corpus.of(engine);
            r = EventEvaluation.evaluate(events,
                    (q, from, to, bucketing) -> {
                        try {
                            return corpus.timeline(Query.parse(q), Selection.ALL.withDates(from, to), bucketing, Engine.CountUnit.ARTICLES);
                        } catch (java.io.IOException e) {
                            throw new UserException(engineOptions.index + ": cannot read the index: " + e.getMessage(), e);
                        }
                    }, b, ShiftOptions.DEFAULT);
        }
        var out = spec.commandLine().getOut();
        if (format == Formats.TextJson.JSON) {
            Output.json(out, toJson(r));
        } else {
            out.print(table(r));
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(EventEvaluation.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> ev = new ArrayList<>();
        for (EventEvaluation.Outcome o : r.outcomes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", o.event().name());
            x.put("query", o.event().query());
            x.put("date", o.event().date().toString());
            x.put("direction", o.event().up() ? "up" : "down");
            x.put("tolerance_days", o.event().toleranceDays());
            x.put("window", List.of(o.windowFrom().toString(), o.windowTo().toString()));
            x.put("found", o.found());
            x.put("match", o.match() == null ? null : change(o.match()));
            x.put("nearest", o.nearest() == null ? null : change(o.nearest()));
            x.put("model", o.result().model().wire);
            x.put("n", o.result().n());
            x.put("dispersion", o.result().dispersion());
            List<Object> all = new ArrayList<>();
            for (ChangePoint c : o.result().changes()) {
                all.add(change(c));
            }
            x.put("changes", all);
            List<Object> pulses = new ArrayList<>();
            for (Pulse p : o.pulses()) {
                pulses.add(ShiftFormat.pulse(p)); // as nwatch shifts prints it
            }
            x.put("pulses", pulses);
            ev.add(x);
        }
        m.put("by", r.by().wire());
        m.put("window_days", EventEvaluation.WINDOW_DAYS);
        m.put("settings", "default");
        m.put("events", ev);
        m.put("found", r.found());
        m.put("total", r.outcomes().size());
        return m;
    }

    private static Map<String, Object> change(ChangePoint c) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("date", c.date() == null ? null : c.date().toString());
        x.put("before", num(c.before().level()));
        x.put("after", num(c.after().level()));
        x.put("relative_change", num(c.relative()));
        x.put("p", num(c.p()));
        return x;
    }

    static Double num(double d) {
        return Double.isFinite(d) ? d : null;
    }

    static String table(EventEvaluation.Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-16s %-10s %-23s %-5s %-10s %-22s %9s  %s%n", "event", "date", "window", "found", "change",
                "before -> after", "p", "changes (↑ up, ↓ down; * pulse)"));
        for (EventEvaluation.Outcome o : r.outcomes()) {
            ChangePoint c = o.match() != null ? o.match() : o.nearest();
            List<String> all = new ArrayList<>();
            for (ChangePoint x : o.result().changes()) {
                boolean inPulse = o.pulses().stream().anyMatch(p -> p.start() == x.index() || p.end() + 1 == x.index());
                all.add((x.after().level() > x.before().level() ? "↑" : "↓") + x.date() + (inPulse ? "*" : ""));
            }
            b.append(String.format(Locale.ROOT, "%-16s %-10s %-23s %-5s %-10s %-22s %9s  %s%n", o.event().name(), o.event().date(),
                    o.windowFrom() + ".." + o.windowTo(), o.found() ? "yes" : "NO", c == null ? "-" : c.date() + (o.found() ? "" : "?"),
                    c == null ? "" : String.format(Locale.ROOT, "%.4g -> %.4g", c.before().level(), c.after().level()),
                    c == null ? "" : String.format(Locale.ROOT, "%.2g", c.p()), String.join(" ", all)));
        }
        b.append(String.format(Locale.ROOT, "found %d of %d events (%s buckets, ±%d days, default settings)%n", r.found(),
                r.outcomes().size(), r.by().wire(), EventEvaluation.WINDOW_DAYS));
        return b.toString();
    }
}
