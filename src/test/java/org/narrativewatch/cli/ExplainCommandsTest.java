package org.narrativewatch.cli;

import static org.narrativewatch.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain, cooccur, eval-names and shifts --explain as a user runs them: exit codes, one-line errors, JSON shapes. */
class ExplainCommandsTest {

    @TempDir
    static Path tmp;
    static String idx;

    @BeforeAll
    static void importCorpus() throws Exception {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (int day = 1; day <= 28; day++) {
            String d = String.format("2024-02-%02d", day);
            boolean late = day > 14;
            lines.add("{\"date\":\"" + d + "\",\"source\":\"A\",\"url\":\"https://a.example/" + (n++) + "\",\"lang\":\"ru\",\"title\":\""
                    + (late ? "Путин обсудил саммит и переговоры" : "Путин провел совещание по экономике") + "\",\"text\":\"\"}");
            lines.add("{\"date\":\"" + d + "\",\"source\":\"B\",\"url\":\"https://b.example/" + (n++) + "\",\"lang\":\"ru\",\"title\":\""
                    + "Погода: снег и ветер\",\"text\":\"\"}");
        }
        Path f = tmp.resolve("news.jsonl");
        Files.write(f, lines);
        idx = tmp.resolve("idx").toString();
        assertEquals(0, run("import", "--index", idx, f.toString()).code());
    }

    @Test
    void explainPrintsTheContractJson() throws Exception {
        CliRun r = run("explain", "путин", "--index", idx, "--from", "2024-02-15", "--to", "2024-02-28", "--vs", "2024-02-01..2024-02-14",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("путин", j.path("query").asText());
        assertEquals(14, j.path("window").path("articles").asInt());
        assertEquals(14, j.path("baseline").path("articles").asInt());
        JsonNode first = j.path("terms").get(0);
        for (String k : new String[] {"term", "kind", "count", "baseline_count", "g2", "p", "log_ratio", "ci"}) {
            assertTrue(first.has(k), k);
        }
        assertTrue(j.path("outlets").isArray());
        CliRun table = run("explain", "путин", "--index", idx, "--from", "2024-02-15", "--to", "2024-02-28", "--vs", "2024-02-01..2024-02-14");
        assertTrue(table.out().contains("саммит"), table.out());
        CliRun csv = run("explain", "путин", "--index", idx, "--from", "2024-02-15", "--to", "2024-02-28", "--format", "csv");
        assertTrue(csv.out().startsWith("# nwatch explain"), csv.out());
    }

    @Test
    void cooccurPrintsEveryBucket() throws Exception {
        CliRun r = run("cooccur", "путин", "--index", idx, "--within", "3", "--by", "week", "--format", "json", "--min-count", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3, j.path("within").asInt());
        assertTrue(j.path("measure").asText().contains("G2"));
        assertEquals(5, j.path("buckets").size(), "ISO weeks touching 2024-02-01..28");
    }

    @Test
    void groupsAssignedAtQueryTimeReachExplain() throws Exception {
        Path table = tmp.resolve("groups.csv");
        Files.writeString(table, "outlet,group\nA,wire\nB,weather\n");
        CliRun r = run("explain", "путин", "--index", idx, "--from", "2024-02-15", "--to", "2024-02-28", "--vs", "2024-02-01..2024-02-14",
                "--groups", table.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode wire = null;
        for (JsonNode o : j.path("outlets")) {
            assertTrue(!o.path("facet").asText().equals("group") || List.of("wire", "weather").contains(o.path("name").asText()), o.toString());
            if (o.path("facet").asText().equals("group") && o.path("name").asText().equals("wire")) {
                wire = o;
            }
        }
        assertTrue(wire != null, j.path("outlets").toString());
        assertEquals(14, wire.path("count").asInt());
        assertEquals(14, wire.path("baseline_count").asInt());
        // a selection by an assigned group: only A's articles are in it
        CliRun g = run("explain", "саммит", "--index", idx, "--from", "2024-02-01", "--to", "2024-02-28", "--group", "wire",
                "--groups", table.toString(), "--format", "json");
        assertEquals(0, g.code(), g.err());
        JsonNode gj = new ObjectMapper().readTree(g.out());
        assertEquals(14, gj.path("window").path("articles").asInt());
        assertEquals(14, gj.path("baseline").path("articles").asInt(), "the rest of wire's articles: A before the 15th");
        CliRun none = run("explain", "саммит", "--index", idx, "--from", "2024-02-01", "--to", "2024-02-28", "--group", "nobody",
                "--groups", table.toString(), "--format", "json");
        assertEquals(0, none.code(), none.err());
        assertEquals(0, new ObjectMapper().readTree(none.out()).path("window").path("articles").asInt());
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        CliRun vs = run("explain", "путин", "--index", idx, "--vs", "last week");
        assertEquals(1, vs.code());
        assertTrue(vs.err().startsWith("nwatch: --vs takes"), vs.err());
        assertEquals(1, run("explain", "путин", "--index", idx, "--format", "xml").code());
        assertEquals(1, run("explain", "путин", "--index", idx, "--top", "0").code());
        assertEquals(1, run("cooccur", "путин", "--index", idx, "--by", "fortnight").code());
        assertEquals(1, run("cooccur", "путин", "--index", idx, "--within", "-1").code());
        assertEquals(2, run("explain", "--index", idx).code());
        assertEquals(1, run("eval-names", tmp.resolve("missing.conllu").toString()).code());
        assertEquals(1, run("explain", "путин", "--index", idx, "--gazetteer", tmp.resolve("none.csv").toString()).code());
        CliRun shifts = run("shifts", "--csv", tmp.resolve("x.csv").toString(), "--explain");
        assertEquals(1, shifts.code());
    }

    @Test
    void shiftsExplainAddsWhatChangedToEveryChange() throws Exception {
        CliRun r = run("shifts", "саммит", "--index", idx, "--by", "day", "--explain", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.path("changes").size(), r.out());
        assertEquals("2024-02-15", j.path("changes").get(0).path("date").asText());
        assertTrue(j.path("changes").get(0).path("explain").path("terms").toString().contains("переговоры"));
        for (JsonNode c : j.path("changes")) {
            assertTrue(c.has("explain"), c.toString());
            assertEquals(c.path("date").asText(), c.path("explain").path("window").path("from").asText());
        }
    }

    @Test
    void evalNamesOnAConllu() throws Exception {
        Path f = tmp.resolve("ru_x.conllu");
        Files.writeString(f, "1\tПутин\tПутин\tPROPN\t_\t_\t0\troot\t_\t_\n2\tприлетел\tприлететь\tVERB\t_\t_\t1\tdep\t_\t_\n\n");
        CliRun r = run("eval-names", f.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.path("propn").asInt());
        assertEquals(1.0, j.path("tagger").path("tokens").path("recall").asDouble());
        assertEquals(0.0, j.path("baseline").path("tokens").path("recall").asDouble(), "the baseline skips sentence starts");
    }
}
