package org.narrativewatch.shift;

import java.util.Locale;
import org.narrativewatch.UserException;

/**
 * The price of one more change point, in units of -2 log-likelihood. Defined as in R changepoint's
 * {@code penalty_decision}: BIC ("SIC") = (p + 1) log n, MBIC = (p + 2) log n plus log(segment length)
 * added to every segment's cost, where p is {@link Model#params} and n the number of observations.
 */
public record Penalty(Kind kind, double manual) {

    public enum Kind { MBIC, BIC, MANUAL }

    public static final Penalty MBIC = new Penalty(Kind.MBIC, Double.NaN);
    public static final Penalty BIC = new Penalty(Kind.BIC, Double.NaN);

    public static Penalty manual(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserException("--penalty must be mbic, bic or a number >= 0, not " + value);
        }
        return new Penalty(Kind.MANUAL, value);
    }

    public static Penalty parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "mbic" -> MBIC;
            case "bic", "sic" -> BIC;
            default -> {
                try {
                    yield manual(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new UserException("--penalty must be mbic, bic or a number, not '" + s + "'");
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
        };
    }

    /** MBIC also charges each segment log(its length), as R's costs do when MBIC is chosen. */
    public boolean chargesSegmentLength() {
        return kind == Kind.MBIC;
    }

    public String wire() {
        return kind == Kind.MANUAL ? Double.toString(manual) : kind.name().toLowerCase(Locale.ROOT);
    }
}
