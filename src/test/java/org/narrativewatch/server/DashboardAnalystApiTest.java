package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.narrativewatch.index.Engine;

/**
 * The API side of the dashboard's issue 16 on the fixture corpus: partial buckets in JSON and CSV as the CLI writes
 * them, exports that say what made them, search pages and the whole list as CSV, unknown parameters, outlets and
 * groups refused by name, messages in the API's words without server paths, a map date before the first snapshot
 * said as such, and a query that cannot run named so the others still draw.
 */
class DashboardAnalystApiTest {

    @RegisterExtension
    static final FixtureServer fx = new FixtureServer("nwatch-analyst-api-test", "api-test-token-0123456789")
            .setup((server, dir) -> server.withTerritory(MapFixture.geo(dir.resolve("geo"))));

    static JsonNode error(String path, int status) throws Exception {
        return fx.json(path, status);
    }

    @Test
    void unknownParametersAreRefusedNamingTheKnownOnes() throws Exception {
        JsonNode e = error("/api/timeline?q=" + Http.enc("переговоры") + "&by=week&form=2022-02-01", 400);
        assertEquals("form", e.path("param").asText());
        assertTrue(e.path("error").asText().contains("unknown parameter 'form'"), e.toString());
        assertTrue(e.path("known").toString().contains("\"from\""), e.toString());
        assertTrue(e.path("error").asText().contains("from, group, lang, outlet, q, to, unit"), e.toString());
        JsonNode none = error("/api/stats?verbose=1", 400);
        assertTrue(none.path("error").asText().contains("takes none"), none.toString());
        // every parameter the page sends is known
        assertEquals(200, fx.http.get("/api/search?q=" + Http.enc("переговоры") + "&from=2022-02-14&to=2022-02-20&limit=5&order=relevance").statusCode());
        assertEquals(200, fx.http.get("/api/breakdown?q=*&by=week&unit=stories&facet=group&top=6&outlet=state.example").statusCode());
    }

    @Test
    void partialBucketsAreMarkedInJsonAndCsvAsTheCliWritesThem() throws Exception {
        // from a Wednesday: the first week holds 5 of its 7 days; the fixture ends on a Sunday, so the last is whole
        JsonNode t = Views.MAPPER.readTree(fx.http.get("/api/timeline?q=" + Http.enc("переговоры") + "&by=week&from=2022-02-16").body());
        JsonNode b = t.path("buckets");
        assertEquals("2022-02-14", b.get(0).path("start").asText());
        assertEquals(5, b.get(0).path("days").asInt());
        assertTrue(b.get(0).path("partial").asBoolean());
        assertEquals(7, b.get(1).path("days").asInt());
        assertFalse(b.get(1).path("partial").asBoolean());
        assertFalse(b.get(b.size() - 1).path("partial").asBoolean());
        // by month both months are cut by the corpus' first and last day
        JsonNode m = Views.MAPPER.readTree(fx.http.get("/api/timeline?q=*&by=month").body()).path("buckets");
        assertEquals("15 true, 6 true", m.get(0).path("days").asInt() + " " + m.get(0).path("partial").asBoolean() + ", "
                + m.get(1).path("days").asInt() + " " + m.get(1).path("partial").asBoolean());
        String csv = fx.http.get("/api/timelines?q=" + Http.enc("переговоры") + "&by=week&from=2022-02-16&format=csv").body();
        assertTrue(csv.contains("query,start,count,total,share,gap,days,partial\n"), csv);
        assertTrue(csv.contains("переговоры,2022-02-14,0,5,0.000000,false,5,true\n"), csv);
        // the CLI's JSON for the same request: the same buckets
        JsonNode cli = Views.MAPPER.readTree(org.narrativewatch.timeline.SeriesFormat.toJson(org.narrativewatch.index.Corpus.of(fx.engine)
                .timeline(org.narrativewatch.query.Query.parse("переговоры"), org.narrativewatch.index.Selection.ALL
                        .withDates(java.time.LocalDate.of(2022, 2, 16), null), org.narrativewatch.timeline.Bucketing.WEEK,
                        Engine.CountUnit.ARTICLES), java.util.Map.of()).toString());
        assertEquals(cli.path("buckets"), b);
    }

