package org.narrativewatch.shift;

/**
 * How to detect.
 *
 * @param model      segment model; null = choose from the data ({@link ShiftDetector#autoModel})
 * @param penalty    penalty rule (BIC by default; MBIC is R changepoint's default)
 * @param minSegment shortest segment in buckets; 0 = the model's minimum
 * @param method     PELT (exact), binary segmentation, or BOCPD (online; penalty not used)
 * @param robust     treat single-bucket outliers as missing before segmenting
 * @param dispersion estimate over-dispersion for count models (quasi-likelihood); false = pure
 *                   Poisson/binomial, exactly R's Poisson cost
 */
public record ShiftOptions(Model model, Penalty penalty, int minSegment, Method method, boolean robust, boolean dispersion) {

    public enum Method {
        PELT, BINSEG, BOCPD;

        public static Method parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "pelt" -> PELT;
                case "binseg" -> BINSEG;
                case "bocpd" -> BOCPD;
                default -> throw new org.narrativewatch.InvalidOptionException("method", "must be pelt, binseg or bocpd, not '" + s + "'");
            };
        }
    }

    public static final ShiftOptions DEFAULT = new ShiftOptions(null, Penalty.BIC, 0, Method.PELT, false, true);

    public ShiftOptions withModel(Model m) {
        return new ShiftOptions(m, penalty, minSegment, method, robust, dispersion);
    }

    public ShiftOptions withPenalty(Penalty p) {
        return new ShiftOptions(model, p, minSegment, method, robust, dispersion);
    }

    public ShiftOptions withMinSegment(int m) {
        return new ShiftOptions(model, penalty, m, method, robust, dispersion);
    }

    public ShiftOptions withMethod(Method m) {
        return new ShiftOptions(model, penalty, minSegment, m, robust, dispersion);
    }

    public ShiftOptions withRobust(boolean r) {
        return new ShiftOptions(model, penalty, minSegment, method, r, dispersion);
    }

    public ShiftOptions withDispersion(boolean d) {
        return new ShiftOptions(model, penalty, minSegment, method, robust, d);
    }
}
