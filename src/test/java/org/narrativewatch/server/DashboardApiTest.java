package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.narrativewatch.index.Corpus;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Selection;
import org.narrativewatch.query.Query;
import org.narrativewatch.timeline.Bucketing;
import org.narrativewatch.timeline.SeriesFormat;

/** The API over the real Lucene engine on the fixture corpus: same numbers as the engine calls the CLI makes. */
class DashboardApiTest {

    @RegisterExtension
    static final FixtureServer fx = new FixtureServer("nwatch-api-test", "api-test-token-0123456789");

    static JsonNode json(String path) throws Exception {
        return fx.json(path, 200);
    }

    @Test
    void timelineHasTheContractShapeAndTheFixturesCounts() throws Exception {
        JsonNode t = json("/api/timeline?q=" + Http.enc("переговоры") + "&by=week");
        assertEquals("переговоры", t.path("query").asText());
        assertEquals("week", t.path("by").asText());
        assertEquals(FixtureCorpus.FIRST_MONDAY.toString(), t.path("from").asText());
        JsonNode buckets = t.path("buckets");
        assertEquals(FixtureCorpus.TALKS_PER_WEEK.length, buckets.size());
        for (int w = 0; w < buckets.size(); w++) {
            JsonNode b = buckets.get(w);
            assertEquals(FixtureCorpus.FIRST_MONDAY.plusWeeks(w).toString(), b.path("start").asText());
            assertEquals(FixtureCorpus.TALKS_PER_WEEK[w], b.path("count").asLong(), "week " + w);
            assertEquals(FixtureCorpus.ARTICLES_PER_WEEK, b.path("total").asLong());
            assertEquals((double) FixtureCorpus.TALKS_PER_WEEK[w] / FixtureCorpus.ARTICLES_PER_WEEK, b.path("share").asDouble(), 1e-6);
            assertFalse(b.path("gap").asBoolean());
            assertEquals(7, b.path("days").asInt(), "the fixture's weeks are whole");
            assertFalse(b.path("partial").asBoolean());
        }
    }

    @Test
    void sameNumbersAsTheEngineCallTheCliMakes() throws Exception {
        for (String q : new String[] {"переговоры", "погода OR снег", "NOT переговоры", "*"}) {
            for (Bucketing by : Bucketing.values()) {
                Selection sel = new Selection(LocalDate.of(2022, 2, 10), LocalDate.of(2022, 3, 10), Set.of(), Set.of("state"), Set.of());
                JsonNode api = json("/api/timeline?q=" + Http.enc(q) + "&by=" + by.wire()
                        + "&from=2022-02-10&to=2022-03-10&group=state");
                // through text, as the CLI prints it, so both sides are compared as JSON values
                JsonNode cli = Views.MAPPER.readTree(SeriesFormat.toJson(
                        Corpus.of(fx.engine).timeline(Query.parse(q), sel, by, Engine.CountUnit.ARTICLES), java.util.Map.of()).toString());
                assertEquals(cli.path("buckets"), api.path("buckets"), q + " by " + by);
                assertEquals(cli.path("from"), api.path("from"));
                assertEquals(cli.path("to"), api.path("to"));
            }
        }
    }

