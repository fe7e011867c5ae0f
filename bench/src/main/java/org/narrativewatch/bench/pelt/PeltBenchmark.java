package org.narrativewatch.bench.pelt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.hipparchus.random.RandomDataGenerator;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.Observations;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/**
 * Times PELT (through {@link ShiftDetector}, so cost set-up and the description of every change are
 * included) on synthetic series of 10^3 to 10^6 points whose number of changes grows with n, as in
 * Killick et al.: a new level every SHORT to LONG points. PELT's candidate list holds roughly the
 * current segment, so time ≈ n × mean segment length × cost of one evaluation. Reports the thread's
 * CPU time (what the algorithm costs, robust to a busy machine) and the wall time, best of repeats.
 * Usage: {@code java -cp target/nwatch.jar org.narrativewatch.bench.pelt.PeltBenchmark [maxExponent] [repeats] [short] [long] [model]}.
 * One model per JVM gives the timings a single CLI run sees (PELT's loop is then compiled for one cost).
 */
public final class PeltBenchmark {
    private PeltBenchmark() {}

    public static void main(String[] args) {
        int maxExp = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int shortest = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int longest = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "segments of %d..%d points%n", shortest, longest);
        System.out.printf(Locale.ROOT, "%-12s %9s %8s %8s %10s %10s%n", "model", "n", "true", "found", "cpu ms", "wall ms");
        Model[] models = args.length > 4 ? new Model[] {Model.parse(args[4])}
                : new Model[] {Model.POISSON, Model.NORMAL_MEAN, Model.NORMAL_TREND};
        for (Model model : models) {
            run(model, 100_000, 1, shortest, longest); // warm-up: let the JIT compile the loops first
            for (int e = 3; e <= maxExp; e++) {
                int n = (int) Math.pow(10, e);
                long bestCpu = Long.MAX_VALUE;
                long bestWall = Long.MAX_VALUE;
                int found = 0;
                int truth = 0;
                for (int r = 0; r < repeats; r++) {
                    RandomDataGenerator rng = new RandomDataGenerator(42 + r);
                    double[] x = new double[n];
                    truth = fill(model, x, rng, shortest, longest);
                    Observations o = Observations.of(null, x);
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    ShiftResult res = ShiftDetector.detect(o, ShiftOptions.DEFAULT.withModel(model));
                    bestWall = Math.min(bestWall, System.nanoTime() - t0);
                    bestCpu = Math.min(bestCpu, mx.getCurrentThreadCpuTime() - c0);
                    found = res.changes().size();
                }
                System.out.printf(Locale.ROOT, "%-12s %9d %8d %8d %10.1f %10.1f%n", model.wire, n, truth, found, bestCpu / 1e6,
                        bestWall / 1e6);
            }
        }
    }

    private static void run(Model model, int n, long seed, int shortest, int longest) {
        double[] x = new double[n];
        fill(model, x, new RandomDataGenerator(seed), shortest, longest);
        ShiftDetector.detect(Observations.of(null, x), ShiftOptions.DEFAULT.withModel(model));
    }

    /** Fills x with piecewise data (constant, or lines for the trend model); returns the number of true changes. */
    private static int fill(Model model, double[] x, RandomDataGenerator rng, int shortest, int longest) {
        int changes = 0;
        int i = 0;
        while (i < x.length) {
            int len = shortest + rng.nextInt(longest - shortest + 1);
            double level = model == Model.POISSON ? 1 + rng.nextInt(30) : 5 * rng.nextGaussian();
            double slope = model == Model.NORMAL_TREND ? 0.05 * rng.nextGaussian() : 0;
            for (int k = 0; k < len && i < x.length; k++, i++) {
                x[i] = model == Model.POISSON ? rng.nextPoisson(level) : level + slope * k + rng.nextGaussian();
            }
            if (i < x.length) {
                changes++;
            }
        }
        return changes;
    }
}
