package org.narrativewatch.timeline;

import java.time.LocalDate;

/**
 * One calendar bucket of a series.
 *
 * @param start   first day of the bucket (a Monday for weeks, the 1st for months), even where the
 *                series' range starts later
 * @param count   matching articles (or stories, see {@link Series#unit()})
 * @param total   all articles of the same selection in the bucket: what {@code count} is a share of
 * @param days    how many of the bucket's days the numbers cover: inside the series' range and
 *                inside the corpus' covered range (its first to its last article day). The exposure
 *                a detector weighs the bucket by; 0 where the bucket lies wholly outside
 * @param partial the bucket covers fewer days than its calendar length ({@code days} below 7 for a
 *                week, below the month's length for a month): cut by the range's start or end or by
 *                the corpus' first or last day. Its count is not comparable with whole buckets'
 */
public record Bucket(LocalDate start, long count, long total, int days, boolean partial) {

    /** A bucket whose numbers cover every day of it (series that do not come from a corpus: polls, files). */
    public static Bucket whole(Bucketing by, LocalDate start, long count, long total) {
        return new Bucket(start, count, total, by.length(start), false);
    }

    /** count / total, or NaN where the selection has no articles (a gap, not a zero). */
    public double share() {
        return total == 0 ? Double.NaN : (double) count / total;
    }

    /** True where the selection has no articles at all in this bucket: missing data, not a zero. */
    public boolean gap() {
        return total == 0;
    }
}
