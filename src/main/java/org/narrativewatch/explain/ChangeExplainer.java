package org.narrativewatch.explain;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.narrativewatch.explain.names.NameTagger;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;

/**
 * "What changed" at each change point of a query's timeline ({@code nwatch shifts --explain}, the
 * shifts endpoint with {@code explain=true}): the query's articles after the change against its
 * articles before it, each side running from the change to the neighbouring change (or the end of
 * the series) and at most {@code days} long, so a change is explained by what happened around it.
 */
public final class ChangeExplainer {
    private ChangeExplainer() {}

    public static final int DEFAULT_DAYS = 90;
    public static final int DEFAULT_TOP = 10;

    /** The two sides of one change: before = [beforeFrom, beforeTo], after = [afterFrom, afterTo]. */
    public record Windows(LocalDate change, LocalDate beforeFrom, LocalDate beforeTo, LocalDate afterFrom, LocalDate afterTo) {}

    /**
     * @param changes change dates (the first day of the first bucket after each change), ascending
     * @param first   the series' first day
     * @param last    the series' last day
     */
    public static List<Windows> windows(List<LocalDate> changes, LocalDate first, LocalDate last, int days) {
        List<Windows> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            LocalDate d = changes.get(i);
            LocalDate previous = i == 0 ? first : changes.get(i - 1);
            LocalDate next = i + 1 < changes.size() ? changes.get(i + 1).minusDays(1) : last;
            LocalDate beforeFrom = max(previous, d.minusDays(days));
            LocalDate afterTo = min(next, d.plusDays(days - 1L));
            out.add(new Windows(d, beforeFrom, d.minusDays(1), d, afterTo));
        }
        return out;
    }

    /** One explanation per change, after against before. */
    public static List<Explanation> explain(Engine engine, NameTagger tagger, Query query, Selection selection,
                                            List<Windows> windows, int top) throws IOException {
        Explainer explainer = new Explainer(engine, tagger);
        List<Explanation> out = new ArrayList<>();
        for (Windows w : windows) {
            ExplainRequest r = new ExplainRequest(query, selection.withDates(w.afterFrom(), w.afterTo()), w.beforeFrom(),
                    w.beforeTo(), top, ExplainRequest.DEFAULT_MIN_COUNT, ExplainRequest.DEFAULT_MAX_P,
                    ExplainRequest.DEFAULT_SAMPLE, "g2", false);
            out.add(explainer.explain(r));
        }
        return out;
    }

    /** A line for tables and CSV: the labels of the items of one direction. */
    public static String labels(Explanation e, String direction, int max) {
        return String.join("; ", e.terms().stream().filter(t -> t.direction().equals(direction)).limit(max)
                .map(Explanation.Term::label).toList());
    }

    /** A short block under a shifts table. */
    public static String summary(Explanation e, int max) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  after %s..%s (%d articles) vs before %s..%s (%d)%n", e.window().from(), e.window().to(),
                e.window().articles(), e.baseline().from(), e.baseline().to(), e.baseline().articles()));
        b.append("    more: ").append(orNone(labels(e, "over", max))).append('\n');
        b.append("    less: ").append(orNone(labels(e, "under", max))).append('\n');
        List<String> outlets = e.outlets().stream().filter(s -> s.facet().equals("outlet") && s.score().direction() > 0
                && s.score().p() < 0.05).limit(3).map(s -> String.format(Locale.ROOT, "%s %.0f%% (was %.0f%%)", s.name(),
                100 * s.score().share(), 100 * s.score().baselineShare())).toList();
        if (!outlets.isEmpty()) {
            b.append("    outlets: ").append(String.join("; ", outlets)).append('\n');
        }
        e.articles().stream().limit(3).forEach(a -> b.append("    ").append(a.date()).append("  ")
                .append(ExplanationFormat.oneLine(a.title())).append('\n'));
        return b.toString();
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "-" : s;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
