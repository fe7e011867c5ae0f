package org.narrativewatch.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * Per-day counts and totals over {@code range} ({@code counts[i]} is day {@code range.first() + i})
     * folded into every bucket that touches the range, the first and last possibly cut. This is the
     * one place buckets are made from days, for every engine. {@code covered} is the corpus' first to
     * last day (null for an empty corpus): a bucket's {@link Bucket#days()} counts the days inside
     * both ranges, and a bucket with fewer days than its calendar length is {@link Bucket#partial()}.
     */
    public static Series fold(String label, Bucketing by, String unit, DayRange range, DayRange covered,
                              long[] counts, long[] totals) {
        // days are summed as epoch-day integers: a daily series over 26 years is ~9,600 days, and
        // LocalDate arithmetic per day was a fifth of a warm timeline's time
        long first = range.first().toEpochDay();
        long last = range.last().toEpochDay();
        long coveredFirst = covered == null ? Long.MAX_VALUE : Math.max(first, covered.first().toEpochDay());
        long coveredLast = covered == null ? Long.MIN_VALUE : Math.min(last, covered.last().toEpochDay());
        List<Bucket> buckets = new ArrayList<>();
        LocalDate start = by.start(range.first());
        while (!start.isAfter(range.last())) {
            LocalDate next = by.next(start);
            long startDay = start.toEpochDay();
            long endDay = next.toEpochDay() - 1;
            long lo = Math.max(first, startDay);
            long hi = Math.min(last, endDay);
            long c = 0, t = 0;
            for (long d = lo; d <= hi; d++) {
                int i = (int) (d - first);
                c += counts[i];
                t += totals[i];
            }
            long inFrom = Math.max(lo, coveredFirst);
            long inTo = Math.min(hi, coveredLast);
            int days = inTo < inFrom ? 0 : (int) (inTo - inFrom + 1);
            buckets.add(new Bucket(start, c, t, days, days < endDay - startDay + 1));
            start = next;
        }
        return new Series(label, by, range.first(), range.last(), unit, buckets);
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

    /** Days each bucket covers (its exposure), see {@link Bucket#days()}. */
    public int[] days() {
        return buckets.stream().mapToInt(Bucket::days).toArray();
    }

    public List<LocalDate> starts() {
        return buckets.stream().map(Bucket::start).toList();
    }
}
