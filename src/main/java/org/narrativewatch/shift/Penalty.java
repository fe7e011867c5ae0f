package org.narrativewatch.shift;

import java.util.Locale;
import org.narrativewatch.InvalidOptionException;

/**
 * The price of one more change point, in units of -2 log-likelihood. Defined as in R changepoint's
 * {@code penalty_decision}: BIC ("SIC") = (p + 1) log n, MBIC = (p + 2) log n plus log(segment length)
 * added to every segment's cost, where p is {@link Model#params} and n the number of observations.
 */
public record Penalty(Kind kind, double manual) {

    public enum Kind { MBIC, BIC, MANUAL, LOG_N }

    public static final Penalty MBIC = new Penalty(Kind.MBIC, Double.NaN);
    public static final Penalty BIC = new Penalty(Kind.BIC, Double.NaN);

    public static Penalty manual(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidOptionException("penalty", "must be mbic, bic or a number >= 0, not " + value);
        }
        return new Penalty(Kind.MANUAL, value);
    }

    /** k log n, like R's pen.value = "k*log(n)" with penalty = "Manual". */
    public static Penalty timesLogN(double k) {
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new InvalidOptionException("penalty", "k*log(n) needs k >= 0, not " + k);
        }
        return new Penalty(Kind.LOG_N, k);
    }

    private static final java.util.regex.Pattern LOG_N =
            java.util.regex.Pattern.compile("([0-9]*\\.?[0-9]+)\\s*\\*?\\s*log\\s*\\(?\\s*n\\s*\\)?");

    public static Penalty parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = LOG_N.matcher(t);
        if (m.matches()) {
            return timesLogN(Double.parseDouble(m.group(1)));
        }
        return switch (t) {
            case "mbic" -> MBIC;
            case "bic", "sic" -> BIC;
            default -> {
                try {
                    yield manual(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new InvalidOptionException("penalty", "must be mbic, bic, a number or k*log(n), not '" + s + "'");
                }
            }
        };
    }

    /** The per-change penalty for a series of {@code n} observations under {@code model}. */
    public double value(Model model, int n) {
        double logn = Math.log(Math.max(n, 2));
        return switch (kind) {
            case BIC -> (model.params + 1) * logn;
            case MBIC -> (model.params + 2) * logn;
            case MANUAL -> manual;
            case LOG_N -> manual * logn;
        };
    }

    /** MBIC also charges each segment log(its length), as R's costs do when MBIC is chosen. */
    public boolean chargesSegmentLength() {
        return kind == Kind.MBIC;
    }

    public String wire() {
        return switch (kind) {
            case MANUAL -> Double.toString(manual);
            case LOG_N -> manual + "*log(n)";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