    @Test
    void exportsSayTheSnapshotAndTheVersion() throws Exception {
        JsonNode j = Views.MAPPER.readTree(fx.http.get("/api/timelines?q=*&by=week").body());
        assertTrue(j.path("snapshot").asText().startsWith("lucene:"), j.toString());
        assertTrue(j.path("version").asText().startsWith("nwatch "), j.toString());
        JsonNode one = Views.MAPPER.readTree(fx.http.get("/api/timeline?q=*&by=week").body());
        assertEquals(j.path("snapshot"), one.path("snapshot"));
        String csv = fx.http.get("/api/timelines?q=*&by=week&format=csv").body();
        assertTrue(csv.contains("# corpus: lucene:") && csv.contains("# version: nwatch "), csv);
    }

    @Test
    void searchPagesAndTheWholeListAsCsv() throws Exception {
        String q = "/api/search?q=*&from=2022-02-14&to=2022-03-06&limit=8";
        JsonNode p1 = Views.MAPPER.readTree(fx.http.get(q).body());
        JsonNode p2 = Views.MAPPER.readTree(fx.http.get(q + "&offset=8").body());
        JsonNode p3 = Views.MAPPER.readTree(fx.http.get(q + "&offset=16").body());
        assertEquals(21, p1.path("total").asLong());
        assertEquals(List.of(8, 8, 5), List.of(p1.path("hits").size(), p2.path("hits").size(), p3.path("hits").size()));
        assertEquals(16, p3.path("offset").asInt());
        Set<String> urls = new HashSet<>();
        String previous = "9999";
        for (JsonNode page : List.of(p1, p2, p3)) {
            for (JsonNode h : page.path("hits")) {
                assertTrue(urls.add(h.path("url").asText()), "each article once across pages");
                assertTrue(h.path("published").asText().compareTo(previous) <= 0, "newest first across pages");
                previous = h.path("published").asText();
            }
        }
        assertEquals(21, urls.size());
        assertEquals(400, fx.http.get(q + "&offset=-1").statusCode());
        // the whole list as CSV: every match, quoted, formulas defused
        String csv = fx.http.get("/api/search?q=" + Http.enc("переговоры") + "&order=relevance&format=csv").body();
        List<String> rows = csv.lines().filter(l -> !l.startsWith("#")).toList();
        assertTrue(rows.get(0).startsWith("published,date_quality,outlet,group,lang,title,url"), csv);
        assertEquals(4, rows.size() - 1, csv);
        assertTrue(csv.contains("# query: переговоры") && csv.contains("# order: relevance") && csv.contains("# rows: 4\n"), csv);
        assertTrue(csv.contains("\"" + FixtureCorpus.EVIL_TITLE.replace("\"", "\"\"") + "\""), "the title quoted as text: " + csv);
        assertEquals("'=1+1", ArticleListCsv.text("=1+1"));
        assertEquals("'-5 градусов", ArticleListCsv.text("-5 градусов"));
        assertEquals("Путин", ArticleListCsv.text("Путин"));
    }

    @Test
    void unknownOutletsAndGroupsAreSaid() throws Exception {
        JsonNode e = error("/api/timeline?q=*&outlet=rt.com", 400);
        assertEquals("parameter outlet: no outlet 'rt.com' in this corpus (outlets: indie.example, state.example)", e.path("error").asText());
        JsonNode g = error("/api/search?q=*&group=official", 400);
        assertTrue(g.path("error").asText().contains("no group 'official'") && g.path("error").asText().contains("independent, state"), g.toString());
        assertEquals(200, fx.http.get("/api/timeline?q=*&outlet=state.example&group=state").statusCode());
    }

