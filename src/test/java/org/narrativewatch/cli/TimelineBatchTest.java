package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code timeline --queries}: one result per query, equal to the single-query call, errors per line (child processes). */
class TimelineBatchTest {

    @TempDir
    Path tmp;

    private String idx;
    private final ObjectMapper json = new ObjectMapper();

    record Result(int code, String out, String err) {}

    @BeforeEach
    void corpus() throws IOException {
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, """
                {"date":"2022-02-21","source":"X","url":"https://x.example/1","title":"Путин выступил","lang":"ru"}
                {"date":"2022-02-23","source":"X","url":"https://x.example/2","title":"Переговоры, встреча","lang":"ru"}
                {"date":"2022-03-08","source":"Y","url":"https://x.example/3","title":"Путина спросили о переговорах","lang":"ru"}
                """);
        idx = tmp.resolve("idx").toString();
        assertEquals(0, Main.commandLine().execute("import", "--index", idx, f.toString()));
    }

    private Result run(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        int code = p.waitFor();
        return new Result(code, Files.readString(out), Files.readString(err));
    }

    @Test
    void jsonLinesEqualSingleCalls() throws Exception {
        Path queries = tmp.resolve("q.txt");
        Files.writeString(queries, "путин\n\n# a comment\nпереговоры OR встреча\n\"путин выступил\"\n");
        Result batch = run("", "timeline", "--queries", queries.toString(), "--index", idx, "--by", "week", "--format", "json");
        assertEquals(0, batch.code(), batch.err());
        String[] lines = batch.out().strip().split("\n");
        assertEquals(3, lines.length, "one line per query, blank and comment lines skipped");
        String[] asked = {"путин", "переговоры OR встреча", "\"путин выступил\""};
        for (int i = 0; i < asked.length; i++) {
            Result single = run("", "timeline", asked[i], "--index", idx, "--by", "week", "--format", "json");
            assertEquals(json.readTree(single.out()), json.readTree(lines[i]), asked[i]);
        }
        assertEquals(2, sum(json.readTree(lines[0])));
        assertEquals(2, sum(json.readTree(lines[1])));
        assertEquals(1, sum(json.readTree(lines[2])));
    }

    @Test
    void badQueryIsReportedOnItsLineAndTheOthersAreAnswered() throws Exception {
        Result r = run("путин AND (\nпутин\n", "timeline", "--queries", "-", "--index", idx, "--format", "json");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("nwatch: stdin line 1: query error at column"), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode bad = json.readTree(lines[0]);
        assertEquals(1, bad.get("line").asInt());
        assertTrue(bad.get("error").asText().startsWith("query error"));
        assertEquals(2, sum(json.readTree(lines[1])));
    }

    @Test
    void csvIsOneLongTableWithAQueryColumn() throws Exception {
        Result r = run("путин\n\"путин, выступил\" OR нет\n", "timeline", "--queries", "-", "--index", idx, "--by", "month",
                "--format", "csv");
        // the second line is a phrase followed by words: any query text is quoted as a CSV field when needed
        List<String> rows = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals("query," + org.narrativewatch.timeline.SeriesFormat.CSV_HEADER, rows.get(0));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("путин,2022-02-01,1,2,0.500000,false,")), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("путин,2022-03-01,1,1,1.000000,false,")), rows.toString());
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("\"\"\"путин, выступил\"\" OR нет\",2022-02-01,")),
                "a query with quotes and a comma is one quoted field: " + rows);
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("# snapshot")).count(), "provenance once");
    }

    @Test
    void queryAndQueriesAreExclusiveAndOneIsNeeded() throws Exception {
        assertEquals(2, run("", "timeline", "--index", idx).code());
        assertEquals(2, run("", "timeline", "путин", "--queries", "-", "--index", idx).code());
        Result missing = run("", "timeline", "--queries", tmp.resolve("none.txt").toString(), "--index", idx);
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("--queries: no such file"), missing.err());
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        assertSame(TimelineCommand.class, Main.chosenCommand(new String[] {"timeline", "x"}));
        assertNull(Main.chosenCommand(new String[] {"--help"}));
        assertNull(Main.chosenCommand(new String[] {"help", "timeline"}));
        assertNull(Main.chosenCommand(new String[] {"no-such-command"}));
        assertEquals(2, Main.commandLine(new String[] {"no-such-command"}).execute("no-such-command"));
        assertEquals(0, Main.commandLine(new String[] {"timeline", "--help"}).execute("timeline", "--help"));
    }

    private static long sum(JsonNode series) {
        long n = 0;
        for (JsonNode b : series.get("buckets")) {
            n += b.get("count").asLong();
        }
        return n;
    }
}
