package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.index.Engine;

/**
 * The API side of the dashboard's issue 16 on the fixture corpus: unknown parameters refused with the known ones,
 * messages in the API's words without server paths, a map date before the first snapshot said as such.
 */
class DashboardAnalystApiTest {

    static Path dir;
    static Engine engine;
    static DashboardServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("nwatch-analyst-api-test");
        engine = FixtureCorpus.build(dir.resolve("index"));
        ServerOptions opts = ServerOptions.defaults(dir.resolve("events.csv")).withPort(0).withQueryTimeout(Duration.ofSeconds(20));
        server = new DashboardServer(engine, opts, new AccessToken("api-test-token-0123456789", "test", false),
                EventStore.open(dir.resolve("events.csv")), null)
                .withTerritory(MapFixture.geo(dir.resolve("geo")))
                .start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    static JsonNode error(String path, int status) throws Exception {
        HttpResponse<String> r = http.get(path);
        assertEquals(status, r.statusCode(), path + " -> " + r.body());
        return Views.MAPPER.readTree(r.body());
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
        assertEquals(200, http.get("/api/search?q=" + Http.enc("переговоры") + "&from=2022-02-14&to=2022-02-20&limit=5&order=relevance").statusCode());
        assertEquals(200, http.get("/api/breakdown?q=*&by=week&unit=stories&facet=group&top=6&outlet=state.example").statusCode());
    }

    @Test
    void messagesNameParametersNotFlags() throws Exception {
        JsonNode e = error("/api/timeline?q=*&from=2022-03-01&to=2022-02-01", 400);
        assertEquals("to=2022-02-01 is before from=2022-03-01", e.path("error").asText());
        assertFalse(e.path("error").asText().contains("--"));
    }

    @Test
    void aMapDateBeforeTheFirstSnapshotIsSaidWithoutServerPaths() throws Exception {
        JsonNode e = error("/api/territory/control?date=2024-06-01", 400);
        assertEquals("no snapshot on or before 2024-06-01; the first is " + MapFixture.FIRST, e.path("error").asText());
        JsonNode s = Views.MAPPER.readTree(http.send("POST", "/api/territory/scenario?date=2020-01-01", "application/yaml",
                "name: x\nsteps:\n  - to: russia\n    regions: [West Oblast]\n", null).body());
        assertTrue(s.path("error").asText().startsWith("no snapshot on or before 2020-01-01"), s.toString());
        assertFalse(s.path("error").asText().contains(dir.toString()));
    }
}
