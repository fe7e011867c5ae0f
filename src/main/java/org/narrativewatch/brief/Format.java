package org.narrativewatch.brief;

import java.util.Locale;

/** How numbers read in a brief: thousands separated, shares and relative changes as percentages. */
final class Format {
    private Format() {}

    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (unit == null ? "" : unit) {
            case Computed.SHARE, Computed.RELATIVE -> percent(v);
            case Computed.PERCENT -> number(v) + "%";
            default -> number(v);
        };
    }

    /** 12,345 for large or whole values; 3 significant digits for small ones. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        double p = 100 * fraction;
        double a = Math.abs(p);
        return String.format(Locale.ROOT, a >= 10 || p == Math.rint(p) ? "%.0f%%" : a >= 1 ? "%.1f%%" : "%.2g%%", p);
    }

    static String signedPercent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        return (fraction > 0 ? "+" : fraction < 0 ? "−" : "") + percent(Math.abs(fraction));
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
