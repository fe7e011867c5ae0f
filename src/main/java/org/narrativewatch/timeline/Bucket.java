package org.narrativewatch.timeline;

import java.time.LocalDate;

/**
 * One calendar bucket of a series.
 *
 * @param start first day of the bucket
 * @param count matching articles (or stories, see {@link Series#unit()})
 * @param total all articles of the same selection in the bucket: what {@code count} is a share of
 */
public record Bucket(LocalDate start, long count, long total) {

    /** count / total, or NaN where the selection has no articles (a gap, not a zero). */
    public double share() {
        return total == 0 ? Double.NaN : (double) count / total;
    }

    /** True where the selection has no articles at all in this bucket: missing data, not a zero. */
    public boolean gap() {
        return total == 0;
    }
}
