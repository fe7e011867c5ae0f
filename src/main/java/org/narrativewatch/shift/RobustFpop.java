package org.narrativewatch.shift;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact penalised segmentation of a mean per segment under a loss that is piecewise quadratic in the mean:
 * squared, Huber, or biweight (Tukey's, min(r², K²): Fearnhead and Rigaill 2019, "Changepoint detection in the
 * presence of outliers", R-FPOP). The biweight loss is not convex, so neither PELT's test nor a closed-form segment
 * cost helps; functional pruning does: Q_t(μ) = min over candidates s of F(s) + β + Σ_{s ≤ i < t} γ(x_i − μ) is kept
 * as a list of pieces (an interval of μ, a quadratic in μ, the candidate it belongs to), each new bucket's loss is
 * added piece by piece (split at its own breakpoints), a new candidate enters as the constant F(t) + β wherever it is
 * below, and F(t) is the minimum of Q_t. A candidate lives only where it is lowest, so the list stays short; the
 * answer is the exact optimum (compared with optimal partitioning over exact segment costs in RobustFpopTest).
 * <p>
 * Residuals are in units of the scale σ and weighed by each bucket's exposure w (the standardised residual is
 * √w (x − μ) / σ; exposures carry the variance segments' weights). Written by hand: no maintained JVM library
 * implements R-FPOP.
 */
final class RobustFpop {
    private RobustFpop() {}

    /** Biweight threshold, in sds: Fearnhead and Rigaill's choice. */
    static final double BIWEIGHT_K = 3;
    /** Huber threshold, in sds: 95% efficiency at the normal. */
    static final double HUBER_C = 1.345;

    /** A piece of Q: a μ² + b μ + c on [lo, hi], belonging to candidate {@code tag}. */
    private record Piece(double lo, double hi, double a, double b, double c, int tag) {
        double at(double mu) {
            return (a * mu + b) * mu + c;
        }

        /** The minimum over [lo, hi] and where (the lower end on a flat or rising piece). */
        double[] min() {
            double mu;
            if (a > 0) {
                mu = Math.max(lo, Math.min(hi, -b / (2 * a)));
            } else {
                mu = b > 0 ? lo : b < 0 ? hi : (Double.isInfinite(lo) ? (Double.isInfinite(hi) ? 0 : hi) : lo);
            }
            return new double[] {a == 0 && b == 0 ? c : at(mu), mu};
        }
    }

    /** The loss of one bucket as pieces in μ: (a, b, c) on [lo, hi]. */
    private static List<double[]> loss(ShiftOptions.MeanLoss loss, double x, double w, double sigma) {
        double q = w / (sigma * sigma); // (μ − x)² × q = the squared standardised residual
        double a = q;
        double b = -2 * q * x;
        double c = q * x * x;
        List<double[]> out = new ArrayList<>();
        switch (loss) {
            case SQUARED -> out.add(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, a, b, c});
            case BIWEIGHT -> {
                double h = BIWEIGHT_K * sigma / Math.sqrt(w);
                double k2 = BIWEIGHT_K * BIWEIGHT_K;
                out.add(new double[] {Double.NEGATIVE_INFINITY, x - h, 0, 0, k2});
                out.add(new double[] {x - h, x + h, a, b, c});
                out.add(new double[] {x + h, Double.POSITIVE_INFINITY, 0, 0, k2});
            }
            case HUBER -> {
                double h = HUBER_C * sigma / Math.sqrt(w);
                double slope = 2 * HUBER_C * Math.sqrt(q); // 2c |√q (μ − x)| − c²
                double c2 = HUBER_C * HUBER_C;
                out.add(new double[] {Double.NEGATIVE_INFINITY, x - h, 0, -slope, slope * x - c2});
                out.add(new double[] {x - h, x + h, a, b, c});
                out.add(new double[] {x + h, Double.POSITIVE_INFINITY, 0, slope, -slope * x - c2});
            }
        }
        return out;
    }

    /**
     * The optimal changes (first bucket of each new segment) of Σ_segments min_μ Σ γ + β × changes, and that
     * minimum without the penalties; minimum segment 1, missing buckets adding nothing.
     */
    static Pelt.Result run(Observations obs, double sigma, ShiftOptions.MeanLoss loss, double penalty) {
        int n = obs.size();
        if (n == 0) {
            return new Pelt.Result(new int[0], 0);
        }
        double[] f = new double[n + 1];
        int[] last = new int[n + 1];
        f[0] = -penalty;
        List<Piece> q = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            q = withCandidate(q, f[t] + penalty, t);
            if (!obs.missing(t)) {
                q = plus(q, loss(loss, obs.values()[t] / obs.exposure(t), obs.exposure(t), sigma));
            }
            double best = Double.POSITIVE_INFINITY;
            int arg = 0;
            for (Piece p : q) {
                double v = p.min()[0];
                if (v < best || (v == best && p.tag() < arg)) {
                    best = v;
                    arg = p.tag();
                }
            }
            f[t + 1] = best;
            last[t + 1] = arg;
        }
        int[] cps = Pelt.backtrack(last, n);
        return new Pelt.Result(cps, f[n] - penalty * cps.length);
    }

    /** min(Q, v): the new candidate t is the constant v wherever Q is above it. */
    private static List<Piece> withCandidate(List<Piece> q, double v, int t) {
        List<Piece> out = new ArrayList<>();
        if (q.isEmpty()) {
            out.add(new Piece(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, v, t));
            return out;
        }
        for (Piece p : q) {
            // where a μ² + b μ + (c − v) ≤ 0 within [lo, hi]: p stays there, the constant elsewhere
            double a = p.a();
            double b = p.b();
            double c = p.c() - v;
            double r1;
            double r2;
            if (a > 0) {
                double disc = b * b - 4 * a * c;
                if (disc < 0) {
                    r1 = Double.NaN;
                    r2 = Double.NaN;
                } else {
                    double sq = Math.sqrt(disc);
                    // numerically stable roots
                    double qq = -0.5 * (b + Math.copySign(sq, b));
                    double x1 = qq / a;
                    double x2 = qq != 0 ? c / qq : x1;
                    r1 = Math.min(x1, x2);
                    r2 = Math.max(x1, x2);
                }
            } else if (b > 0) {
                r1 = Double.NEGATIVE_INFINITY;
                r2 = -c / b;
            } else if (b < 0) {
                r1 = -c / b;
                r2 = Double.POSITIVE_INFINITY;
            } else if (c <= 0) {
                r1 = Double.NEGATIVE_INFINITY;
                r2 = Double.POSITIVE_INFINITY;
            } else {
                r1 = Double.NaN;
                r2 = Double.NaN;
            }
            double lo = p.lo();
            double hi = p.hi();
            if (Double.isNaN(r1) || r2 <= lo || r1 >= hi) {
                add(out, new Piece(lo, hi, 0, 0, v, t));
                continue;
            }
            double keepLo = Math.max(lo, r1);
            double keepHi = Math.min(hi, r2);
            if (keepLo > lo) {
                add(out, new Piece(lo, keepLo, 0, 0, v, t));
            }
            add(out, new Piece(keepLo, keepHi, p.a(), p.b(), p.c(), p.tag()));
            if (keepHi < hi) {
                add(out, new Piece(keepHi, hi, 0, 0, v, t));
            }
        }
        return out;
    }

    /** Appends p, merged into the previous piece when both are the same function of the same candidate. */
    private static void add(List<Piece> out, Piece p) {
        if (!(p.hi() > p.lo())) {
            return;
        }
        if (!out.isEmpty()) {
            Piece last = out.get(out.size() - 1);
            if (last.tag() == p.tag() && last.a() == p.a() && last.b() == p.b() && last.c() == p.c()) {
                out.set(out.size() - 1, new Piece(last.lo(), p.hi(), p.a(), p.b(), p.c(), p.tag()));
                return;
            }
        }
        out.add(p);
    }

    /** Q + γ: each piece split at the loss's breakpoints and the loss's coefficients added. */
    private static List<Piece> plus(List<Piece> q, List<double[]> g) {
        List<Piece> out = new ArrayList<>(q.size() + 2);
        int j = 0;
        for (Piece p : q) {
            double lo = p.lo();
            while (lo < p.hi()) {
                while (g.get(j)[1] <= lo) {
                    j++;
                }
                double[] gj = g.get(j);
                double hi = Math.min(p.hi(), gj[1]);
                add(out, new Piece(lo, hi, p.a() + gj[2], p.b() + gj[3], p.c() + gj[4], p.tag()));
                lo = hi;
            }
        }
        return out;
    }

    /**
     * The exact cost of one segment under the loss (min over μ of Σ γ), by trying every piece of the summed loss:
     * the reference for tests (O(m²) per segment).
     */
    static double segmentCost(Observations obs, int start, int end, double sigma, ShiftOptions.MeanLoss loss) {
        List<Piece> q = new ArrayList<>();
        q.add(new Piece(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, 0, 0));
        for (int i = start; i < end; i++) {
            if (!obs.missing(i)) {
                q = plus(q, loss(loss, obs.values()[i] / obs.exposure(i), obs.exposure(i), sigma));
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (Piece p : q) {
            best = Math.min(best, p.min()[0]);
        }
        return best;
    }
}
