package org.narrativewatch.timeline;

import java.time.LocalDate;
import java.util.List;

/**
 * A timeline: every bucket from {@code from} to {@code to} present, in order, with counts and the
 * totals they are shares of. What an engine returns for a query, and what the analysis stages
 * (shift detection, opinion) consume.
 *
 * @param label  what was counted (the query text as the user wrote it)
 * @param by     the bucketing
 * @param from   first day of the first bucket
 * @param to     last day covered (inclusive)
 * @param unit   "articles" or "stories" (syndicated copies counted once)
 * @param buckets every bucket in the range, gaps included
 */
public record Series(String label, Bucketing by, LocalDate from, LocalDate to, String unit, List<Bucket> buckets) {

    public Series {
        buckets = List.copyOf(buckets);
    }

    public long[] counts() {
        return buckets.stream().mapToLong(Bucket::count).toArray();
    }

    public long[] totals() {
        return buckets.stream().mapToLong(Bucket::total).toArray();
    }

    /** Shares, NaN in gap buckets. */
    public double[] shares() {
        return buckets.stream().mapToDouble(Bucket::share).toArray();
    }

    public List<LocalDate> starts() {
        return buckets.stream().map(Bucket::start).toList();
    }
}
