package org.narrativewatch.shift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * Bayesian online change-point detection (Adams and MacKay 2007) for a Gaussian series with unknown
 * mean and variance (Normal-Gamma prior, Student-t predictive) and a constant hazard 1/λ. Fed one
 * value at a time, as a live series arrives; run lengths whose posterior mass falls below 1e-12 are
 * dropped, so each step costs O(plausible run lengths).
 */
public final class Bocpd {

    /** What one update says: the most probable run length and the posterior mass of short runs. */
    public record Step(int index, int mapRunLength, double[] runLengthPosterior) {
        /** Posterior probability that the current run started within the last {@code k} steps. */
        public double probabilityRunAtMost(int k) {
            double p = 0;
            for (int r = 0; r <= k && r < runLengthPosterior.length; r++) {
                p += runLengthPosterior[r];
            }
            return p;
        }
    }

    private static final double TRUNCATE = 1e-12;

    private final double hazard;
    private final double mu0;
    private final double kappa0;
    private final double alpha0;
    private final double beta0;
    private double[] post = {1.0};
    private double[] mu;
    private double[] kappa;
    private double[] alpha;
    private double[] beta;
    private int t;
    private int lastMap;
    private final List<Integer> changes = new ArrayList<>();
    private final List<Double> changeProbabilities = new ArrayList<>();
    private int[] mapHistory = new int[64];
    private double[] mapMassHistory = new double[64];

    /** λ: expected run length; the prior (μ0, κ0, α0, β0) is for data on a unit scale. */
    public Bocpd(double lambda, double mu0, double kappa0, double alpha0, double beta0) {
        if (!(lambda > 1)) {
            throw new IllegalArgumentException("lambda must exceed 1: " + lambda);
        }
        this.hazard = 1 / lambda;
        this.mu0 = mu0;
        this.kappa0 = kappa0;
        this.alpha0 = alpha0;
        this.beta0 = beta0;
        mu = new double[] {mu0};
        kappa = new double[] {kappa0};
        alpha = new double[] {alpha0};
        beta = new double[] {beta0};
    }

    /** The defaults TCPDBench uses for its bocpd runs: λ = 100, μ0 = 0, κ0 = α0 = β0 = 1. */
    public static Bocpd standard() {
        return new Bocpd(100, 0, 1, 1, 1);
    }

    /** Takes the next value (NaN = missing: time passes, nothing is learnt). */
    public Step update(double x) {
        int r = post.length;
        double[] grow = new double[r + 1];
        double cp = 0;
        for (int i = 0; i < r; i++) {
            double like = Double.isNaN(x) ? 1 : Math.exp(logPredictive(x, i));
            double p = post[i] * like;
            grow[i + 1] = p * (1 - hazard);
            cp += p * hazard;
        }
        grow[0] = cp;
        double z = 0;
        for (double g : grow) {
            z += g;
        }
        if (!(z > 0)) { // every run length has (numerically) zero predictive: restart
            Arrays.fill(grow, 0);
            grow[0] = 1;
            z = 1;
        }
        int keep = grow.length;
        for (int i = 0; i < grow.length; i++) {
            grow[i] /= z;
        }
        while (keep > 1 && grow[keep - 1] < TRUNCATE) {
            keep--;
        }
        double[] nm = new double[keep];
        double[] nk = new double[keep];
        double[] na = new double[keep];
        double[] nb = new double[keep];
        nm[0] = mu0;
        nk[0] = kappa0;
        na[0] = alpha0;
        nb[0] = beta0;
        for (int i = 1; i < keep; i++) {
            double m = mu[i - 1];
            double k = kappa[i - 1];
            if (Double.isNaN(x)) {
                nm[i] = m;
                nk[i] = k;
                na[i] = alpha[i - 1];
                nb[i] = beta[i - 1];
            } else {
                nm[i] = (k * m + x) / (k + 1);
                nk[i] = k + 1;
                na[i] = alpha[i - 1] + 0.5;
                nb[i] = beta[i - 1] + k * (x - m) * (x - m) / (2 * (k + 1));
            }
        }
        post = Arrays.copyOf(grow, keep);
        mu = nm;
        kappa = nk;
        alpha = na;
        beta = nb;
        int map = 0;
        for (int i = 1; i < keep; i++) {
            if (post[i] > post[map]) {
                map = i;
            }
        }
        // A change is reported when the most probable run length falls back: the run started at t - map + 1.
        if (t > 0 && map < lastMap) {
            int start = t - map + 1;
            if (start > 0 && (changes.isEmpty() || changes.get(changes.size() - 1) != start)) {
                changes.add(start);
                double p = 0;
                for (int i = 0; i <= map; i++) {
                    p += post[i];
                }
                changeProbabilities.add(p);
            }
        }
        lastMap = map;
        if (t == mapHistory.length) {
            mapHistory = Arrays.copyOf(mapHistory, 2 * t);
            mapMassHistory = Arrays.copyOf(mapMassHistory, 2 * t);
        }
        double mass = 0;
        for (int i = 0; i <= map; i++) {
            mass += post[i];
        }
        mapHistory[t] = map;
        mapMassHistory[t] = mass;
        return new Step(t++, map, post.clone());
    }

    /** Change indices detected so far (first index of each new run). */
    public List<Integer> changes() {
        return List.copyOf(changes);
    }

    /** A change of the retrospective segmentation, with the posterior probability of a new run since it. */
    public record Change(int start, double probability) {}

    /**
     * The segmentation read back from the end: the most probable run length at the last step gives
     * the start of the last run; the most probable run length just before that start gives the one
     * before, and so on. Each change carries the posterior mass of run lengths up to the most probable
     * one at the end of its run: the probability that a new run began at or after it.
     */
    public List<Change> segmentation() {
        List<Change> out = new ArrayList<>();
        int at = t - 1;
        while (at > 0) {
            int start = at - Math.max(1, mapHistory[at]) + 1;
            if (start <= 0) {
                break;
            }
            out.add(0, new Change(start, mapMassHistory[at]));
            at = start - 1;
        }
        return out;
    }

    /**
     * For each change, the posterior probability, when it was reported, that the current run began
     * at or after it (the mass of run lengths up to the most probable one).
     */
    public List<Double> changeProbabilities() {
        return List.copyOf(changeProbabilities);
    }

    private double logPredictive(double x, int i) {
        double nu = 2 * alpha[i];
        double scale2 = beta[i] * (kappa[i] + 1) / (alpha[i] * kappa[i]);
        double z2 = (x - mu[i]) * (x - mu[i]) / scale2;
        return Gamma.logGamma((nu + 1) / 2) - Gamma.logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI * scale2)
                - (nu + 1) / 2 * Math.log1p(z2 / nu);
    }
}
