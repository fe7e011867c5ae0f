package org.narrativewatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The change-point detector on synthetic series of 10^3 … 10^6 points, through the shift package's own
 * timing harness ({@code org.narrativewatch.bench.pelt.PeltBenchmark}: seeded piecewise series, a new
 * level every 10–100 points, {@code ShiftDetector.detect} timed, best of the repeats). One JVM per model
 * and size, so that GNU time's peak RSS shows how memory grows with n as well as time.
 */
final class ShiftSuite implements Suite {

    static final String HARNESS = "org.narrativewatch.bench.pelt.PeltBenchmark";

    private final String classPath;

    ShiftSuite(String classPath) {
        this.classPath = classPath;
    }

    @Override
    public String name() {
        return "PELT on synthetic series";
    }

    @Override
    public List<Row> run(Path work, boolean smoke, int repeats) throws Exception {
        List<String> models = smoke ? List.of("normal-mean") : List.of("normal-mean", "poisson", "normal-trend");
        int maxExp = smoke ? 4 : 6;
        int reps = smoke ? 1 : 2;
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            for (int e = 3; e <= maxExp; e++) {
                List<String> cmd = List.of("/usr/bin/time", "-v", "java", "-Xmx4g", "-cp", classPath, HARNESS,
                        Integer.toString(e), Integer.toString(reps), "10", "100", model);
                Exec.Result r = Exec.run(cmd).check(cmd);
                double[] f = parse(r.out(), model, (long) Math.pow(10, e));
                double rss = Measure.maxRssMiB(r.err());
                rows.add(new Row("synthetic", String.format(Locale.ROOT, "PELT %s, n = 10^%d", model, e), "ms",
                        Row.Better.LOWER, f[4], Double.NaN, Double.NaN, Double.NaN, (long) f[2], null, null,
                        String.format(Locale.ROOT, "wall %.1f ms, CPU %.1f ms (best of %d); %d true changes, %d found; "
                                + "peak RSS of the JVM %.0f MiB%s", f[4], f[3], reps, (long) f[1], (long) f[2], rss,
                                e == 6 ? " (target: under 1 s)" : "")));
            }
        }
        return rows;
    }

    /** The harness's row for {@code n}: model, n, true, found, cpu ms, wall ms → [n, true, found, cpu, wall]. */
    static double[] parse(String out, String model, long n) {
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 6 && f[0].equals(model) && f[1].equals(Long.toString(n))) {
                return new double[] {n, Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])};
            }
        }
        throw new IllegalStateException("no row for " + model + " n=" + n + " in the PELT harness's output:\n" + out);
    }
}