    /** The fixture's engine, except that a query with "boom*" fails when it runs, as a prefix expanding too far does. */
    static final class FailingPrefix implements Engine {
        final Engine inner;

        FailingPrefix(Engine inner) {
            this.inner = inner;
        }

        void check(org.narrativewatch.query.Query q) {
            if (q.text().contains("boom*")) {
                throw new org.narrativewatch.UserException("prefix boom* expands to more than 5000 word forms; use a longer prefix");
            }
        }

        @Override public String name() { return inner.name(); }
        @Override public AddOutcome add(org.narrativewatch.article.Article a) throws java.io.IOException { return inner.add(a); }
        @Override public void commit(java.util.Map<String, String> c) throws java.io.IOException { inner.commit(c); }
        @Override public java.util.Map<String, String> checkpoint() throws java.io.IOException { return inner.checkpoint(); }
        @Override public org.narrativewatch.index.DayCounts dayCounts(org.narrativewatch.query.Query q, org.narrativewatch.index.Selection s,
                CountUnit u, Facet f) throws java.io.IOException {
            check(q);
            return inner.dayCounts(q, s, u, f);
        }
        @Override public org.narrativewatch.index.Hits search(org.narrativewatch.query.Query q, org.narrativewatch.index.Selection s, int l,
                HitOrder o) throws java.io.IOException {
            check(q);
            return inner.search(q, s, l, o);
        }
        @Override public org.narrativewatch.index.CorpusFacts facts() throws java.io.IOException { return inner.facts(); }
        @Override public org.narrativewatch.index.Snapshot snapshot() throws java.io.IOException { return inner.snapshot(); }
        @Override public void close() { }
    }

    @Test
    void aQueryThatCannotRunIsNamedSoTheOthersCanBeDrawn() throws Exception {
        try (DashboardServer s = new DashboardServer(new FailingPrefix(fx.engine), ServerOptions.defaults(fx.dir.resolve("events2.csv")).withPort(0),
                new AccessToken("api-test-token-0123456789", "test", false), EventStore.open(fx.dir.resolve("events2.csv")), null).start()) {
            HttpResponse<String> r = new Http(s.port()).get("/api/timelines?by=week&q=" + Http.enc("переговоры") + "&q=" + Http.enc("boom*"));
            assertEquals(400, r.statusCode(), r.body());
            JsonNode e = Views.MAPPER.readTree(r.body());
            assertEquals("q[2]", e.path("param").asText());
            assertEquals("boom*", e.path("query").asText());
            assertTrue(e.path("error").asText().contains("expands to more than"), e.toString());
        }
    }

    @Test
    void messagesNameParametersNotFlags() throws Exception {
        JsonNode e = error("/api/timeline?q=*&from=2022-03-01&to=2022-02-01", 400);
        assertEquals("parameter to 2022-02-01 is before parameter from 2022-03-01", e.path("error").asText());
        assertEquals("to", e.path("param").asText());
        assertFalse(e.path("error").asText().contains("--"));
    }

    @Test
    void aMapDateBeforeTheFirstSnapshotIsSaidWithoutServerPaths() throws Exception {
        JsonNode e = error("/api/territory/control?date=2024-06-01", 400);
        assertEquals("no snapshot on or before 2024-06-01; the first is " + MapFixture.FIRST, e.path("error").asText());
        JsonNode s = Views.MAPPER.readTree(fx.http.send("POST", "/api/territory/scenario?date=2020-01-01", "application/yaml",
                "name: x\nsteps:\n  - to: russia\n    regions: [West Oblast]\n", null).body());
        assertTrue(s.path("error").asText().startsWith("no snapshot on or before 2020-01-01"), s.toString());
        assertFalse(s.path("error").asText().contains(fx.dir.toString()));
    }
}
