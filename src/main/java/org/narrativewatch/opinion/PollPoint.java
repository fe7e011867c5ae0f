package org.narrativewatch.opinion;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One published figure: a share of respondents (or a difference of two shares, such as Levada's
 * index) from one fieldwork period, with what its sampling interval rests on.
 *
 * @param key           the series it belongs to
 * @param start         first day of fieldwork
 * @param end           last day of fieldwork (inclusive)
 * @param percent       the figure in percent (a difference in points for {@link Kind#DIFFERENCE})
 * @param n             the sample size as published, or null when the source gives none
 * @param nUsed         the sample size the interval uses: {@code n}, or the assumed one
 * @param designEffect  variance inflation for weighting and clustering (1 = simple random sample)
 * @param kind          share or difference of shares
 * @param mode          interview mode as published (face-to-face, telephone, online), may be empty
 * @param dating        how the fieldwork period was read, in words (said in outputs)
 * @param origin        where the point came from: file name and line
 */
public record PollPoint(SeriesKey key, LocalDate start, LocalDate end, double percent, Integer n, int nUsed,
                        double designEffect, Kind kind, String mode, String dating, String origin) {

    /** Normal-approximation multiplier of a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    public enum Kind {
        /** a share of respondents, 0..100 */
        SHARE,
        /** a difference of two shares of the same respondents (e.g. approve minus disapprove), -100..100 */
        DIFFERENCE
    }

    public PollPoint {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("fieldwork ends " + end + " before it starts " + start);
        }
        double lo = kind == Kind.SHARE ? 0 : -100;
        if (!(percent >= lo && percent <= 100)) {
            throw new IllegalArgumentException("value " + percent + " is outside " + (int) lo + "..100");
        }
        if (nUsed < 2) {
            throw new IllegalArgumentException("sample size " + nUsed + " is too small");
        }
        if (!(designEffect >= 1)) {
            throw new IllegalArgumentException("design effect " + designEffect + " is below 1");
        }
        mode = mode == null ? "" : mode;
        dating = dating == null ? "" : dating;
        origin = origin == null ? "" : origin;
    }

    /** Fieldwork midpoint: the date the point stands for (the earlier day when the period has an even length). */
    public LocalDate midpoint() {
        return start.plusDays(ChronoUnit.DAYS.between(start, end) / 2);
    }

    public boolean nAssumed() {
        return n == null;
    }

    /** Effective sample size after the design effect. */
    public double effectiveN() {
        return nUsed / designEffect;
    }

    /**
     * Standard error in percentage points. For a difference of two shares of one multinomial sample,
     * var(p1 - p2) = (p1 + p2 - (p1 - p2)^2) / n; the two shares are not stored, so the bound
     * p1 + p2 ≤ 1 gives the conservative (1 - d^2) / n.
     */
    public double standardError() {
        double p = percent / 100;
        double var = kind == Kind.SHARE ? p * (1 - p) : 1 - p * p;
        return 100 * Math.sqrt(var / effectiveN());
    }

    /** Lower end of the 95% sampling interval (sampling error only: no house effects, no non-response bias). */
    public double lo() {
        return Math.max(kind == Kind.SHARE ? 0 : -100, percent - Z95 * standardError());
    }

    public double hi() {
        return Math.min(100, percent + Z95 * standardError());
    }

    /** Identity for de-duplication: the same series and fieldwork period is the same point. */
    String identity() {
        return key.id() + "|" + start + "|" + end;
    }
}
