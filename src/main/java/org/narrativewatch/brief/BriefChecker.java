package org.narrativewatch.brief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.narrativewatch.UserException;
import org.narrativewatch.index.CorpusStats;

/**
 * Checks a brief: computes every figure through its kind, judges its expectation, and collects what the run rests
 * on. One figure that cannot be computed (bad key, bad query, missing file, no data) is {@code unknown} with a
 * message naming FILE:LINE and the figure; it never stops the others.
 */
public final class BriefChecker {
    private static final Map<String, FigureKind> KINDS = new LinkedHashMap<>();

    static {
        for (FigureKind k : List.of(new MediaFigure(), new TerritoryFigure(), new ScenarioFigure(), new PollFigure(),
                new SeriesFigure(), new LeadLagFigure())) {
            KINDS.put(k.name(), k);
        }
    }

    private BriefChecker() {}

    /**
     * What a check found.
     *
     * @param snapshot  the corpus snapshot (when a media figure opened the index), data folder, tool and time
     * @param problems  references in the prose that point nowhere (FILE:LINE)
     */
    public record Result(Brief brief, List<Claim> claims, Map<String, Object> snapshot, List<String> problems, long millis) {
        public Result {
            claims = List.copyOf(claims);
            problems = List.copyOf(problems);
        }

        public boolean anyFails() {
            return claims.stream().anyMatch(c -> c.status() == Status.FAILS);
        }

        public Map<String, Claim> byId() {
            Map<String, Claim> m = new LinkedHashMap<>();
            claims.forEach(c -> m.putIfAbsent(c.id(), c));
            return m;
        }
    }

    /** Checks the figures {@code only} accepts (by id; all when null). */
    public static Result check(BriefContext ctx, Predicate<String> only) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        Brief brief = ctx.brief();
        List<Claim> claims = new ArrayList<>();
        for (FigureSpec f : brief.figures()) {
            if (only == null || only.test(f.id())) {
                claims.add(evaluate(f, ctx));
            }
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("time", started.toString());
        snapshot.put("tool", ctx.sources().toolVersion());
        if (ctx.engineUsed()) {
            try {
                CorpusStats s = ctx.corpus();
                snapshot.put("corpus", s.snapshot());
                snapshot.put("articles", s.articles());
                snapshot.put("outlets", s.outlets());
                snapshot.put("from", String.valueOf(s.from()));
                snapshot.put("to", String.valueOf(s.to()));
            } catch (UserException e) {
                snapshot.put("corpus", null);
            }
        } else {
            snapshot.put("corpus", null);
        }
        snapshot.put("engine", ctx.sources().engineArgs());
        snapshot.put("data", ctx.sources().data() == null ? null : ctx.sources().data().toString());
        Result partial = new Result(brief, claims, snapshot, List.of(), 0);
        List<String> problems = Refs.problems(brief, partial.byId());
        return new Result(brief, claims, snapshot, problems, (System.nanoTime() - t0) / 1_000_000);
    }

    static Claim evaluate(FigureSpec f, BriefContext ctx) {
        long t0 = System.nanoTime();
        String file = ctx.file();
        if (f.malformed()) {
            return Claim.unknown(f, f.problem(), 0);
        }
        try {
            Expectation.validate(f, file);
            FigureKind kind = KINDS.get(f.kind());
            Keys body = new Keys(f, f.body(), f.kind(), file);
            body.allow(kind.keys());
            Computed c = kind.compute(body, ctx);
            Expectation.Verdict v = Expectation.judge(f, c, file);
            List<Chart.Marker> extra = new ArrayList<>();
            if (f.expect() != null && f.expect().has("near")) {
                extra.add(new Chart.Marker(java.time.LocalDate.parse(f.expect().get("near").asText().strip()),
                        "expected near " + f.expect().get("near").asText(), Chart.MarkerKind.EXPECTED));
            }
            for (FrontMatter.Event e : ctx.brief().front().events()) {
                extra.add(new Chart.Marker(e.date(), e.label(), Chart.MarkerKind.EVENT));
            }
            Chart chart = c.chart == null ? null : c.chart.withMarkers(extra);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Claim(f.id(), f.kind(), f.line(), Claim.title(f), v.status(), Double.isNaN(c.value) ? null : c.value,
                    c.unit, Double.isNaN(c.lo) ? null : c.lo, Double.isNaN(c.hi) ? null : c.hi, f.expect(), v.expected(),
                    v.reason(), new LinkedHashMap<>(c.fields), c.changes == null ? List.of() : List.copyOf(c.changes), c.compare,
                    c.leadLag, chart, List.copyOf(c.commands), List.copyOf(c.files), List.copyOf(c.notes), List.copyOf(c.partials), ms);
        } catch (UserException e) {
            String msg = e.getMessage().lines().findFirst().orElse("error");
            if (!msg.startsWith(file + ":")) {
                msg = file + ":" + f.line() + ": figure '" + f.id() + "': " + msg;
            }
            return Claim.unknown(f, msg, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // a figure must never take the others down; say what broke so it can be reported
            return Claim.unknown(f, file + ":" + f.line() + ": figure '" + f.id() + "': internal error: " + e, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
