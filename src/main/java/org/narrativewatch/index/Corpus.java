package org.narrativewatch.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.DayRange;
import org.narrativewatch.timeline.Series;

/**
 * The corpus as the CLI, the server and the analysis code read it, over any {@link Engine}: the
 * timeline of a query, its breakdown by outlet or group, search, statistics and the snapshot. The
 * engine only counts per day; the date range a selection means, the folding into buckets (with the
 * days each bucket covers) and the statistics are made here, once for every engine.
 */
public final class Corpus {

    private final Engine engine;

    public Corpus(Engine engine) {
        this.engine = engine;
    }

    public static Corpus of(Engine engine) {
        return new Corpus(engine);
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Every bucket of the selection's date range, gaps included. Open ends of the selection are the
     * corpus' first and last day; an empty corpus (with an open end) or a range that ends before it
     * starts gives a series without buckets.
     */
    public Series timeline(Query query, Selection selection, Bucketing by, Engine.CountUnit unit) throws IOException {
        DayRange covered = engine.dayRange().orElse(null);
        LocalDate from = from(selection, covered);
        LocalDate to = to(selection, covered);
        if (from == null || to == null || to.isBefore(from)) {
            return new Series(query.text(), by, from, to, unit.wire(), List.<Bucket>of());
        }
        DayRange days = new DayRange(from, to);
        DayCounts c = engine.dayCounts(query, selection, days, unit, null);
        long[] zeros = new long[days.length()];
        return Series.fold(query.text(), by, unit.wire(), days, covered,
                c.matches().getOrDefault(DayCounts.WHOLE, zeros), c.totals().getOrDefault(DayCounts.WHOLE, zeros));
    }

    /**
     * The same timeline split by outlet or group, counted in one pass: one series per value with
     * articles in the selection and range, by value name.
     */
    public Map<String, Series> breakdown(Query query, Selection selection, Bucketing by, Engine.CountUnit unit,
                                         Engine.Facet facet) throws IOException {
        DayRange covered = engine.dayRange().orElse(null);
        LocalDate from = from(selection, covered);
        LocalDate to = to(selection, covered);
        Map<String, Series> out = new TreeMap<>();
        if (from == null || to == null || to.isBefore(from)) {
            return out;
        }
        DayRange days = new DayRange(from, to);
        DayCounts c = engine.dayCounts(query, selection, days, unit, facet);
        long[] zeros = new long[days.length()];
        c.totals().forEach((value, totals) -> {
            Series s = Series.fold(query.text(), by, unit.wire(), days, covered, c.matches().getOrDefault(value, zeros), totals);
            if (s.buckets().stream().anyMatch(b -> b.total() > 0)) {
                out.put(value, s);
            }
        });
        return out;
    }

    /** The selection's first day; where it is open, the corpus' first (null for an empty corpus). */
    private static LocalDate from(Selection selection, DayRange corpus) {
        return selection.from() != null ? selection.from() : corpus == null ? null : corpus.first();
    }

    private static LocalDate to(Selection selection, DayRange corpus) {
        return selection.to() != null ? selection.to() : corpus == null ? null : corpus.last();
    }

    public Hits search(Query query, Selection selection, int limit, Engine.HitOrder order) throws IOException {
        return engine.search(query, selection, limit, order);
    }

    public CorpusStats stats() throws IOException {
        return CorpusStats.of(engine.facts());
    }

    /** Outlets with their group, article count and first and last day, by name. */
    public List<OutletInfo> outlets() throws IOException {
        return engine.facts().outlets();
    }

    public Snapshot snapshot() throws IOException {
        return engine.snapshot();
    }

    public String engineName() {
        return engine.name();
    }
}