    @Test
    void timelinesCompareSeveralQueriesOnTheSameBuckets() throws Exception {
        JsonNode t = json("/api/timelines?q=" + Http.enc("переговоры") + "&q=" + Http.enc("погода") + "&by=day&outlet=state.example");
        assertEquals(2, t.path("series").size());
        JsonNode a = t.path("series").get(0).path("buckets");
        JsonNode b = t.path("series").get(1).path("buckets");
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).path("start"), b.get(i).path("start"));
            assertEquals(a.get(i).path("total"), b.get(i).path("total"), "same selection, same totals");
        }
        assertEquals("[\"state.example\"]", t.path("selection").path("outlets").toString());
        // days of indie.example only are gaps in this selection: share null, gap true
        boolean sawGap = false;
        for (JsonNode x : a) {
            if (x.path("gap").asBoolean()) {
                sawGap = true;
                assertTrue(x.path("share").isNull());
                assertEquals(0, x.path("total").asLong());
            }
        }
        assertTrue(sawGap);
    }

    /**
     * A range from a Thursday to a Wednesday cuts its first and last week; the corpus' own ends cut
     * its months. The CLI (a child process, as a user runs it) prints the same buckets as the API.
     */
    @Test
    void partialBucketsAreMarkedTheSameInTheApiAndTheCli() throws Exception {
        String q = "переговоры";
        JsonNode api = json("/api/timeline?q=" + Http.enc(q) + "&by=week&from=2022-02-17&to=2022-03-02&group=state");
        JsonNode b = api.path("buckets");
        assertEquals(3, b.size());
        assertEquals(java.util.List.of("2022-02-14:4:true", "2022-02-21:7:false", "2022-02-28:3:true"),
                java.util.List.of(cell(b.get(0)), cell(b.get(1)), cell(b.get(2))));
        Path out = fx.dir.resolve("cli-timeline.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.narrativewatch.cli.Main", "timeline", "--index",
                fx.dir.resolve("index").toString(), q, "--by", "week", "--from", "2022-02-17", "--to", "2022-03-02",
                "--group", "state", "--format", "json").redirectOutput(out.toFile()).redirectErrorStream(false).start();
        assertEquals(0, p.waitFor());
        JsonNode cli = Views.MAPPER.readTree(Files.readString(out));
        assertEquals(api.path("buckets"), cli.path("buckets"), "CLI and API buckets, days and partial included");
        // by month, over the whole corpus (Monday 14 February to Sunday 6 March): both months are cut by its ends
        JsonNode months = json("/api/timeline?q=" + Http.enc(q) + "&by=month").path("buckets");
        assertEquals(java.util.List.of("2022-02-01:15:true", "2022-03-01:6:true"),
                java.util.List.of(cell(months.get(0)), cell(months.get(1))));
        String csv = fx.http.get("/api/timeline?format=csv&by=week&from=2022-02-17&to=2022-03-02&group=state&q=" + Http.enc(q)).body();
        assertTrue(csv.contains("\nstart,count,total,share,gap,days,partial\n"), csv);
        assertTrue(csv.contains("\n2022-02-14,0,2,0.000000,false,4,true\n"), csv);
    }

    private static String cell(JsonNode bucket) {
        return bucket.path("start").asText() + ":" + bucket.path("days").asInt() + ":" + bucket.path("partial").asBoolean();
    }

    @Test
    void csvCarriesTheQueryAndSelection() throws Exception {
        HttpResponse<String> one = fx.http.get("/api/timeline?format=csv&by=week&group=state&q=" + Http.enc("переговоры"));
        assertEquals(200, one.statusCode());
        assertTrue(one.body().startsWith("# query: переговоры"), one.body());
        assertTrue(one.body().contains("groups=state"), one.body());
        assertTrue(one.body().contains("start,count,total,share,gap"));
        HttpResponse<String> many = fx.http.get("/api/timelines?format=csv&by=week&q=" + Http.enc("переговоры") + "&q=" + Http.enc("\"снег, урожай\""));
        assertTrue(many.body().contains("# query: \"снег, урожай\""), many.body());
        assertTrue(many.body().contains("\"\"\"снег, урожай\"\"\",2022-02-14,"), "quoted CSV cell: " + many.body());
        assertTrue(many.body().contains("переговоры,2022-02-21,3,7,0.428571,false"), many.body());
    }

    @Test
    void aBadQueryIsA400NamingWhichQueryAndWhere() throws Exception {
        HttpResponse<String> r = fx.http.get("/api/timelines?q=" + Http.enc("переговоры") + "&q=" + Http.enc("путин AND (война"));
        assertEquals(400, r.statusCode());
        JsonNode e = Views.MAPPER.readTree(r.body());
        assertEquals("q[2]", e.path("param").asText());
        assertTrue(e.path("error").asText().contains("column"), e.toString());
        assertTrue(e.path("column").asInt() > 0, e.toString());
        HttpResponse<String> one = fx.http.get("/api/search?q=" + Http.enc("AND"));
        assertEquals(400, one.statusCode());
        assertEquals("q", Views.MAPPER.readTree(one.body()).path("param").asText());
    }

    @Test
    void searchReturnsTextWithSpansNeverMarkup() throws Exception {
        JsonNode s = json("/api/search?q=" + Http.enc("переговоры") + "&from=2022-02-21&to=2022-02-27&limit=10");
        assertEquals(FixtureCorpus.TALKS_PER_WEEK[1], s.path("total").asInt());
        boolean sawEvil = false;
        for (JsonNode h : s.path("hits")) {
            String title = h.path("title").asText();
            assertTrue(h.path("title_matches").size() > 0, "the matched word is marked: " + h);
            JsonNode span = h.path("title_matches").get(0);
            assertEquals("переговоры", title.substring(span.get(0).asInt(), span.get(1).asInt()).toLowerCase());
            if (title.equals(FixtureCorpus.EVIL_TITLE)) {
                sawEvil = true;
            }
        }
        assertTrue(sawEvil, "the title is returned as the plain text it is");
        HttpResponse<String> tooMany = fx.http.get("/api/search?q=x&limit=100000");
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("limit"));
    }

    @Test
    void breakdownByOutletAndGroup() throws Exception {
        JsonNode o = json("/api/breakdown?q=" + Http.enc("переговоры") + "&by=week&facet=outlet");
        assertEquals("outlet", o.path("facet").asText());
        assertEquals("state.example", o.path("series").get(0).path("value").asText(), "most matches first");
        long sum = 0;
        for (JsonNode b : o.path("series").get(0).path("buckets")) {
            sum += b.path("count").asLong();
        }
        assertEquals(4, sum);
        JsonNode g = json("/api/breakdown?q=" + Http.enc("переговоры") + "&by=week&facet=group&top=1");
        assertEquals(1, g.path("series").size());
        assertEquals("state", g.path("series").get(0).path("value").asText());
        assertEquals(1, g.path("omitted").asInt());
    }

    @Test
    void shiftsSayPlainlyWhenDetectionIsMissing() throws Exception {
        HttpResponse<String> r = fx.http.get("/api/shifts?q=" + Http.enc("переговоры"));
        assertEquals(501, r.statusCode());
        assertTrue(r.body().contains("not available"));
    }

    @Test
    void statsMatchTheEngine() throws Exception {
        JsonNode s = json("/api/stats");
        assertEquals(fx.engine.snapshot().articles(), s.path("articles").asLong());
        assertEquals(FixtureCorpus.articles().size(), s.path("articles").asLong());
        assertEquals(2, s.path("outlets").asInt());
        JsonNode groups = json("/api/groups").path("groups");
        assertEquals(2, groups.size());
    }
}
