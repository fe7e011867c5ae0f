package org.narrativewatch.brief;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.narrativewatch.UserException;
import org.narrativewatch.opinion.PollCsv;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.opinion.PollSeries;
import org.narrativewatch.opinion.PollStore;

/**
 * {@code poll: {file, series, date | latest: true, max_days, assume_n, pollster, question}}: a poll series' value at
 * (or nearest) a date, or its latest value, with its 95% sampling interval. The points are read with the code of
 * {@code nwatch opinion import} (from {@code file}, a poll CSV; without it from the poll store beside the index) and
 * the series is found as {@code nwatch opinion list --series} finds it (its id, or a unique part of it).
 */
final class PollFigure implements FigureKind {
    static final Set<String> KEYS = Set.of("file", "series", "date", "latest", "max_days", "assume_n", "pollster", "question");
    static final int DEFAULT_MAX_DAYS = 45;

    @Override
    public String name() {
        return "poll";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    /** The poll series a body names, with the commands that show it and the file it came from. */
    record Loaded(PollSeries series, String listCommand, Path file) {}

    static Loaded load(Keys k, BriefContext ctx, Computed c) {
        String wanted = k.required("series", "a poll series id or a unique part of it, e.g. levada/continue-military-actions-or-move-to-peace-negotiations/peace-negotiations");
        PollStore store;
        Path file = null;
        String index = ctx.sources().engineArgs() == null ? "" : " " + ctx.sources().engineArgs();
        String importCmd = "";
        if (k.has("file")) {
            file = ctx.file(k.text("file"), k.at("file"));
            int n = k.integer("assume_n", PollCsv.Options.DEFAULT_ASSUMED_N, 2, 10_000_000);
            PollCsv.Result r = PollCsv.read(file, new PollCsv.Options(n, 1.0, k.text("pollster"), k.text("question")));
            // an in-memory store (its file is never written): the same merge and lookup as the imported store
            store = PollStore.open(Path.of(System.getProperty("java.io.tmpdir"), "nwatch-brief-" + UUID.randomUUID() + ".json"));
            store.merge(r.points());
            if (!r.errors().isEmpty()) {
                c.notes.add(r.errors().size() + " row(s) of " + file.getFileName() + " rejected on import (e.g. " + r.errors().get(0) + ")");
            }
            c.files.add(ctx.hash(file));
            importCmd = "nwatch opinion import " + BriefContext.sh(file.toString())
                    + (n == PollCsv.Options.DEFAULT_ASSUMED_N ? "" : " --assume-n " + n)
                    + (k.has("pollster") ? " --pollster " + BriefContext.sh(k.text("pollster")) : "")
                    + (k.has("question") ? " --question " + BriefContext.sh(k.text("question")) : "") + index + " && ";
        } else {
            if (ctx.sources().polls() == null) {
                throw new UserException(k.at() + "no file: given and no poll store (import polls beside the index, or give file:)");
            }
            store = PollStore.open(ctx.sources().polls());
            c.files.add(ctx.hash(ctx.sources().polls()));
        }
        PollSeries s;
        try {
            s = store.find(wanted);
        } catch (UserException e) {
            throw new UserException(k.at("series") + e.getMessage().replaceAll(" in /\\S+nwatch-brief-\\S+\\.json", " in " + file));
        }
        return new Loaded(s, importCmd + "nwatch opinion list --series " + BriefContext.sh(s.id()) + " --format csv" + index, file);
    }

    @Override
    public Computed compute(Keys k, BriefContext ctx) {
        Computed c = new Computed();
        LocalDate date = k.date("date");
        boolean latest = k.bool("latest", false);
        if ((date == null) == !latest) {
            throw new UserException(k.at() + "poll needs date: D (the value at or nearest D) or latest: true, " + (latest ? "not both" : "not neither"));
        }
        int maxDays = k.integer("max_days", DEFAULT_MAX_DAYS, 0, 3660);
        Loaded l = load(k, ctx, c);
        PollSeries s = l.series();
        if (s.points().isEmpty()) {
            throw new UserException(k.at("series") + "series " + s.id() + " has no points");
        }
        PollPoint chosen = s.points().get(s.points().size() - 1);
        if (date != null) {
            long best = Long.MAX_VALUE;
            for (PollPoint p : s.points()) {
                long d = Math.abs(ChronoUnit.DAYS.between(p.midpoint(), date));
                if (d < best) {
                    best = d;
                    chosen = p;
                }
            }
            if (best > maxDays) {
                c.noData = "no poll of " + s.id() + " within " + maxDays + " days of " + date + " (nearest: " + chosen.midpoint()
                        + ", " + best + " days away; the series runs " + s.first() + " to " + s.last() + ")";
            }
        }
        c.value(chosen.percent(), Computed.PERCENT).interval(chosen.lo(), chosen.hi());
        c.field("series", s.id()).field("date", chosen.midpoint().toString())
                .field("fieldwork", chosen.start() + ".." + chosen.end()).field("lo", chosen.lo()).field("hi", chosen.hi())
                .field("n", chosen.nUsed()).field("n_assumed", chosen.nAssumed()).field("points", s.points().size());
        if (chosen.nAssumed()) {
            c.notes.add("no published n for this poll: its interval assumes n = " + chosen.nUsed());
        }
        if (!chosen.dating().isEmpty()) {
            c.notes.add("fieldwork " + chosen.start() + ".." + chosen.end() + ": " + chosen.dating());
        }
        c.notes.add("95% sampling interval (effective n = n / design effect): sampling error only, no house effects or non-response bias");
        c.commands.add(l.listCommand());
        c.chart = chart(s, chosen);
        return c;
    }

    static Chart chart(PollSeries s, PollPoint chosen) {
        List<LocalDate> dates = new ArrayList<>();
        int n = s.points().size();
        double[] v = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            PollPoint p = s.points().get(i);
            dates.add(p.midpoint());
            v[i] = p.percent();
            lo[i] = p.lo();
            hi[i] = p.hi();
        }
        List<Chart.Marker> markers = chosen == null ? List.of()
                : List.of(new Chart.Marker(chosen.midpoint(), "this figure: " + chosen.midpoint(), Chart.MarkerKind.EXPECTED));
        LocalDate from = dates.get(0);
        LocalDate to = dates.get(n - 1);
        if (!to.isAfter(from)) {
            from = from.minusMonths(1);
            to = to.plusMonths(1);
        }
        return new Chart("percent", List.of(new Chart.Line(s.id(), dates, v, lo, hi, true)), from, to, List.of(), markers, List.of());
    }
}
