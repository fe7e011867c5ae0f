package org.narrativewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's parsing, arithmetic and corpus generation, on inputs written here. */
class HarnessPartsTest {

    @TempDir
    Path tmp;

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Measure.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, Measure.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertTrue(Double.isNaN(Measure.median(List.of())));
    }

    @Test
    void readsGnuTimeReport() {
        String report = """
                \tCommand being timed: "java -jar x.jar"
                \tUser time (seconds): 28.71
                \tSystem time (seconds): 1.00
                \tMaximum resident set size (kbytes): 847204
                """;
        assertEquals(847204 / 1024.0, Measure.maxRssMiB(report), 1e-9);
        assertEquals(29.71, Measure.cpuSeconds(report), 1e-9);
        assertTrue(Double.isNaN(Measure.maxRssMiB("no report")));
    }

    @Test
    void readsPsqlTimingAndCounts() {
        String out = """
                2022-02-24|15
                2022-02-25|7
                Time: 12.345 ms
                2022-02-24|15
                2022-02-25|7
                Time: 1234.500 ms (00:01.235)
                """;
        assertEquals(List.of(12.345, 1234.5), Measure.psqlTimes(out));
        Workload timeline = Workload.ALL.get(0);
        assertEquals(22L, PostgresSide.firstCount(timeline, out));
        Workload search = Workload.ALL.stream().filter(w -> w.kind() == Workload.Kind.SEARCH).findFirst().orElseThrow();
        assertEquals(427L, PostgresSide.firstCount(search, "427|https://a|2024-01-01|x\n427|https://b|2024-01-01|y\nTime: 3.1 ms\n"));
        assertEquals(0L, PostgresSide.firstCount(search, "Time: 3.1 ms\n"), "no row: no match");
    }

    @Test
    void nearBecomesEveryExactDistanceInBothOrders() {
        String q = Workload.nearTsquery("a", "b", 1);
        assertEquals("a <1> b | b <1> a | a <2> b | b <2> a", q);
    }

    @Test
    void postgresQueriesUseTheIndexedExpression() {
        for (Workload w : Workload.ALL) {
            String sql = PostgresSide.sql(w);
            assertTrue(sql.contains("to_tsvector('russian', title || ' ' || text) @@ "), sql);
            assertTrue(sql.contains(w.phrase() ? "phraseto_tsquery('russian', " : "to_tsquery('russian', "), sql);
        }
        assertEquals("'it''s'", PostgresSide.lit("it's"));
    }

    @Test
    void ratiosPointTheRightWay() {
        Row latency = new Row("c", "f", "ms", Row.Better.LOWER, 2, 400, 50, Double.NaN, null, null, null, null);
        assertEquals(25.0, latency.ratio(), 1e-9);
        assertEquals(0.125, latency.ratioCli(), 1e-9);
        Row rate = new Row("c", "f", "articles/s", Row.Better.HIGHER, Double.NaN, 3000, 1000, Double.NaN, null, null,
                null, null);
        assertEquals(3.0, rate.ratio(), 1e-9, "no in-process figure: the CLI's");
        Row noPg = new Row("c", "f", "ms", Row.Better.LOWER, 2, 400, Double.NaN, 1, null, null, null, null);
        assertTrue(Double.isNaN(noPg.ratio()));
    }

    @Test
    void tableHasEveryRowInCsvAndMarkdown() throws Exception {
        ResultTable t = new ResultTable();
        t.add(new Row("1tv", "daily timeline: word — warm median", "ms", Row.Better.LOWER, 2.5, 900, 50, 70, 10L, 12L,
                13L, "a note, with a comma"));
        t.add(new Row("1tv", "size on disk", "MiB", Row.Better.LOWER, Double.NaN, 100, 150, Double.NaN, null, null, null,
                null));
        t.write(tmp, "r");
        List<String> csv = Files.readAllLines(tmp.resolve("r.csv"));
        assertEquals(3, csv.size());
        assertEquals(String.join(",", ResultTable.HEADER), csv.get(0));
        assertTrue(csv.get(1).contains(",10,12,13,\"a note, with a comma\","), csv.get(1));
        assertTrue(csv.get(1).contains(",20.00,0.06,"), csv.get(1));
        String md = Files.readString(tmp.resolve("r.md"));
        assertTrue(md.contains("| 1tv | daily timeline: word — warm median | ms | 2.50 | 900 | 50.0 | 70.0 | 20× | 0.06× | 10 | 12 | 13 |"), md);
        assertTrue(md.contains("| 1tv | size on disk | MiB | – | 100 | 150 | – | 1.50× | 1.50× | – | – | – |"), md);
        assertEquals("1,234", ResultTable.pretty(1234.4));
    }

    @Test
    void multipliedCorpusHasNewIdsAndUrlsAndTheSameText() throws Exception {
        Path gz = tmp.resolve("in.jsonl.gz");
        String a = "{\"id\": \"x-1\", \"date\": \"2022-02-24\", \"source\": \"s\", \"url\": \"https://e.org/a\", \"title\": \"Т\", \"text\": \"\", \"lang\": \"ru\"}";
        // a URL spelled with escaped slashes: the copy must still get a new URL
        String b = "{\"id\":\"x-2\",\"date\":\"2022-02-25\",\"url\":\"https:\\/\\/e.org\\/b?p=1\",\"title\":\"У\",\"lang\":\"ru\"}";
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((a + "\n" + b + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Corpus c = Corpus.multiplied("m", gz, 3, tmp);
        assertEquals(6, c.lines());
        List<String> lines = Files.readAllLines(c.plain());
        assertEquals(a, lines.get(0), "copy 0 is the original line");
        ObjectMapper json = new ObjectMapper();
        Set<String> urls = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode o = json.readTree(line);
            urls.add(o.get("url").asText());
            ids.add(o.get("id").asText());
        }
        assertEquals(6, urls.size());
        assertEquals(6, ids.size());
        assertTrue(urls.contains("https://e.org/a?copy=2"), urls.toString());
        assertTrue(urls.contains("https://e.org/b?p=1&copy=1"), urls.toString());
        assertEquals("У", json.readTree(lines.get(5)).get("title").asText());
        assertEquals("2022-02-25", json.readTree(lines.get(5)).get("date").asText());
    }

    @Test
    void sliceKeepsTheFirstLines() throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
        Corpus c = Corpus.slice("s", in, 2, tmp);
        assertEquals(2, c.lines());
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), Files.readAllLines(c.file()));
        assertEquals("cat '" + c.file() + "'", c.catCommand());
    }

    @Test
    void failedCommandsSayWhat() {
        Exec.Result r = new Exec.Result(3, "", "boom", 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.check(List.of("false", "x")));
        assertTrue(e.getMessage().contains("exit 3") && e.getMessage().contains("false x") && e.getMessage().contains("boom"));
        assertNull(Timing.NONE.count());
    }

    @Test
    void readsThePeltHarnessRow() {
        String out = """
                segments of 10..100 points
                model                n     true    found     cpu ms    wall ms
                normal-mean       1000       15        6        1.7        6.1
                normal-mean      10000      172       88       18.6      106.2
                """;
        double[] f = ShiftSuite.parse(out, "normal-mean", 10000);
        assertEquals(172, f[1]);
        assertEquals(88, f[2]);
        assertEquals(18.6, f[3], 1e-9);
        assertEquals(106.2, f[4], 1e-9);
        assertThrows(IllegalStateException.class, () -> ShiftSuite.parse(out, "poisson", 1000));
    }
}
