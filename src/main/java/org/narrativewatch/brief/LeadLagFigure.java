package org.narrativewatch.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.narrativewatch.UserException;
import org.narrativewatch.opinion.Alignment;
import org.narrativewatch.opinion.Comparison;
import org.narrativewatch.opinion.DatedValues;
import org.narrativewatch.opinion.LeadLag;
import org.narrativewatch.opinion.PollPoint;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.Series;

/**
 * {@code leadlag: {a: SIDE, b: SIDE, max_lag, difference, bootstrap}} where a side is {@code {media: {...}}},
 * {@code {poll: {...}}} or {@code {series: {...}}} (the bodies of those kinds). Which leads: the prewhitened
 * cross-correlation and Granger tests of {@code nwatch opinion leadlag}; a poll against a media timeline goes through
 * {@code nwatch opinion compare}'s alignment (the media share over each poll's fieldwork, one poll per bucket);
 * beside a CSV or another poll, each poll stands for the month of its fieldwork midpoint.
 * Positive lags: A leads B.
 */
final class LeadLagFigure implements FigureKind {
    static final Set<String> KEYS = Set.of("a", "b", "max_lag", "difference", "bootstrap");

    @Override
    public String name() {
        return "leadlag";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    /** One side: its dated values, a label, and for media the timeline (a poll beside it is aligned to it). */
    private record Side(String kind, String label, NavigableMap<LocalDate, Double> values, Series media, PollFigure.Loaded poll) {}

    @Override
    public Computed compute(Keys k, BriefContext ctx) {
        Computed c = new Computed();
        int maxLag = k.integer("max_lag", 6, 1, 60);
        LeadLag.Options o = new LeadLag.Options(maxLag, "aic", k.bool("difference", false), 0.95,
                k.integer("bootstrap", LeadLag.Options.DEFAULT_BOOTSTRAP, 0, 9999), 1);
        Side a = side(k, "a", ctx, c);
        Side b = side(k, "b", ctx, c);
        LeadLag.Result r;
        String step;
        int n;
        List<String> warnings = new ArrayList<>();
        if ((a.poll() != null || b.poll() != null) && (a.media() != null || b.media() != null)) {
            Side media = a.media() != null ? a : b;
            Side poll = a.poll() != null ? a : b;
            Comparison cmp = Comparison.of(poll.poll().series(), media.media(), Alignment.Window.parse("fieldwork", 4), o);
            warnings.addAll(cmp.warnings());
            c.commands.add("nwatch opinion compare " + BriefContext.sh(poll.poll().series().id()) + " "
                    + BriefContext.sh(media.media().label()) + " --by " + media.media().by().wire() + " --max-lag " + maxLag
                    + (o.difference() ? " --difference" : "") + " --format json"
                    + (ctx.sources().engineArgs() == null ? "" : " " + ctx.sources().engineArgs()));
            if (cmp.leadLag() == null) {
                c.noData = String.join("; ", cmp.warnings());
                c.chart = chart(a, b, c);
                return c;
            }
            r = cmp.leadLag();
            // compare puts media as A: turn lags round when the brief wrote the poll as a
            if (a.poll() != null) {
                r = flip(r);
            }
            step = media.media().by().wire();
            n = r.n();
        } else {
            // a poll beside a CSV or another poll: each poll stands for the month of its fieldwork midpoint
            DatedValues.Joined j = DatedValues.join(monthly(a), monthly(b));
            if (j.dates().size() < 8) {
                c.noData = "only " + j.dates().size() + " equally spaced dates in common: too few for lead-lag tests (need at least 8)";
                c.chart = chart(a, b, c);
                return c;
            }
            try {
                r = LeadLag.analyse(j.a(), j.b(), o);
            } catch (IllegalArgumentException e) {
                throw new UserException(k.at() + "lead-lag tests cannot run on these series: " + e.getMessage());
            }
            step = j.step();
            n = j.dates().size();
            c.commands.add("nwatch opinion leadlag A.csv B.csv --max-lag " + maxLag + (o.difference() ? " --difference" : "")
                    + " --format json   (A = " + a.label() + ", B = " + b.label() + ", " + j.dates().get(0) + " .. "
                    + j.dates().get(j.dates().size() - 1) + ")");
        }
        warnings.addAll(r.warnings());
        List<Integer> sig = new ArrayList<>();
        LeadLag.CcfPoint best = null;
        for (LeadLag.CcfPoint p : r.ccf()) {
            if (p.significant()) {
                sig.add(p.lag());
                if (best == null || Math.abs(p.r()) > Math.abs(best.r())) {
                    best = p;
                }
            }
        }
        double pab = r.aToB() == null ? Double.NaN : r.aToB().p();
        double pba = r.bToA() == null ? Double.NaN : r.bToA().p();
        c.leadLag = new LeadLagOutcome(n, step, best == null ? 0 : best.lag(), best == null ? Double.NaN : best.r(), best != null,
                pab, pba, r.aToB() == null ? 0 : r.aToB().lag(), r.bToA() == null ? 0 : r.bToA().lag(), sig);
        c.value(best == null ? Double.NaN : best.lag(), "lag");
        c.field("lag", best == null ? null : best.lag()).field("r", best == null ? null : best.r()).field("n", n).field("step", step)
                .field("p_a_to_b", Double.isNaN(pab) ? null : pab).field("p_b_to_a", Double.isNaN(pba) ? null : pba)
                .field("significant_lags", sig.toString()).field("a", a.label()).field("b", b.label());
        c.notes.add(r.method());
        c.notes.addAll(warnings);
        c.chart = chart(a, b, c);
        return c;
    }

    /** A poll side keyed by the first day of its midpoint's month (the first poll of a month); other sides as they are. */
    private static NavigableMap<LocalDate, Double> monthly(Side s) {
        if (s.poll() == null) {
            return s.values();
        }
        NavigableMap<LocalDate, Double> m = new TreeMap<>();
        s.values().forEach((d, v) -> m.putIfAbsent(Bucketing.MONTH.start(d), v));
        return m;
    }

    /** B as A: lags change sign, the two Granger directions swap. */
    private static LeadLag.Result flip(LeadLag.Result r) {
        List<LeadLag.CcfPoint> ccf = new ArrayList<>();
        for (LeadLag.CcfPoint p : r.ccf()) {
            ccf.add(new LeadLag.CcfPoint(-p.lag(), p.r(), p.lo(), p.hi(), p.n(), p.rRaw()));
        }
        ccf.sort(java.util.Comparator.comparingInt(LeadLag.CcfPoint::lag));
        return new LeadLag.Result(r.n(), r.method() + " (A and B swapped back to the brief's order)", r.prewhitenOrder(), ccf,
                r.bToA(), r.aToB(), r.warnings());
    }

    private static Side side(Keys k, String name, BriefContext ctx, Computed c) {
        Keys s = k.object(name);
        if (s == null) {
            throw new UserException(k.at() + "leadlag needs " + name + ": {media: {...}} | {poll: {...}} | {series: {...}}");
        }
        List<String> kinds = new ArrayList<>();
        s.node.fieldNames().forEachRemaining(kinds::add);
        if (kinds.size() != 1 || !Set.of("media", "poll", "series").contains(kinds.get(0))) {
            throw new UserException(s.at(null) + "holds exactly one of media, poll, series; found " + kinds);
        }
        Keys body = s.object(kinds.get(0));
        switch (kinds.get(0)) {
            case "media" -> {
                body.allow(MediaFigure.KEYS);
                MediaFigure.Spec spec = MediaFigure.spec(body);
                if (spec.a() != null) {
                    throw body.error("compare", "a leadlag side is a series, not a comparison");
                }
                Bucketing by = body.has("by") ? spec.by() : Bucketing.MONTH;
                Series series = MediaFigure.timeline(ctx.engine(), spec.query(), spec.selection(), by, spec.unit());
                NavigableMap<LocalDate, Double> v = new TreeMap<>();
                List<PartialBucket> cut = new ArrayList<>();
                for (Bucket b : series.buckets()) {
                    if (!b.gap() && b.partial() && !spec.share()) {
                        // a count over fewer days than its neighbours' would read as a fall: left out
                        cut.add(new PartialBucket(b.start(), by.next(b.start()).minusDays(1), b.days(), by.length(b.start())));
                    } else if (!b.gap()) {
                        v.put(b.start(), spec.share() ? b.share() : (double) b.count());
                    }
                }
                if (!cut.isEmpty()) {
                    c.notes.add("media count of '" + spec.query().text() + "': partial bucket(s) left out of the lead-lag: "
                            + PartialBucket.describe(cut));
                }
                return new Side("media", "media " + (spec.share() ? "share" : "count") + " of '" + spec.query().text() + "' by " + by.wire(),
                        v, series, null);
            }
            case "poll" -> {
                body.allow(Set.of("file", "series", "assume_n", "pollster", "question"));
                PollFigure.Loaded l = PollFigure.load(body, ctx, c);
                NavigableMap<LocalDate, Double> v = new TreeMap<>();
                for (PollPoint p : l.series().points()) {
                    v.put(p.midpoint(), p.percent());
                }
                return new Side("poll", "poll " + l.series().id(), v, null, l);
            }
            default -> {
                body.allow(Set.of("file", "column", "from", "to"));
                SeriesFigure.Loaded l = SeriesFigure.load(body, ctx, c);
                return new Side("series", l.file().getFileName() + (l.column() == null ? "" : " · " + l.column()), l.values(), null, null);
            }
        }
    }

    /** Both series on one chart, each scaled to its own range (z-scores), so their timing can be compared by eye. */
    private static Chart chart(Side a, Side b, Computed c) {
        List<Chart.Line> lines = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Side s : List.of(a, b)) {
            List<LocalDate> d = new ArrayList<>(s.values().keySet());
            double[] v = s.values().values().stream().mapToDouble(Double::doubleValue).toArray();
            double mean = java.util.Arrays.stream(v).filter(Double::isFinite).average().orElse(0);
            double sd = Math.sqrt(java.util.Arrays.stream(v).filter(Double::isFinite).map(x -> (x - mean) * (x - mean)).average().orElse(1));
            for (int i = 0; i < v.length; i++) {
                v[i] = sd > 0 ? (v[i] - mean) / sd : 0;
            }
            lines.add(new Chart.Line((s == a ? "A: " : "B: ") + s.label(), d, v, null, null, s.kind().equals("poll")));
            if (!d.isEmpty()) {
                from = from == null || d.get(0).isBefore(from) ? d.get(0) : from;
                to = to == null || d.get(d.size() - 1).isAfter(to) ? d.get(d.size() - 1) : to;
            }
        }
        if (from == null) {
            return null;
        }
        return new Chart("z-score (each series scaled to its own mean and spread)", lines, from, to, List.of(), List.of(), List.of());
    }
}
