package org.narrativewatch.brief;

/**
 * Window b against window a: their levels (per-day rate, share or mean) and the relative change (b - a) / a with a
 * 95% interval.
 */
public record Relative(String aLabel, String bLabel, double a, double b, double change, double lo, double hi, String method) {
    /** True when the interval excludes "no change". */
    public boolean decided() {
        return lo > 0 || hi < 0;
    }
}
