package org.narrativewatch.bench.pelt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.narrativewatch.shift.Fpop;
import org.narrativewatch.shift.Model;
import org.narrativewatch.shift.Observations;
import org.narrativewatch.shift.Pelt;
import org.narrativewatch.shift.Penalty;
import org.narrativewatch.shift.SegmentCost;
import org.narrativewatch.shift.SegmentCosts;
import org.narrativewatch.shift.ShiftDetector;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;

/**
 * Our change-point search against R changepoint on the timing series of the r-reference folder
 * ({@code speed/*.csv.gz}: Gaussian and Poisson, 10^3..10^6 points, with changes every 200–466 points
 * or none), with R's recorded times ({@code comparison/speed_raw.csv}, R 4.2.2 + changepoint 2.3,
 * {@code cpt.mean(x/σ̂, penalty="BIC", method="PELT", minseglen=1)} and
 * {@code cpt.meanvar(x, test.stat="Poisson", penalty="BIC", method="PELT", minseglen=1)}, in-process).
 * <p>
 * R is not rerun here (the folder exists so that no R is needed). Because the machine is shared and
 * noisy, the same run also times our plain PELT ({@link Pelt#run}, the implementation R's check timed
 * beside R): PELT now / PELT then is this machine's speed against that run's, and R's time is scaled by
 * it ("R adj."). Ratios are R's CPU time over ours (above 1: we are faster). Every run's change points
 * are compared with R's.
 * <p>
 * Usage: {@code java -cp target/nwatch.jar org.narrativewatch.bench.pelt.PeltSpeedVsR [DIR] [--rounds N] [--no-pelt]}
 * (DIR defaults to ../shared/data/changepoints/r-reference). Kept self-contained: it depends only on the
 * shift package's public API.
 */
public final class PeltSpeedVsR {
    private PeltSpeedVsR() {}

