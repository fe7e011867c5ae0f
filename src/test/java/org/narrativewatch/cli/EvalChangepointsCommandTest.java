package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.SharedData;

class EvalChangepointsCommandTest {

    @TempDir
    Path tmp;

    private static String dataset(String name, double[]... dims) {
        StringBuilder b = new StringBuilder("{\"name\":\"" + name + "\",\"n_obs\":" + dims[0].length + ",\"n_dim\":" + dims.length
                + ",\"time\":{\"index\":[]},\"series\":[");
        for (int k = 0; k < dims.length; k++) {
            b.append(k > 0 ? "," : "").append("{\"label\":\"V").append(k).append("\",\"type\":\"float\",\"raw\":[");
            for (int i = 0; i < dims[k].length; i++) {
                b.append(i > 0 ? "," : "").append(Double.isNaN(dims[k][i]) ? "null" : Double.toString(dims[k][i]));
            }
            b.append("]}");
        }
        return b.append("]}").toString();
    }

    private static double[] step(int n, int at, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i < at ? lo : hi) + 0.3 * Math.sin(i * 1.7);
        }
        return x;
    }

    @Test
    void scoresAFixtureFolder() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("tcpd/datasets"));
        double[] withGap = step(80, 40, 0, 5);
        withGap[10] = Double.NaN;
        Files.writeString(d.resolve("alpha.json"), dataset("alpha", withGap));
        Files.writeString(d.resolve("quality_control_1.json"), dataset("quality_control_1", step(60, 30, 0, 4)));
        Files.writeString(d.resolve("multi.json"), dataset("multi", step(50, 25, 0, 3), step(50, 25, 1, -2)));
        Files.writeString(tmp.resolve("tcpd/annotations.json"),
                "{\"alpha\":{\"1\":[40],\"2\":[41]},\"quality_control_1\":{\"1\":[30]},\"multi\":{\"1\":[25]}}");
        CliRun r = CliRun.run("eval-changepoints", tmp.resolve("tcpd").toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode series = j.get("series");
        assertEquals(2, series.size());
        JsonNode alpha = series.get(0);
        assertEquals("alpha", alpha.get("name").asText());
        assertEquals(80, alpha.get("n").asInt());
        assertEquals("[40]", alpha.get("predicted").toString());
        assertEquals(1.0, alpha.get("f1").asDouble(), 1e-12);
        assertEquals(1.0, j.get("mean_f1").asDouble(), 1e-12, "only univariate non-QC series count");
        assertEquals(alpha.get("cover").asDouble(), j.get("mean_cover").asDouble(), 0);
        JsonNode multi = series.get(1);
        assertEquals(false, multi.get("counted").asBoolean());
        assertEquals("[25]", multi.get("predicted").toString());
        assertEquals("quality_control_1", j.get("quality_control").get(0).get("name").asText());
        assertEquals("[30]", j.get("quality_control").get(0).get("predicted").toString());
    }

    @Test
    void namesWhatIsWrong() throws Exception {
        CliRun none = CliRun.run("eval-changepoints", tmp.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("datasets"), none.err());
        Path d = Files.createDirectories(tmp.resolve("t/datasets"));
        Files.writeString(d.resolve("a.json"), "{\"name\":\"a\",\"n_obs\":3,\"n_dim\":1,\"series\":[{\"raw\":[1,\"x\",3]}]}");
        Files.writeString(tmp.resolve("t/annotations.json"), "{\"a\":{\"1\":[]}}");
        CliRun bad = CliRun.run("eval-changepoints", tmp.resolve("t").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("a.json") && bad.err().contains("raw[1]"), bad.err());
    }

    /** The target of the issue, on the development series: both means above the best published default. */
    @Test
    void defaultBeatsThePublishedDefaultsOnTheDevelopmentSeries() throws Exception {
        Path dir = SharedData.require("data/changepoints/tcpd-dev");
        CliRun r = CliRun.run("eval-changepoints", dir.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(12, j.get("counted_series").asInt());
        double bestF1 = 0;
        double bestCover = 0;
        for (var it = j.get("published").get("default").fields(); it.hasNext(); ) {
            var m = it.next().getValue();
            bestF1 = Math.max(bestF1, m.get("mean_f1").asDouble());
            bestCover = Math.max(bestCover, m.get("mean_cover").asDouble());
        }
        assertTrue(bestF1 > 0.66 && bestCover > 0.6, "published scores read: " + bestF1 + " " + bestCover);
        assertTrue(j.get("mean_f1").asDouble() > bestF1, "F1 " + j.get("mean_f1") + " vs " + bestF1);
        assertTrue(j.get("mean_cover").asDouble() > bestCover, "cover " + j.get("mean_cover") + " vs " + bestCover);
    }

    /** --loo: every configuration's in-sample means, one fold per counted series, and the leave-one-out means. */
    @Test
    void leaveOneOutChoosesOnTheOthersAndScoresTheHeldOutSeries() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("loo/datasets"));
        StringBuilder ann = new StringBuilder("{");
        for (int k = 0; k < 4; k++) {
            int at = 30 + 5 * k;
            Files.writeString(d.resolve("s" + k + ".json"), dataset("s" + k, step(80, at, 0, 4 + k)));
            ann.append(k > 0 ? "," : "").append("\"s").append(k).append("\":{\"1\":[").append(at).append("]}");
        }
        Files.writeString(tmp.resolve("loo/annotations.json"), ann.append("}").toString());
        CliRun r = CliRun.run("eval-changepoints", tmp.resolve("loo").toString(), "--loo", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode loo = new ObjectMapper().readTree(r.out()).get("loo");
        assertEquals(4, loo.get("folds").size());
        assertTrue(loo.get("grid").size() >= 10, loo.get("grid").toString());
        assertEquals("default", loo.get("grid").get(0).get("name").asText());
        double f1 = 0;
        for (JsonNode f : loo.get("folds")) {
            f1 += f.get("f1").asDouble();
            assertTrue(f.get("chosen").asText().length() > 0);
        }
        assertEquals(f1 / 4, loo.get("mean_f1").asDouble(), 1e-12);
        // every configuration is scored on the constructed cases; leave-one-out again over the admissible ones
        java.util.Set<String> admissible = new java.util.HashSet<>();
        for (JsonNode g : loo.get("grid")) {
            assertEquals(org.narrativewatch.shift.ConstructedSeries.cases().size(), g.get("constructed").size(), g.toString());
            if (g.get("admissible").asBoolean()) {
                admissible.add(g.get("name").asText());
            }
        }
        assertTrue(admissible.contains("default"), "the default keeps the constructed cases clean");
        assertFalse(admissible.contains("default without calendar cycles"), "57 false changes on the regular swings");
        JsonNode adm = loo.get("admissible");
        assertEquals(4, adm.get("folds").size());
        double af1 = 0;
        for (JsonNode f : adm.get("folds")) {
            af1 += f.get("f1").asDouble();
            assertTrue(admissible.contains(f.get("chosen").asText()), f.toString());
        }
        assertEquals(af1 / 4, adm.get("mean_f1").asDouble(), 1e-12);
        CliRun table = CliRun.run("eval-changepoints", tmp.resolve("loo").toString(), "--loo");
        assertTrue(table.out().contains("LOO MEAN"), table.out());
        CliRun mixed = CliRun.run("eval-changepoints", tmp.resolve("loo").toString(), "--loo", "--penalty", "mbic");
        assertEquals(1, mixed.code());
        assertTrue(mixed.err().contains("--loo chooses among its own grid"), mixed.err());
    }
}
