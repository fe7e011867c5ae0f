package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes (in-process) and the timeline's JSON shape (in a child process, as a user runs it). */
class MainTest {

    @TempDir
    Path tmp;

    record Run(int code, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void exitCodes() throws Exception {
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, "{\"date\":\"2022-02-24\",\"source\":\"X\",\"url\":\"https://x.example/1\",\"title\":\"Путин выступил\",\"lang\":\"ru\"}\n");
        String idx = tmp.resolve("idx").toString();
        assertEquals(0, run("import", "--index", idx, f.toString()).code());
        Run bad = run("timeline", "--index", idx, "путин AND (");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("nwatch: query error at column"), bad.err());
        assertEquals(1, run("import", "--index", idx, tmp.resolve("missing.jsonl").toString()).code());
        assertEquals(1, run("timeline", "--index", idx, "путин", "--from", "2022-13-01").code());
        assertEquals(1, run("timeline", "--index", tmp.resolve("empty").toString(), "путин").code());
        assertEquals(2, run("timeline", "--index", idx).code(), "missing QUERY is a usage error");
        assertEquals(2, run("no-such-command").code());
        assertEquals(0, run("timeline", "--help").code());
    }

    @Test
    void timelineJsonShape() throws Exception {
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, "{\"date\":\"2022-02-21\",\"source\":\"X\",\"url\":\"https://x.example/1\",\"title\":\"Путин выступил\",\"lang\":\"ru\"}\n"
                + "{\"date\":\"2022-02-23\",\"source\":\"X\",\"url\":\"https://x.example/2\",\"title\":\"Погода\",\"lang\":\"ru\"}\n"
                + "{\"date\":\"2022-03-08\",\"source\":\"X\",\"url\":\"https://x.example/3\",\"title\":\"Путина спросили\",\"lang\":\"ru\"}\n");
        String idx = tmp.resolve("idx").toString();
        assertEquals(0, run("import", "--index", idx, f.toString()).code());
        Path out = tmp.resolve("out.json");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "timeline", "--index", idx, "путин",
                "--by", "week", "--format", "json").redirectOutput(out.toFile());
        assertEquals(0, pb.start().waitFor());
        JsonNode j = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("путин", j.get("query").asText());
        assertEquals("week", j.get("by").asText());
        JsonNode b = j.get("buckets");
        assertEquals(3, b.size(), "weeks of 2022-02-21, 02-28 (a gap) and 03-07");
        assertEquals("2022-02-21", b.get(0).get("start").asText());
        assertEquals(1, b.get(0).get("count").asInt());
        assertEquals(2, b.get(0).get("total").asInt());
        assertEquals(0.5, b.get(0).get("share").asDouble(), 1e-9);
        assertTrue(b.get(1).get("gap").asBoolean());
        assertEquals(0, b.get(1).get("total").asInt());
        assertEquals(1, b.get(2).get("count").asInt());
        // the corpus ends on Tuesday 8 March: its last week has 2 days, the others are whole
        assertEquals(7, b.get(0).get("days").asInt());
        assertFalse(b.get(0).get("partial").asBoolean());
        assertEquals(2, b.get(2).get("days").asInt());
        assertTrue(b.get(2).get("partial").asBoolean());
        assertTrue(j.has("snapshot") && j.has("selection"));
        assertTrue(j.get("snapshot").asText().matches("lucene:.*@v\\d+/3 docs"), j.get("snapshot").asText());
    }
}
