package org.narrativewatch.brief;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.narrativewatch.UserException;
import org.narrativewatch.index.CorpusStats;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.shift.ChangePoint;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * {@code media: {query, by, from, to, measure: count|share, outlets, groups, lang, count: articles|stories,
 * compare: {a: FROM..TO, b: FROM..TO}}}: the query's timeline from the engine (what {@code nwatch timeline} prints),
 * its total count or share over the window, and its change points from the shift detector with the defaults of
 * {@code nwatch shifts}. With {@code compare}, the value is window b's level against window a's (per-day rate for
 * counts, share for shares) with a 95% interval.
 */
final class MediaFigure implements FigureKind {
    static final Set<String> KEYS = Set.of("query", "by", "from", "to", "measure", "outlets", "outlet", "groups", "group",
            "lang", "count", "compare");

    @Override
    public String name() {
        return "media";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    /** The parsed body: what to count, where and how. */
    record Spec(Query query, Bucketing by, LocalDate from, LocalDate to, boolean share, Engine.CountUnit unit,
                Selection selection, LocalDate[] a, LocalDate[] b) {}

    static Spec spec(Keys k) {
        String text = k.required("query", "a query as 'nwatch timeline' takes it");
        Query q;
        try {
            q = Query.parse(text);
        } catch (UserException e) {
            throw new UserException(k.at("query") + e.getMessage().lines().findFirst().orElse("query error")
                    + " in '" + text + "'");
        }
        Bucketing by = Bucketing.valueOf(k.oneOf("by", "week", "day", "week", "month").toUpperCase(java.util.Locale.ROOT));
        LocalDate from = k.date("from");
        LocalDate to = k.date("to");
        if (from != null && to != null && to.isBefore(from)) {
            throw k.error("to", to + " is before from " + from);
        }
        boolean share = k.oneOf("measure", "count", "count", "share").equals("share");
        Engine.CountUnit unit = k.oneOf("count", "articles", "articles", "stories").equals("stories")
                ? Engine.CountUnit.STORIES : Engine.CountUnit.ARTICLES;
        Set<String> outlets = new LinkedHashSet<>(k.list("outlets"));
        outlets.addAll(k.list("outlet"));
        Set<String> groups = new LinkedHashSet<>(k.list("groups"));
        groups.addAll(k.list("group"));
        Set<String> langs = new LinkedHashSet<>(k.list("lang"));
        LocalDate[] a = null;
        LocalDate[] b = null;
        Keys compare = k.object("compare");
        if (compare != null) {
            compare.allow(Set.of("a", "b"));
            a = compare.window("a");
            b = compare.window("b");
        }
        return new Spec(q, by, from, to, share, unit, new Selection(from, to, outlets, groups, langs), a, b);
    }

    @Override
    public Computed compute(Keys k, BriefContext ctx) {
        Spec s = spec(k);
        Computed c = new Computed();
        Engine engine = ctx.engine();
        CorpusStats corpus = ctx.corpus();
        String covers = corpus.from() == null ? "the corpus is empty" : "the corpus covers " + corpus.from() + " to " + corpus.to();
        Selection chartSel = s.selection();
        if (s.a() != null && s.from() == null && s.to() == null) {
            chartSel = chartSel.withDates(s.a()[0], s.b()[1].isAfter(s.a()[1]) ? s.b()[1] : s.a()[1]);
        }
        Series series = timeline(engine, s.query(), chartSel, s.by(), s.unit());
        commands(c, ctx, s, chartSel);
        long count = 0;
        long total = 0;
        int observed = 0;
        LocalDate first = null;
        LocalDate last = null;
        for (Bucket b : series.buckets()) {
            count += b.count();
            total += b.total();
            if (!b.gap()) {
                observed++;
                first = first == null ? b.start() : first;
                last = s.by().next(b.start()).minusDays(1);
            }
        }
        LocalDate winFrom = series.from();
        LocalDate winTo = series.to();
        c.field("from", String.valueOf(winFrom)).field("to", String.valueOf(winTo)).field("by", s.by().wire());
        c.field("count", count).field("total", total);
        c.field("share", total == 0 ? null : (double) count / total);
        if (observed == 0) {
            c.noData = "no data for the window " + winFrom + ".." + winTo + ": the selection has no articles there; " + covers;
            c.chart = chart(series, s, List.of());
            return c;
        }
        if (observed < series.buckets().size()) {
            c.notes.add((series.buckets().size() - observed) + " of " + series.buckets().size() + " " + s.by().wire()
                    + " buckets have no articles in the selection (gaps, not zeros); " + covers);
        }
        c.dataFrom = first;
        c.dataTo = last;
        c.field("buckets", series.buckets().size()).field("buckets_with_data", observed);
        Bucket peak = series.buckets().stream().max(java.util.Comparator.comparingLong(Bucket::count)).orElseThrow();
        c.field("peak", peak.count()).field("peak_date", peak.start().toString()).field("peak_partial", peak.partial());
        c.partials = PartialBucket.of(series);
        c.field("partial_buckets", c.partials.size());
        if (!c.partials.isEmpty()) {
            c.notes.add(c.partials.size() + " of " + series.buckets().size() + " " + s.by().wire() + " buckets partial: "
                    + PartialBucket.describe(c.partials) + ": they cover fewer days than a whole " + s.by().wire()
                    + ", so their counts are not comparable with whole buckets'; a change that needs them never makes a claim hold");
        }
        if (s.share()) {
            c.value(total == 0 ? Double.NaN : (double) count / total, Computed.SHARE);
        } else {
            c.value(count, Computed.COUNT);
            c.countCut = countCut(series, s, corpus);
            if (c.countCut != null) {
                c.notes.add(c.countCut);
            }
        }
        ShiftResult shifts = ShiftDetector.detect(series, ShiftOptions.DEFAULT);
        c.changes = onWholeBuckets(series, changes(shifts, s.by()), c.partials);
        c.field("model", shifts.model().wire);
        c.field("changes", c.changes.size());
        if (!c.changes.isEmpty()) {
            Change top = c.changes.stream().min(java.util.Comparator.comparingDouble(Change::p)).orElseThrow();
            c.field("change_date", top.date().toString()).field("change_relative", top.relative());
        }
        if (s.a() != null) {
            Relative r = compare(engine, s, covers);
            c.compare = r;
            c.value(r.change(), Computed.RELATIVE).interval(r.lo(), r.hi());
            c.field("a", r.a()).field("b", r.b()).field("change", r.change()).field("lo", r.lo()).field("hi", r.hi());
            if (Double.isNaN(r.change())) {
                c.noData = r.method();
            }
            for (LocalDate[] w : List.of(s.a(), s.b())) {
                String cut = windowCut(w, corpus);
                if (cut != null) {
                    c.notes.add((w == s.a() ? "window a " : "window b ") + cut);
                }
            }
        }
        c.chart = chart(series, s, c.changes);
        return c;
    }

    static Series timeline(Engine engine, Query q, Selection sel, Bucketing by, Engine.CountUnit unit) {
        try {
            return Corpus.of(engine).timeline(q, sel, by, unit);
        } catch (IOException e) {
            throw new UserException("index error: " + e.getMessage(), e);
        }
    }

    /**
     * The window as written ({@code from}..{@code to}, the corpus' range where open) against the days the series
     * covers: null when it covers them all, else what a count over it misses.
     */
    static String countCut(Series series, Spec s, CorpusStats corpus) {
        LocalDate from = s.from() != null ? s.from() : corpus.from();
        LocalDate to = s.to() != null ? s.to() : corpus.to();
        if (from == null || to == null) {
            return null;
        }
        long written = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        long covered = 0;
        for (Bucket b : series.buckets()) {
            covered += b.days();
        }
        if (covered >= written) {
            return null;
        }
        return "the count covers " + covered + " of the " + written + " days of " + from + ".." + to + " (the corpus covers "
                + corpus.from() + " to " + corpus.to() + "): a count over fewer days is not the window's count";
    }

    /**
     * Marks the changes that need a partial bucket: the detector runs again with the partial buckets left out (as
     * gaps), and a change with no change the same way within one bucket of it there rests on a bucket's length, not
     * on the series. Whole-bucket series are returned as they are.
     */
    static List<Change> onWholeBuckets(Series series, List<Change> changes, List<PartialBucket> partials) {
        if (partials.isEmpty() || changes.isEmpty()) {
            return changes;
        }
        List<Bucket> kept = new ArrayList<>();
        for (Bucket b : series.buckets()) {
            kept.add(b.partial() ? new Bucket(b.start(), 0, 0, 0, false) : b);
        }
        Series whole = new Series(series.label(), series.by(), series.from(), series.to(), series.unit(), kept);
        List<Change> confirmed = changes(ShiftDetector.detect(whole, ShiftOptions.DEFAULT), series.by());
        Bucketing by = series.by();
        List<Change> out = new ArrayList<>();
        for (Change ch : changes) {
            Set<LocalDate> near = Set.of(by.start(ch.date().minusDays(1)), ch.date(), by.next(ch.date()));
            boolean stands = confirmed.stream().anyMatch(w -> w.up() == ch.up() && near.contains(w.date()));
            out.add(stands ? ch : ch.withPartialOnly("with the partial bucket(s) " + PartialBucket.describe(partials)
                    + " left out, no change " + (ch.up() ? "up" : "down") + " within one " + by.wire() + " of " + ch.date()));
        }
        return out;
    }

    static List<Change> changes(ShiftResult r, Bucketing by) {
        List<Change> out = new ArrayList<>();
        for (ChangePoint cp : r.changes()) {
            out.add(new Change(cp.date(), by.next(cp.date()).minusDays(1), cp.before().level(), cp.after().level(),
                    cp.relative(), cp.p()));
        }
        return out;
    }

    /**
     * Window b against window a. Counts: rate per day with data; shares: matches over articles. The interval is
     * the delta-method interval of the log ratio with quasi-likelihood over-dispersion φ estimated from the days of
     * each window (Pearson χ² / (days - 1), at least 1), so a bursty series gets the wider interval it deserves.
     */
    static Relative compare(Engine engine, Spec s, String covers) {
        Level a = level(engine, s, s.a());
        Level b = level(engine, s, s.b());
        String la = s.a()[0] + ".." + s.a()[1];
        String lb = s.b()[0] + ".." + s.b()[1];
        String method = (s.share() ? "share" : "matches per day with data") + "; 95% interval of the log ratio, delta method with"
                + " over-dispersion from daily counts (φ_a " + Format.number(a.phi) + ", φ_b " + Format.number(b.phi) + ")";
        if (a.days == 0 || b.days == 0) {
            return new Relative(la, lb, a.level, b.level, Double.NaN, Double.NaN, Double.NaN,
                    "no data for window " + (a.days == 0 ? "a " + la : "b " + lb) + "; " + covers);
        }
        if (a.k == 0) {
            return new Relative(la, lb, a.level, b.level, Double.NaN, Double.NaN, Double.NaN,
                    "window a " + la + " has no matches: no relative change from zero");
        }
        double ratio = b.level / a.level;
        // a window with no matches: the log ratio is -∞; its variance uses half a match (continuity correction)
        double va = a.phi * a.varFactor / Math.max(a.k, 0.5);
        double vb = b.phi * b.varFactor / Math.max(b.k, 0.5);
        double se = Math.sqrt(va + vb);
        double lr = Math.log(Math.max(ratio, 1e-12));
        return new Relative(la, lb, a.level, b.level, ratio - 1, Math.exp(lr - 1.959964 * se) - 1,
                Math.exp(lr + 1.959964 * se) - 1, method);
    }

    /** Null when the corpus covers every day of window {@code w}; else how many it covers (the level is per covered day). */
    static String windowCut(LocalDate[] w, CorpusStats corpus) {
        long length = java.time.temporal.ChronoUnit.DAYS.between(w[0], w[1]) + 1;
        if (corpus.from() == null) {
            return null;
        }
        LocalDate a = w[0].isBefore(corpus.from()) ? corpus.from() : w[0];
        LocalDate b = w[1].isAfter(corpus.to()) ? corpus.to() : w[1];
        long covered = b.isBefore(a) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(a, b) + 1;
        if (covered >= length) {
            return null;
        }
        return w[0] + ".." + w[1] + " is partial: the corpus covers " + covered + " of its " + length
                + " days; its level is per day with data, so the window's length does not enter the comparison";
    }

    /** One window's level, its matches k, days with data, dispersion and the variance factor of log(level)·k. */
    private record Level(double level, long k, int days, double phi, double varFactor) {}

    private static Level level(Engine engine, Spec s, LocalDate[] w) {
        Series d = timeline(engine, s.query(), s.selection().withDates(w[0], w[1]), Bucketing.DAY, s.unit());
        long k = 0;
        long n = 0;
        int days = 0;
        for (Bucket b : d.buckets()) {
            if (!b.gap()) {
                k += b.count();
                n += b.total();
                days++;
            }
        }
        if (days == 0) {
            return new Level(Double.NaN, 0, 0, 1, 1);
        }
        double chi2 = 0;
        if (s.share()) {
            double p = (double) k / n;
            for (Bucket b : d.buckets()) {
                if (!b.gap() && p > 0 && p < 1) {
                    double e = b.total() * p;
                    chi2 += (b.count() - e) * (b.count() - e) / (e * (1 - p));
                }
            }
            double phi = days > 1 ? Math.max(1, chi2 / (days - 1)) : 1;
            return new Level(p, k, days, phi, 1 - p);
        }
        double mean = (double) k / days;
        for (Bucket b : d.buckets()) {
            if (!b.gap() && mean > 0) {
                chi2 += (b.count() - mean) * (b.count() - mean) / mean;
            }
        }
        double phi = days > 1 ? Math.max(1, chi2 / (days - 1)) : 1;
        return new Level(mean, k, days, phi, 1);
    }

    private static Chart chart(Series series, Spec s, List<Change> changes) {
        List<LocalDate> dates = series.starts();
        double[] v = new double[dates.size()];
        for (int i = 0; i < v.length; i++) {
            Bucket b = series.buckets().get(i);
            v[i] = b.gap() ? Double.NaN : s.share() ? b.share() : b.count();
        }
        List<Chart.Window> windows = new ArrayList<>();
        if (s.a() != null) {
            windows.add(new Chart.Window("a", s.a()[0], s.a()[1]));
            windows.add(new Chart.Window("b", s.b()[0], s.b()[1]));
        }
        List<Chart.Marker> markers = new ArrayList<>();
        for (Change ch : changes) {
            markers.add(new Chart.Marker(ch.date(), "change " + (ch.up() ? "up" : "down") + " " + ch.date()
                    + (ch.restsOnPartial() ? " (rests on a partial bucket)" : ""),
                    ch.up() ? Chart.MarkerKind.CHANGE_UP : Chart.MarkerKind.CHANGE_DOWN));
        }
        String y = (s.share() ? "share of articles" : "matching " + (s.unit() == Engine.CountUnit.STORIES ? "stories" : "articles"))
                + " per " + s.by().wire();
        return new Chart(y, List.of(new Chart.Line(s.query().text(), dates, v, null, null, false)), series.from(), series.to(),
                windows, markers, List.of(), PartialBucket.of(series));
    }

    private static void commands(Computed c, BriefContext ctx, Spec s, Selection sel) {
        StringBuilder common = new StringBuilder();
        common.append(" --by ").append(s.by().wire());
        if (sel.from() != null) {
            common.append(" --from ").append(sel.from());
        }
        if (sel.to() != null) {
            common.append(" --to ").append(sel.to());
        }
        if (!sel.outlets().isEmpty()) {
            common.append(" --outlet ").append(BriefContext.sh(String.join(",", s.selection().outlets())));
        }
        if (!sel.groups().isEmpty()) {
            common.append(" --group ").append(BriefContext.sh(String.join(",", s.selection().groups())));
        }
        if (!sel.langs().isEmpty()) {
            common.append(" --lang ").append(BriefContext.sh(String.join(",", s.selection().langs())));
        }
        String engineArgs = ctx.sources().engineArgs() == null ? "" : " " + ctx.sources().engineArgs();
        String q = BriefContext.sh(s.query().text());
        c.commands.add("nwatch timeline " + q + common + (s.unit() == Engine.CountUnit.STORIES ? " --count stories" : "")
                + " --format csv" + engineArgs);
        if (s.unit() == Engine.CountUnit.ARTICLES) {
            c.commands.add("nwatch shifts " + q + common + " --format json" + engineArgs);
        }
        if (s.a() != null) {
            for (LocalDate[] w : List.of(s.a(), s.b())) {
                c.commands.add("nwatch timeline " + q + " --by day --from " + w[0] + " --to " + w[1]
                        + common.toString().replaceAll(" --by \\w+| --from \\S+| --to \\S+", "") + " --format csv" + engineArgs);
            }
        }
    }
}
