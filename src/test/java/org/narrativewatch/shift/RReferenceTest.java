package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;

/**
 * Every PELT run of ../shared/data/changepoints/r-reference (R changepoint 2.3 on 33 series × costs ×
 * penalties × minimum segments, with the exhaustive optimum of each; skipped when the folder is absent):
 * ours must be the exhaustive optimum in every run, and identical to R wherever R's answer is the optimum,
 * with the option mapping of docs/shifts.md (the run's {@code nwatch_args}).
 */
class RReferenceTest {

    static List<Map<String, String>> csv(Path file) throws IOException {
        CsvMapper m = new CsvMapper();
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file);
             MappingIterator<Map<String, String>> it = m.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                     .readValues(in)) {
            return it.readAll();
        }
    }

    static double[] values(Path file) throws IOException {
        return csv(file).stream().mapToDouble(r -> Double.parseDouble(r.get("value"))).toArray();
    }

    static int[] ints(String s) {
        return s == null || s.isBlank() || s.equals("NA") ? new int[0] : Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    /** The options {@code nwatch shifts} takes for a run's {@code nwatch_args}. */
    static ShiftOptions options(String args) {
        String[] a = args.trim().split("\\s+");
        ShiftOptions o = ShiftOptions.DEFAULT;
        for (int i = 0; i < a.length; i++) {
            switch (a[i]) {
                case "--model" -> o = o.withModel(Model.parse(a[++i]));
                case "--penalty" -> o = o.withPenalty(Penalty.parse(a[++i]));
                case "--min-segment" -> o = o.withMinSegment(Integer.parseInt(a[++i]));
                case "--no-dispersion" -> o = o.withDispersion(false);
                default -> throw new IllegalArgumentException("unknown argument in nwatch_args: " + a[i]);
            }
        }
        return o;
    }

    @Test
    void everyPeltRunIsTheExactOptimumAndEqualsRWhereRIsExact() throws IOException {
        Path dir = SharedData.require("data/changepoints/r-reference/pelt");
        List<Map<String, String>> runs = csv(dir.resolve("R_changepoints.csv"));
        Map<String, double[]> series = new HashMap<>();
        List<String> notExact = new ArrayList<>();
        List<String> notR = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        int rExact = 0;
        int sameAsR = 0;
        for (Map<String, String> run : runs) {
            double[] x = series.computeIfAbsent(run.get("series"), id -> {
                try {
                    return values(dir.resolve("series").resolve(id + ".csv"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ShiftOptions opt = options(run.get("nwatch_args"));
            ShiftResult r = ShiftDetector.detect(Observations.of(null, x), opt);
            assertEquals(Double.parseDouble(run.get("pen_value")), r.penaltyValue(), 1e-9 * r.penaltyValue(), run.get("run") + " penalty");
            int[] ours = r.changeIndices();
            int[] exact = ints(run.get("exact_cpts"));
            String id = run.get("run") + " " + run.get("series") + " " + run.get("nwatch_args");
            // our cost objects define the same objective as R's (checked against the reference's value)
            Model model = opt.model();
            SegmentCost cost = SegmentCosts.of(model, Observations.of(null, x), ShiftDetector.scale(Observations.of(null, x), model));
            boolean mbic = opt.penalty().chargesSegmentLength();
            double exactObjective = objective(cost, exact, r.penaltyValue(), mbic);
            double published = Double.parseDouble(run.get("exact_objective"));
            // 1e-6: the reference computed each segment directly; prefix sums (ours and R's PELT) lose a few digits on
            // 2-point segments of series far from 0 (G19, level 100)
            assertEquals(published, exactObjective, 1e-6 * Math.max(1, Math.abs(published)), id + ": objective of the exact optimum");
            if (!Arrays.equals(exact, ours)) {
                double o = objective(cost, ours, r.penaltyValue(), mbic);
                if (o <= exactObjective + 1e-9 * Math.max(1, Math.abs(exactObjective))) {
                    ties.add(id + ": ours and the reference's optimum have the same objective " + o + " (an exact tie; "
                            + diff(ours, exact) + ")");
                } else {
                    notExact.add(id + ": objective " + o + " above the optimum's " + exactObjective + "; " + diff(ours, exact));
                }
            }
            if (Arrays.equals(ints(run.get("R_cpts")), ours)) {
                sameAsR++;
            }
            if (run.get("R_is_exact").equals("TRUE")) {
                rExact++;
                if (!Arrays.equals(ints(run.get("R_cpts")), ours)) {
                    notR.add(id + ": " + diff(ours, ints(run.get("R_cpts"))));
                }
            }
        }
        System.out.println("r-reference PELT: " + (runs.size() - notExact.size()) + "/" + runs.size() + " at the exhaustive optimum ("
                + ties.size() + " exact ties with other locations), " + (rExact - notR.size()) + "/" + rExact + " identical to R where R is exact, "
                + sameAsR + "/" + runs.size() + " identical to R in all");
        ties.forEach(System.out::println);
        assertEquals(266, runs.size(), "runs in the reference");
        assertTrue(notExact.isEmpty(), notExact.size() + " of " + runs.size() + " runs miss the exhaustive optimum:\n"
                + String.join("\n", notExact));
        assertTrue(notR.isEmpty(), notR.size() + " of " + rExact + " runs where R is exact differ from R:\n" + String.join("\n", notR));
    }

    /** R's objective: Σ cost + β × changes (+ each segment's log-length charge under MBIC). */
    static double objective(SegmentCost cost, int[] cps, double pen, boolean mbic) {
        double o = 0;
        int prev = 0;
        for (int i = 0; i <= cps.length; i++) {
            int end = i < cps.length ? cps[i] : cost.size();
            o += cost.cost(prev, end) + (mbic ? cost.lengthCharge(prev, end) : 0);
            prev = end;
        }
        return o + pen * cps.length;
    }

    static String diff(int[] ours, int[] theirs) {
        List<Integer> onlyOurs = new ArrayList<>();
        List<Integer> onlyTheirs = new ArrayList<>();
        for (int v : ours) {
            if (Arrays.stream(theirs).noneMatch(t -> t == v)) {
                onlyOurs.add(v);
            }
        }
        for (int v : theirs) {
            if (Arrays.stream(ours).noneMatch(t -> t == v)) {
                onlyTheirs.add(v);
            }
        }
        return "only ours " + onlyOurs + ", only theirs " + onlyTheirs;
    }

    /** The timing series: the same change points as R (BIC, minimum segment 1) on every file up to 10^5 points. */
    @Test
    void speedSeriesGiveRsChangePoints() throws IOException {
        Path dir = SharedData.require("data/changepoints/r-reference/speed");
        List<String> differ = new ArrayList<>();
        int checked = 0;
        for (Map<String, String> row : csv(dir.resolve("R_changepoints_speed.csv"))) {
            if (Integer.parseInt(row.get("n")) > 100_000) {
                continue; // 10^6 is the benchmark harness's (PeltSpeedVsR), not a unit test's
            }
            double[] x = values(dir.resolve(row.get("file")));
            ShiftOptions opt = ShiftOptions.DEFAULT.withModel(Model.parse(row.get("cost"))).withPenalty(Penalty.BIC)
                    .withMinSegment(1).withDispersion(false);
            int[] ours = ShiftDetector.detect(Observations.of(null, x), opt).changeIndices();
            if (!Arrays.equals(ints(row.get("R_cpts")), ours)) {
                differ.add(row.get("file") + ": ours " + ours.length + " changes, R " + row.get("R_ncpts"));
            }
            checked++;
        }
        assertEquals(12, checked);
        assertTrue(differ.isEmpty(), String.join("\n", differ));
    }
}
