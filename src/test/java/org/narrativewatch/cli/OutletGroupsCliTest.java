package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.server.AccessToken;
import org.narrativewatch.server.DashboardServer;
import org.narrativewatch.server.EventStore;
import org.narrativewatch.server.ServerOptions;
import org.narrativewatch.timeline.Bucketing;
import picocli.CommandLine;

/**
 * Groups for outlets already imported (issue 16.6): a dump imported without groups (as the README does) gets the
 * outlet directory's groups, and a groups table gives any outlet a group, or another one, with no re-import; the
 * CLI and the API see the same groups.
 */
class OutletGroupsCliTest {

    @TempDir
    Path tmp;

    static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    Path imported() throws Exception {
        StringBuilder b = new StringBuilder();
        String[][] rows = {{"1tv.ru", "2022-02-21"}, {"1tv.ru", "2022-02-22"}, {"1tv.ru", "2022-02-23"},
            {"meduza.io", "2022-02-22"}, {"meduza.io", "2022-02-24"}, {"x.example", "2022-02-23"}, {"x.example", "2022-02-25"}};
        int n = 0;
        for (String[] r : rows) {
            b.append("{\"date\":\"").append(r[1]).append("\",\"source\":\"").append(r[0]).append("\",\"url\":\"https://")
                    .append(r[0]).append("/n/").append(n++).append("\",\"title\":\"Переговоры, день ").append(n)
                    .append("\",\"lang\":\"ru\"}\n");
        }
        Path f = tmp.resolve("dump.jsonl");
        Files.writeString(f, b.toString());
        Path idx = tmp.resolve("idx");
        assertEquals(0, run(new StringWriter(), "import", "--index", idx.toString(), f.toString()));
        return idx;
    }

    static EngineOptions options(Path idx, Path groups) {
        EngineOptions o = new EngineOptions();
        o.index = idx;
        o.engine = "lucene";
        o.groups = groups;
        return o;
    }

    @Test
    void outletsImportedWithoutAGroupTakeTheDirectorysAndATableAssignsAnyOutlet() throws Exception {
        Path idx = imported();
        try (Engine e = options(idx, null).open()) {
            assertEquals(Map.of("state", 3L, "independent", 2L, "(none)", 2L), Corpus.of(e).stats().byGroup(),
                    "1tv.ru and meduza.io are in the bundled outlet directory");
        }
        Path table = tmp.resolve("groups.csv");
        Files.writeString(table, "outlet,group\nx.example,mine\n1tv.ru,tv\n");
        try (Engine e = options(idx, table).open()) {
            Corpus c = Corpus.of(e);
            assertEquals(Map.of("tv", 3L, "independent", 2L, "mine", 2L), c.stats().byGroup());
            assertEquals(2, sum(c, Query.parse("*"), Selection.ALL.withGroups(Set.of("mine"))));
            assertEquals(3, sum(c, Query.parse("переговоры AND group:tv"), Selection.ALL));
            assertEquals(Set.of("tv", "independent", "mine"),
                    c.breakdown(Query.parse("*"), Selection.ALL, Bucketing.WEEK, Engine.CountUnit.ARTICLES, Engine.Facet.GROUP).keySet());
            // the API over the same engine: the groups panel's source lists them
            try (DashboardServer s = new DashboardServer(e, ServerOptions.defaults(tmp.resolve("events.csv")).withPort(0),
                    new AccessToken("groups-test-token-0123456789", "test", false), EventStore.open(tmp.resolve("events.csv")), null).start()) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + s.port() + "/api/groups")).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode g = new ObjectMapper().readTree(r.body()).path("groups");
                assertEquals("independent mine tv", g.get(0).path("group").asText() + " " + g.get(1).path("group").asText() + " "
                        + g.get(2).path("group").asText());
                assertEquals(0, new ObjectMapper().readTree(r.body()).path("ungrouped_outlets").asInt());
            }
        }
        // the CLI as a user runs it: the same groups
        Path out = tmp.resolve("stats.json");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "stats", "--index", idx.toString(),
                "--groups", table.toString(), "--format", "json").redirectOutput(out.toFile());
        assertEquals(0, pb.start().waitFor());
        assertEquals(Map.of("tv", 3, "independent", 2, "mine", 2),
                new ObjectMapper().convertValue(new ObjectMapper().readTree(Files.readString(out)).path("groups"), Map.class));
    }

    @Test
    void aBadGroupsTableIsAOneLineErrorNamingItsLine() throws Exception {
        Path idx = imported();
        Path table = tmp.resolve("groups.csv");
        Files.writeString(table, "outlet,group\n1tv.ru\n");
        StringWriter err = new StringWriter();
        assertEquals(1, run(err, "stats", "--index", idx.toString(), "--groups", table.toString()));
        assertTrue(err.toString().contains("groups.csv:2: expected outlet,group"), err.toString());
        StringWriter missing = new StringWriter();
        assertEquals(1, run(missing, "stats", "--index", idx.toString(), "--groups", tmp.resolve("nope.csv").toString()));
        assertTrue(missing.toString().contains("no such file"), missing.toString());
    }

    static long sum(Corpus c, Query q, Selection sel) throws Exception {
        long n = 0;
        for (long x : c.timeline(q, sel, Bucketing.DAY, Engine.CountUnit.ARTICLES).counts()) {
            n += x;
        }
        return n;
    }
}
