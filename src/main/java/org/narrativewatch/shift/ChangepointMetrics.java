package org.narrativewatch.shift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * F1 and segmentation cover exactly as TCPDBench's metrics.py computes them (van den Burg and
 * Williams 2020), margin 5 by default:
 * <ul>
 * <li>0 is added to every annotator's set and to the predictions;</li>
 * <li>true positives: each annotated point, in turn, takes the closest unused prediction within the
 *     margin (ties to the smaller index);</li>
 * <li>precision = TP against the union of annotators / number of predictions; recall = mean over
 *     annotators; F1 = P R / (R/2 + P/2);</li>
 * <li>cover = mean over annotators of Σ |A| max Jaccard(A, A') / n.</li>
 * </ul>
 * The greedy matching visits annotated points in the iteration order of a CPython {@code set} of
 * ints, which is not sorted order, and that order changes results (e.g. occupancy/bocpd in the test
 * vectors). {@link PySetOrder} reproduces that order; float operations follow the reference's order
 * so results agree bit for bit.
 */
public final class ChangepointMetrics {
    private ChangepointMetrics() {}

    public static final int MARGIN = 5;

    public record Scores(double f1, double precision, double recall, double cover) {}

    /** {@code annotators}: each annotator's change points, in the annotation file's order. */
    public static Scores score(List<? extends Collection<Integer>> annotators, Collection<Integer> predictions, int n) {
        return score(annotators, predictions, n, MARGIN);
    }

    public static Scores score(List<? extends Collection<Integer>> annotators, Collection<Integer> predictions, int n, int margin) {
        if (annotators.isEmpty()) {
            throw new IllegalArgumentException("no annotators");
        }
        List<PySetOrder> tks = new ArrayList<>();
        for (Collection<Integer> a : annotators) {
            PySetOrder s = new PySetOrder();
            a.forEach(s::add);
            s.add(0);
            tks.add(s);
        }
        PySetOrder x = new PySetOrder();
        predictions.forEach(x::add);
        x.add(0);
        PySetOrder tstar = new PySetOrder();
        for (PySetOrder tk : tks) {
            for (int tau : tk.order()) {
                tstar.add(tau);
            }
        }
        int k = tks.size();
        double p = (double) truePositives(tstar.order(), x.order(), margin) / x.size();
        double sum = 0;
        for (PySetOrder tk : tks) {
            sum += (double) truePositives(tk.order(), x.order(), margin) / tk.size();
        }
        double r = 1.0 / k * sum;
        double f1 = p * r / (0.5 * r + (1 - 0.5) * p);
        double cover = 0;
        int[] pred = partitionBounds(predictions, n);
        for (Collection<Integer> a : annotators) {
            cover += coverSingle(pred, partitionBounds(a, n), n);
        }
        return new Scores(f1, p, r, cover / annotators.size());
    }

    private static int truePositives(int[] truth, int[] predicted, int margin) {
        boolean[] used = new boolean[predicted.length];
        int tp = 0;
        for (int tau : truth) {
            int best = -1;
            for (int j = 0; j < predicted.length; j++) {
                if (used[j] || Math.abs(tau - predicted[j]) > margin) {
                    continue;
                }
                int d = Math.abs(tau - predicted[j]);
                int bd = best < 0 ? Integer.MAX_VALUE : Math.abs(tau - predicted[best]);
                if (d < bd || (d == bd && predicted[j] < predicted[best])) {
                    best = j;
                }
            }
            if (best >= 0) {
                used[best] = true;
                tp++;
            }
        }
        return tp;
    }

    /** Segment starts of the partition of 0..n-1 at the given points (points outside 1..n-1 ignored), then n. */
    private static int[] partitionBounds(Collection<Integer> cps, int n) {
        TreeSet<Integer> s = new TreeSet<>();
        s.add(0);
        for (int c : cps) {
            if (c > 0 && c < n) {
                s.add(c);
            }
        }
        int[] b = new int[s.size() + 1];
        int i = 0;
        for (int c : s) {
            b[i++] = c;
        }
        b[i] = n;
        return b;
    }

    private static double coverSingle(int[] predicted, int[] truth, int n) {
        double c = 0;
        for (int i = 0; i + 1 < truth.length; i++) {
            int a0 = truth[i];
            int a1 = truth[i + 1];
            double best = 0;
            for (int j = 0; j + 1 < predicted.length; j++) {
                int b0 = predicted[j];
                int b1 = predicted[j + 1];
                int inter = Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
                if (inter == 0 && best > 0) {
                    continue;
                }
                int union = (a1 - a0) + (b1 - b0) - inter;
                best = Math.max(best, (double) inter / union);
            }
            c += (a1 - a0) * best;
        }
        return c / n;
    }

    /**
     * Iteration order of a CPython (3.7 to 3.12) set of non-negative ints built by successive adds:
     * hash(i) = i, a table of 8 slots that grows to the smallest power of two above 4 × used when
     * more than 3/5 full, linear probing over 9 neighbours then perturbed probing. Written here
     * because the benchmark's F1 depends on it and no library reproduces CPython's table layout.
     */
    static final class PySetOrder {
        private static final int LINEAR_PROBES = 9;
        private static final int PERTURB_SHIFT = 5;
        private long[] table = new long[8]; // -1 = empty
        private int used;

        PySetOrder() {
            Arrays.fill(table, -1);
        }

        void add(int key) {
            if (key < 0) {
                throw new IllegalArgumentException("negative change point " + key);
            }
            int mask = table.length - 1;
            int slot = find(table, key);
            if (table[slot] == key) {
                return;
            }
            table[slot] = key;
            used++;
            if ((long) used * 5 >= (long) mask * 3) {
                resize(used > 50000 ? used * 2 : used * 4);
            }
        }

        /** The slot holding key, or the first empty slot on its probe sequence. */
        private static int find(long[] t, long key) {
            int mask = t.length - 1;
            long perturb = key;
            int i = (int) (key & mask);
            while (true) {
                int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
                int j = i;
                for (int p = 0; p <= probes; p++, j++) {
                    if (t[j] == -1 || t[j] == key) {
                        return j;
                    }
                }
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & mask);
            }
        }

        private void resize(int minUsed) {
            int size = 8;
            while (size <= minUsed) {
                size <<= 1;
            }
            long[] fresh = new long[size];
            Arrays.fill(fresh, -1);
            for (long k : table) {
                if (k != -1) {
                    fresh[find(fresh, k)] = k;
                }
            }
            table = fresh;
        }

        int size() {
            return used;
        }

        int[] order() {
            int[] o = new int[used];
            int i = 0;
            for (long k : table) {
                if (k != -1) {
                    o[i++] = (int) k;
                }
            }
            return o;
        }
    }
}