    record RTimes(double rCpu, double rWall, double peltThenCpu) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("../shared/data/changepoints/r-reference");
        int rounds = 3;
        boolean pelt = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--no-pelt" -> pelt = false;
                default -> dir = Path.of(args[i]);
            }
        }
        Path speed = dir.resolve("speed");
        if (!Files.isDirectory(speed)) {
            System.err.println(speed + ": not found (the r-reference folder of ../shared)");
            System.exit(2);
        }
        Map<String, RTimes> r = rTimes(dir.resolve("comparison/speed_raw.csv"));
        List<String[]> expected = csv(speed.resolve("R_changepoints_speed.csv"));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "rounds %d (best CPU of each), %d processors, load %.1f%n", rounds,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-12s %8s %-5s %7s %5s %10s %10s %10s %10s %10s %10s %7s %9s %9s%n", "model", "n", "kind", "changes",
                "=R", "search", "ours cpu", "ours wall", "R cpu", "PELT now", "PELT then", "factor", "R/ours", "R adj/ours");
        // warm-up: let the JIT compile both searches on a mid-sized series before anything is timed
        for (String[] row : expected) {
            if (row[0].contains("_cp_1e5")) {
                double[] x = values(speed.resolve(row[0]));
                Model m = Model.parse(row[2]);
                for (int k = 0; k < 3; k++) {
                    ShiftDetector.detect(Observations.of(null, x), options(m));
                }
            }
        }
        for (String[] row : expected) {
            String file = row[0];
            int n = Integer.parseInt(row[1]);
            Model m = Model.parse(row[2]);
            String kind = file.contains("_flat_") ? "flat" : "cp";
            double[] x = values(speed.resolve(file));
            Observations obs = Observations.of(null, x);
            long bestCpu = Long.MAX_VALUE;
            long bestWall = Long.MAX_VALUE;
            ShiftResult res = null;
            for (int k = 0; k < rounds; k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                res = ShiftDetector.detect(obs, options(m));
                bestWall = Math.min(bestWall, System.nanoTime() - t0);
                bestCpu = Math.min(bestCpu, mx.getCurrentThreadCpuTime() - c0);
            }
            // the search alone (no description of the changes), as the cost objects see it
            SegmentCost searchCost = SegmentCosts.of(m, obs, m == Model.POISSON ? 1 : res.scale());
            long bestSearch = Long.MAX_VALUE;
            for (int k = 0; k < rounds; k++) {
                long c0 = mx.getCurrentThreadCpuTime();
                Fpop.optimal(searchCost, res.penaltyValue(), 1, false);
                bestSearch = Math.min(bestSearch, mx.getCurrentThreadCpuTime() - c0);
            }
            int[] rCpts = row.length > 6 && !row[6].isBlank() ? Arrays.stream(row[6].trim().split("\\s+")).mapToInt(Integer::parseInt).toArray()
                    : new int[0];
            boolean same = Arrays.equals(rCpts, res.changeIndices());
            RTimes rt = r.get(m.wire + "," + n + "," + kind);
            double peltNow = Double.NaN;
            // plain PELT as the machine's yardstick (skipped where it takes minutes: flat 10^5)
            if (pelt && !(kind.equals("flat") && n >= 100_000)) {
                SegmentCost cost = SegmentCosts.of(m, obs, m == Model.POISSON ? 1 : res.scale());
                long best = Long.MAX_VALUE;
                for (int k = 0; k < Math.min(rounds, n >= 1_000_000 ? 2 : rounds); k++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    Pelt.Result p = Pelt.run(cost, res.penaltyValue(), 1, false);
                    best = Math.min(best, mx.getCurrentThreadCpuTime() - c0);
                    if (!Arrays.equals(p.changes(), res.changeIndices())) {
                        throw new IllegalStateException(file + ": PELT and the default search disagree");
                    }
                }
                peltNow = best / 1e6;
            }
            double ours = bestCpu / 1e6;
            double rCpu = rt == null ? Double.NaN : rt.rCpu;
            double factor = rt == null ? Double.NaN : peltNow / rt.peltThenCpu;
            System.out.printf(Locale.ROOT, "%-12s %8d %-5s %7d %5s %10.1f %10.1f %10.1f %10.1f %10.1f %10.1f %7.2f %9.2f %9.2f%n", m.wire, n, kind,
                    res.changes().size(), same ? "yes" : "NO", bestSearch / 1e6, ours, bestWall / 1e6, rCpu, peltNow,
                    rt == null ? Double.NaN : rt.peltThenCpu, factor, rCpu / ours, rCpu * factor / ours);
        }
    }

    private static ShiftOptions options(Model m) {
        return ShiftOptions.DEFAULT.withModel(m).withPenalty(Penalty.BIC).withMinSegment(1).withDispersion(false);
    }

    /** Best R in-process CPU time and best nwatch (PELT at da6c8c7) CPU time of R's check, per model, n and kind. */
    static Map<String, RTimes> rTimes(Path raw) throws IOException {
        Map<String, double[]> best = new HashMap<>();
        List<String[]> rows = csv(raw);
        for (String[] f : rows) {
            if (f[0].equals("model")) {
                continue;
            }
            String key = f[0] + "," + f[1] + "," + f[2];
            double cpu = f[7].equals("NA") ? Double.NaN : Double.parseDouble(f[7]);
            double wall = Double.parseDouble(f[6]);
            double[] b = best.computeIfAbsent(key, k -> new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
            switch (f[4]) {
                case "R_inprocess" -> {
                    b[0] = Math.min(b[0], cpu);
                    b[1] = Math.min(b[1], wall);
                }
                case "nwatch_inprocess" -> b[2] = Math.min(b[2], cpu);
                default -> { }
            }
        }
        Map<String, RTimes> out = new HashMap<>();
        best.forEach((k, b) -> out.put(k, new RTimes(b[0], b[1], Double.isInfinite(b[2]) ? Double.NaN : b[2])));
        return out;
    }

    /** A small CSV reader for these files (quoted fields without embedded commas, or plain ones). */
    static List<String[]> csv(Path f) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (header) {
                    header = false;
                    if (!f.getFileName().toString().equals("speed_raw.csv")) {
                        continue;
                    }
                }
                String[] p = line.split(",", -1);
                for (int i = 0; i < p.length; i++) {
                    p[i] = p[i].replace("\"", "");
                }
                out.add(p);
            }
        }
        return out;
    }

    static double[] values(Path f) throws IOException {
        List<Double> v = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                v.add(Double.parseDouble(line.substring(line.indexOf(',') + 1)));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
