package org.narrativewatch.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucket;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.DayRange;
import org.narrativewatch.timeline.Series;

/**
 * The corpus as the CLI, the server and the analysis code read it, over any {@link Engine}: the
 * timeline of a query, its breakdown by outlet or group, search, statistics and the snapshot. The
 * engine only counts per day (over the days {@link Selection#days} gives); the folding into buckets
 * (with the days each bucket covers), the breakdown's series and the statistics are made here, once
 * for every engine.
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
     * Every bucket of the selection's date range within the corpus' first and last day, gaps
     * included; an empty corpus or a range outside it gives a series without buckets.
     */
    public Series timeline(Query query, Selection selection, Bucketing by, Engine.CountUnit unit) throws IOException {
        DayCounts c = engine.dayCounts(query, selection, unit, null);
        if (c.days() == null) {
            DayRange covered = c.covered();
            return new Series(query.text(), by, selection.from() != null ? selection.from() : covered == null ? null : covered.first(),
                    selection.to() != null ? selection.to() : covered == null ? null : covered.last(), unit.wire(), List.<Bucket>of());
        }
        RangeBounds.checkBuckets(c.days(), by);
        long[] zeros = new long[c.days().length()];
        return Series.fold(query.text(), by, unit.wire(), c.days(), c.covered(),
                c.matches().getOrDefault(DayCounts.WHOLE, zeros), c.totals().getOrDefault(DayCounts.WHOLE, zeros));
    }

    /**
     * The same timeline split by outlet or group, counted in one pass: one series per value with
     * articles in the selection and range, by value name.
     */
    public Map<String, Series> breakdown(Query query, Selection selection, Bucketing by, Engine.CountUnit unit,
                                         Engine.Facet facet) throws IOException {
        DayCounts c = engine.dayCounts(query, selection, unit, Objects.requireNonNull(facet, "facet"));
        Map<String, Series> out = new TreeMap<>();
        if (c.days() == null) {
            return out;
        }
        RangeBounds.checkBuckets(c.days(), by);
        long[] zeros = new long[c.days().length()];
        c.totals().forEach((value, totals) -> {
            Series s = Series.fold(query.text(), by, unit.wire(), c.days(), c.covered(), c.matches().getOrDefault(value, zeros), totals);
            if (s.buckets().stream().anyMatch(b -> b.total() > 0)) {
                out.put(value, s);
            }
        });
        return out;
    }

    public Hits search(Query query, Selection selection, int limit, Engine.HitOrder order) throws IOException {
        return engine.search(query, selection, limit, order);
    }

    /** A page of matches: {@code limit} after the first {@code offset}. */
    public Hits search(Query query, Selection selection, int offset, int limit, Engine.HitOrder order) throws IOException {
        return engine.search(query, selection, offset, limit, order);
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
}
