package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.article.Article;
import org.narrativewatch.index.CorpusFacts;
import org.narrativewatch.index.DayCounts;
import org.narrativewatch.index.Engine;
import org.narrativewatch.index.Hits;
import org.narrativewatch.index.OutletInfo;
import org.narrativewatch.index.Selection;
import org.narrativewatch.index.Snapshot;
import org.narrativewatch.query.Query;

/** The server's bounds, independent of any query: token, sizes, hosts, static files, the API description. */
class ServerSecurityTest {

    private static final String TOKEN = "test-token-0123456789abcdef";

    @TempDir
    Path dir;
    DashboardServer server;
    Http http;
    volatile boolean slowStats;

    /** Answers corpus facts and the snapshot only; counting and search are not needed here. */
    final class CorpusOnlyEngine implements Engine {
        @Override public String name() { return "corpus-only"; }
        @Override public AddOutcome add(Article a) { throw new UnsupportedOperationException(); }
        @Override public void commit(Map<String, String> c) { throw new UnsupportedOperationException(); }
        @Override public Map<String, String> checkpoint() { return Map.of(); }
        @Override public DayCounts dayCounts(Query q, Selection s, CountUnit u, Facet f) { throw new UnsupportedOperationException(); }
        @Override public Hits search(Query q, Selection s, int l, HitOrder o) { throw new UnsupportedOperationException(); }
        @Override public CorpusFacts facts() {
            if (slowStats) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new CorpusFacts(snapshot(), List.of(
                    new OutletInfo("b.example", "state", 2, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 3)),
                    new OutletInfo("a.example", null, 1, LocalDate.of(2022, 1, 2), LocalDate.of(2022, 1, 2))),
                    Map.of("ru", 3L), 0);
        }
        @Override public Snapshot snapshot() {
            return new Snapshot(name(), "test", 3, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 3), 1);
        }
        @Override public void close() {}
    }

    @BeforeEach
    void start() throws IOException {
        ServerOptions opts = new ServerOptions("127.0.0.1", 0, dir.resolve("events.csv"), Duration.ofMillis(800), 2, 200, 64 * 1024);
        server = new DashboardServer(new CorpusOnlyEngine(), opts, new AccessToken(TOKEN, "test", false),
                EventStore.open(dir.resolve("events.csv")), null).start();
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openapiDescribesExactlyTheRoutesServed() throws Exception {
        HttpResponse<String> r = http.get("/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode doc = Views.MAPPER.readTree(r.body());
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            var e = it.next();
            e.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + e.getKey()));
        }
        Set<String> served = new TreeSet<>();
        // a path parameter that may hold slashes is <id> in Javalin and {id} in OpenAPI
        server.routes().forEach(rt -> served.add(rt.method().name() + " " + openapiPath(rt.path())));
        assertEquals(served, documented);
        for (var rt : server.routes()) {
            JsonNode op = doc.path("paths").path(openapiPath(rt.path())).path(rt.method().name().toLowerCase(Locale.ROOT));
            assertEquals(rt.writes(), op.has("security"), rt.path() + ": writes need the token, and say so");
        }
    }

    @Test
    void writesNeedTheToken() throws Exception {
        String ev = "{\"date\":\"2023-05-20\",\"label\":\"test event\",\"kind\":\"war\"}";
        assertEquals(401, http.send("POST", "/api/events", "application/json", ev, null).statusCode());
        assertEquals(403, http.send("POST", "/api/events", "application/json", ev, TOKEN + "x").statusCode());
        HttpResponse<String> ok = http.send("POST", "/api/events", "application/json", ev, TOKEN);
        assertEquals(201, ok.statusCode(), ok.body());
        String id = Views.MAPPER.readTree(ok.body()).path("id").asText();
        assertTrue(http.get("/api/events").body().contains("test event"));
        assertEquals(401, http.send("DELETE", "/api/events/" + id, null, null, null).statusCode());
        assertEquals(401, http.send("POST", "/api/events.csv", "text/csv", "date,label\n2023-01-01,x\n", null).statusCode());
        assertEquals(204, http.send("DELETE", "/api/events/" + id, null, null, TOKEN).statusCode());
        assertEquals(404, http.send("DELETE", "/api/events/" + id, null, null, TOKEN).statusCode());
        assertFalse(http.get("/api/events").body().contains("test event"));
    }

    @Test
    void eventCsvRoundTripAndErrorsNameTheLine() throws Exception {
        HttpResponse<String> bad = http.send("POST", "/api/events.csv", "text/csv", "date,label\n2023-01-01,x\nnope,y\n", TOKEN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("line 3"), bad.body());
        HttpResponse<String> ok = http.send("POST", "/api/events.csv", "text/csv", "date,label,kind\n2023-01-01,imported one,talks\n", TOKEN);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(1, Views.MAPPER.readTree(ok.body()).path("added").asInt());
        HttpResponse<String> csv = http.get("/api/events.csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("id,date,label,kind"));
        assertTrue(csv.body().contains("2023-01-01,imported one,talks"));
        HttpResponse<String> badJson = http.send("POST", "/api/events", "application/json", "{not json", TOKEN);
        assertEquals(400, badJson.statusCode());
    }

    @Test
    void requestBodiesAreBounded() throws Exception {
        String big = "date,label\n" + "2023-01-01,x\n".repeat(10_000);
        HttpResponse<String> r = http.send("POST", "/api/events.csv", "text/csv", big, TOKEN);
        assertEquals(413, r.statusCode());
    }

    @Test
    void slowEngineCallsAreStoppedWithA503() throws Exception {
        slowStats = true;
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.get("/api/stats");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("longer than"), r.body());
        assertTrue(ms < 4_000, "answered after the timeout, not after the engine: " + ms + " ms");
    }

    @Test
    void staticFilesCannotEscapeTheirFolder() throws Exception {
        String index = http.raw("/", "127.0.0.1:" + http.port);
        assertTrue(index.startsWith("HTTP/1.1 200"), index.lines().findFirst().orElse(""));
        assertTrue(index.contains("NarrativeWatch"));
        // Outside /web on the classpath: the API description, the starter events, class files; on disk: the pom.
        List<String> attempts = new ArrayList<>();
        for (String target : List.of("org/narrativewatch/server/openapi.json", "org/narrativewatch/server/starter-events.csv",
                "org/narrativewatch/server/DashboardServer.class", "../pom.xml", "../../pom.xml")) {
            attempts.add("/../" + target);
            attempts.add("/%2e%2e/" + target);
            attempts.add("/%2E%2E%2F" + target.replace("/", "%2F"));
            attempts.add("/..%2f" + target);
            attempts.add("/vendor/../../" + target);
            attempts.add("/vendor/%2e%2e/%2e%2e/" + target);
            attempts.add("/..\\" + target);
            attempts.add("/.%2e/" + target);
        }
        for (String a : attempts) {
            String resp = http.raw(a, "127.0.0.1:" + http.port);
            String status = resp.lines().findFirst().orElse("");
            assertFalse(status.contains(" 200"), a + " answered " + status);
            assertFalse(resp.contains("\"openapi\"") || resp.contains("Crimea") || resp.contains("<modelVersion>")
                    || resp.contains("\u00ca\u00fe\u00ba\u00be"), a + " leaked a file");
        }
    }

    @Test
    void foreignHostHeadersAreRefusedOnLoopback() throws Exception {
        assertTrue(http.raw("/api/stats", "evil.example:" + http.port).startsWith("HTTP/1.1 403"));
        assertTrue(http.raw("/api/stats", "localhost:" + http.port).startsWith("HTTP/1.1 200"));
        assertTrue(DashboardServer.loopbackHost("[::1]:7070"));
        assertTrue(DashboardServer.loopbackHost("127.0.0.1"));
        assertFalse(DashboardServer.loopbackHost("127.0.0.1.evil.example"));
        assertFalse(DashboardServer.loopbackHost("localhost.evil.example:80"));
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = http.get("/");
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        HttpResponse<String> js = http.get("/vendor/uPlot.esm.js");
        assertEquals(200, js.statusCode(), "uPlot is bundled into the jar");
        assertTrue(js.body().contains("export"));
    }

    @Test
    void corpusEndpointsAndErrors() throws Exception {
        JsonNode stats = Views.MAPPER.readTree(http.get("/api/stats").body());
        assertEquals(3, stats.path("articles").asLong());
        assertEquals("2022-01-01", stats.path("from").asText());
        JsonNode outlets = Views.MAPPER.readTree(http.get("/api/outlets").body()).path("outlets");
        assertEquals("a.example", outlets.get(0).path("outlet").asText(), "sorted by name");
        JsonNode groups = Views.MAPPER.readTree(http.get("/api/groups").body());
        assertEquals("state", groups.path("groups").get(0).path("group").asText());
        assertEquals(1, groups.path("ungrouped_outlets").asInt());
        HttpResponse<String> missing = http.get("/api/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("openapi.json"));
        HttpResponse<String> noQ = http.get("/api/timeline");
        assertEquals(400, noQ.statusCode());
        assertTrue(noQ.body().contains("parameter q"), noQ.body());
        HttpResponse<String> badDate = http.get("/api/search?q=x&from=2022-13-01");
        assertEquals(400, badDate.statusCode());
        HttpResponse<String> tooMany = http.get("/api/timelines?q=a&q=b&q=c&q=d&q=e&q=f&q=g");
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("at most 6"), tooMany.body());
    }

    private static String openapiPath(String javalinPath) {
        return javalinPath.replaceAll("<([^>]+)>", "{$1}");
    }
}
