package org.narrativewatch.shift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;

class ChangepointMetricsTest {

    /** Orders printed by CPython 3.11 for list(set(xs) | {0}) built by successive adds. */
    @Test
    void setOrderIsCPythons() {
        assertArrayEquals(new int[] {416, 0, 238}, order(238, 416));
        assertArrayEquals(new int[] {416, 1, 0, 451, 324, 360, 234, 267, 142, 52, 181, 506, 91},
                order(1, 52, 91, 142, 181, 234, 267, 324, 360, 416, 451, 506));
        assertArrayEquals(new int[] {0, 8, 264, 142, 285, 416, 419, 52, 181, 439, 185, 58, 451, 461, 341, 91, 94, 351, 239, 506},
                order(8, 52, 58, 91, 94, 142, 181, 185, 239, 264, 285, 341, 351, 416, 419, 439, 451, 461, 506));
        assertArrayEquals(new int[] {64, 33, 0, 3, 100, 200, 9, 17}, order(100, 3, 64, 9, 200, 17, 33));
    }

    private static int[] order(int... xs) {
        ChangepointMetrics.PySetOrder s = new ChangepointMetrics.PySetOrder();
        for (int x : xs) {
            s.add(x);
        }
        s.add(0);
        return s.order();
    }

    @Test
    void handComputedExample() {
        // Annotators {0,10} and {0,10,20}; predictions {0,12,40}; n = 30.
        // TP(union {0,10,20}) = {0,10} -> P = 2/3; recall = (2/2 + 2/3) / 2 = 5/6; F1 = 2PR/(P+R) = 20/27.
        // Cover: annotator 1 segments [0,10) [10,30) vs prediction [0,12) [12,30): (10*10/12 + 20*18/20) / 30;
        // annotator 2: [0,10) [10,20) [20,30): (10*10/12 + 10*8/20 + 10*10/18) / 30.
        ChangepointMetrics.Scores s = ChangepointMetrics.score(List.of(List.of(10), List.of(10, 20)), List.of(12, 40), 30);
        assertEquals(2.0 / 3, s.precision(), 1e-15);
        assertEquals(5.0 / 6, s.recall(), 1e-15);
        assertEquals(20.0 / 27, s.f1(), 1e-15);
        double c1 = (100.0 / 12 + 18) / 30;
        double c2 = (100.0 / 12 + 4 + 100.0 / 18) / 30;
        assertEquals((c1 + c2) / 2, s.cover(), 1e-15);
    }

    @Test
    void greedyMatchingFollowsSetOrderNotSortedOrder() {
        // Truth {10,16}: CPython visits 16 first, which takes 12 (tie with 20 goes to the smaller), so 10 finds nothing.
        ChangepointMetrics.Scores s = ChangepointMetrics.score(List.of(List.of(10, 16)), List.of(12, 20), 100);
        assertEquals(2.0 / 3, s.recall(), 1e-15);
    }

    @Test
    void reproducesEveryPublishedTestVectorExactly() throws Exception {
        Path f = SharedData.require("data/changepoints/tcpd-dev/metric_test_vectors.json");
        JsonNode root = new ObjectMapper().readTree(f.toFile());
        int rows = 0;
        for (JsonNode row : root.get("rows")) {
            JsonNode ann = root.get("annotations").get(row.get("dataset").asText());
            List<List<Integer>> annotators = new ArrayList<>();
            ann.fields().forEachRemaining(e -> {
                List<Integer> a = new ArrayList<>();
                e.getValue().forEach(x -> a.add(x.asInt()));
                annotators.add(a);
            });
            List<Integer> pred = new ArrayList<>();
            row.get("cplocations").forEach(x -> pred.add(x.asInt()));
            ChangepointMetrics.Scores s = ChangepointMetrics.score(annotators, pred, row.get("n_obs").asInt());
            String what = row.get("dataset").asText() + "/" + row.get("method").asText();
            assertEquals(row.get("f1").asDouble(), s.f1(), 0.0, what + " f1");
            assertEquals(row.get("cover").asDouble(), s.cover(), 0.0, what + " cover");
            assertEquals(row.get("precision").asDouble(), s.precision(), 0.0, what + " precision");
            assertEquals(row.get("recall").asDouble(), s.recall(), 0.0, what + " recall");
            rows++;
        }
        assertEquals(root.get("rows").size(), rows);
        org.junit.jupiter.api.Assertions.assertTrue(rows > 50, "expected the full vector set, read " + rows);
    }
}
