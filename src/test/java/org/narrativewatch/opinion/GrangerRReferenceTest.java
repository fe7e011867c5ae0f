package org.narrativewatch.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;

/**
 * The Granger F-tests of ../shared/data/changepoints/r-reference/granger (lmtest::grangertest on 20 pairs,
 * both directions; skipped when absent): F, degrees of freedom and p equal to R's, the p-value relative to
 * itself even where it is far below 1e-15 (computed from the upper tail, not as 1 − CDF).
 */
class GrangerRReferenceTest {

    private static List<Map<String, String>> csv(Path f) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(f.toFile())) {
            return it.readAll();
        }
    }

    private static double[] values(Path f) throws IOException {
        return csv(f).stream().mapToDouble(r -> Double.parseDouble(r.get("value"))).toArray();
    }

    @Test
    void fStatisticDegreesOfFreedomAndPEqualR() throws IOException {
        Path dir = SharedData.require("data/changepoints/r-reference/granger");
        int tiny = 0;
        List<Map<String, String>> rows = csv(dir.resolve("granger_R.csv"));
        for (Map<String, String> r : rows) {
            double[] a = values(dir.resolve("pairs").resolve(r.get("pair") + "_a.csv"));
            double[] b = values(dir.resolve("pairs").resolve(r.get("pair") + "_b.csv"));
            boolean aToB = r.get("direction").equals("a_to_b");
            LeadLag.Granger g = LeadLag.fTest(aToB ? a : b, aToB ? b : a, Integer.parseInt(r.get("order")));
            String id = r.get("pair") + " " + r.get("direction");
            double f = Double.parseDouble(r.get("F"));
            double p = Double.parseDouble(r.get("p"));
            assertEquals(f, g.f(), 1e-11 * Math.max(1, f), id + " F");
            assertEquals(Integer.parseInt(r.get("df1")), g.df1(), id + " df1");
            assertEquals(Integer.parseInt(r.get("df2")), g.df2(), id + " df2");
            assertEquals(p, g.pF(), 1e-9 * p + 1e-15, id + " p");
            if (p < 1e-15) {
                tiny++;
                assertTrue(g.pF() > 0, id + ": a p of " + p + " must not print as 0");
            }
        }
        assertEquals(40, rows.size());
        assertTrue(tiny >= 1, "the reference holds a p-value below 1e-15 (pair15)");
    }
}
