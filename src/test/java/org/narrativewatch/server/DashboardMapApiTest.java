package org.narrativewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The map and poll endpoints on the constructed geo folder and poll store of {@link MapFixture}. */
class DashboardMapApiTest {

    @RegisterExtension
    static final FixtureServer fx = new FixtureServer("nwatch-map-test", "map-test-token-0123456789")
            .setup((server, dir) -> server.withTerritory(MapFixture.geo(dir.resolve("geo")))
                    .withPolls(MapFixture.polls(dir.resolve("polls.json"))));
    static DashboardServer bare;

    /** km² of a lon × lat box on the WGS84 ellipsoid, to within 0.5% at these sizes (spherical zone formula, authalic radius). */
    static double boxKm2(double lon0, double lat0, double lon1, double lat1) {
        double r = 6371.007;
        return r * r * Math.toRadians(lon1 - lon0) * (Math.sin(Math.toRadians(lat1)) - Math.sin(Math.toRadians(lat0)));
    }

    /** A second server without territory or polls, over the same engine; it closes before the extension closes the engine. */
    @BeforeAll
    static void startBare() throws Exception {
        bare = new DashboardServer(fx.engine, fx.options, new AccessToken("map-test-token-0123456789", "test", false),
                EventStore.open(fx.dir.resolve("events2.csv")), null).start();
    }

    @AfterAll
    static void stopBare() throws Exception {
        bare.close();
    }

    static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return Views.MAPPER.readTree(r.body());
    }

    static JsonNode feature(JsonNode fc, String kind) {
        for (JsonNode f : fc.path("features")) {
            if (kind.equals(f.path("properties").path("kind").asText())) {
                return f;
            }
        }
        throw new AssertionError("no feature " + kind + " in " + fc);
    }

    @Test
    void datesAndRegionOutlines() throws Exception {
        JsonNode d = json(fx.http.get("/api/territory/dates"), 200);
        assertEquals("[\"2025-01-01\",\"2025-01-10\"]", d.path("dates").toString());
        JsonNode r = json(fx.http.get("/api/territory/regions"), 200);
        assertEquals(2, r.path("features").size());
        JsonNode west = r.path("features").get(0).path("properties").path("name").asText().equals("West Oblast")
                ? r.path("features").get(0) : r.path("features").get(1);
        assertEquals(boxKm2(30, 47, 32, 49), west.path("properties").path("area_km2").asDouble(), boxKm2(30, 47, 32, 49) * 0.005);
        // outlines come back in lon/lat, not in the plane
        double lon = west.path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
        assertTrue(lon >= 29.9 && lon <= 32.1, "lon/lat, got " + lon);
    }

    @Test
    void controlLayersOfADateWithTheirFigures() throws Exception {
        JsonNode fc = json(fx.http.get("/api/territory/control?date=2025-01-10"), 200);
        assertEquals("2025-01-10", fc.path("snapshot_date").asText());
        double occupied = feature(fc, "occupied").path("properties").path("area_km2").asDouble();
        // clipped to land: [32.5, 34] × [47, 49], not the part beyond the border
        assertEquals(boxKm2(32.5, 47, 34, 49), occupied, boxKm2(32.5, 47, 34, 49) * 0.005);
        JsonNode line = feature(fc, "contact_line");
        double km = line.path("properties").path("length_km").asDouble();
        // the meridian 32.5°E across 2° of latitude (≈ 222 km), less the 1.5 km at each end where it meets the border
        assertTrue(km > 212 && km < 222, "contact line " + km + " km");
        JsonNode stats = fc.path("stats");
        assertEquals(occupied, stats.path("occupied_km2").asDouble(), 0.2);
        assertEquals(km, stats.path("contact_line_km").asDouble(), 0.2);
        assertEquals(70000, stats.path("population_occupied").asLong(), "Midtown and Easttown");
        assertTrue(stats.path("population_note").asText().contains("census"));
        assertTrue(json(fx.http.get("/api/territory/control?date=2025-01-10&stats=false"), 200).path("stats").isMissingNode());
    }

    @Test
    void aDateWithoutSnapshotTakesTheOneBeforeAndSaysSo() throws Exception {
        JsonNode fc = json(fx.http.get("/api/territory/control?date=2025-01-05"), 200);
        assertEquals("2025-01-01", fc.path("snapshot_date").asText());
        assertTrue(fc.path("note").asText().contains("2025-01-01"), fc.path("note").asText());
        assertEquals(boxKm2(33, 47, 34, 49), feature(fc, "occupied").path("properties").path("area_km2").asDouble(),
                boxKm2(33, 47, 34, 49) * 0.005);
        assertEquals(50000, fc.path("stats").path("population_occupied").asLong(), "Easttown only");
        JsonNode bad = json(fx.http.get("/api/territory/control?date=2025-13-01"), 400);
        assertTrue(bad.path("error").asText().contains("date"), bad.toString());
        JsonNode before = json(fx.http.get("/api/territory/control?date=2024-12-31"), 400);
        assertTrue(before.path("error").asText().contains("no snapshot on or before 2024-12-31"), before.toString());
    }

    @Test
    void scenarioOverlayAndTable() throws Exception {
        String yaml = "name: West to Russia\nsteps:\n  - to: russia\n    regions: [West Oblast]\n";
        JsonNode r = json(fx.http.send("POST", "/api/territory/scenario?date=2025-01-10", "application/yaml", yaml, null), 200);
        JsonNode total = r.path("result").path("total");
        assertEquals("West to Russia", r.path("result").path("scenario").asText());
        assertEquals(boxKm2(30, 47, 32, 49), total.path("to_russia_km2").asDouble(), boxKm2(30, 47, 32, 49) * 0.005);
        assertEquals(100000, total.path("population_to_russia").asLong());
        assertEquals(0, total.path("to_ukraine_km2").asDouble(), 0.1);
        JsonNode toRussia = feature(r.path("geojson"), "to_russia");
        assertEquals(total.path("to_russia_km2").asDouble(), toRussia.path("properties").path("area_km2").asDouble(), 0.1);
        // JSON works as well (YAML is a superset)
        String json = "{\"name\":\"East back\",\"steps\":[{\"to\":\"ukraine\",\"regions\":[\"UA-02\"]}]}";
        JsonNode back = json(fx.http.send("POST", "/api/territory/scenario?date=2025-01-10", "application/json", json, null), 200);
        assertEquals(boxKm2(32.5, 47, 34, 49), back.path("result").path("total").path("to_ukraine_km2").asDouble(),
                boxKm2(32.5, 47, 34, 49) * 0.005);
    }

    @Test
    void badOrOversizedScenariosAreRefusedWithTheReason() throws Exception {
        JsonNode noSteps = json(fx.http.send("POST", "/api/territory/scenario", "application/yaml", "name: x\n", null), 400);
        assertTrue(noSteps.path("error").asText().contains("steps"), noSteps.toString());
        JsonNode badSide = json(fx.http.send("POST", "/api/territory/scenario", "application/yaml",
                "steps:\n  - to: mars\n    regions: [West Oblast]\n", null), 400);
        assertTrue(badSide.path("error").asText().contains("steps[0].to"), badSide.toString());
        JsonNode notYaml = json(fx.http.send("POST", "/api/territory/scenario", "application/yaml", "steps: [unclosed", null), 400);
        assertTrue(notYaml.path("error").asText().contains("scenario body"), notYaml.toString());
        String big = "# " + "x".repeat(DashboardServer.MAX_SCENARIO_BYTES) + "\nsteps: []\n";
        assertEquals(413, fx.http.send("POST", "/api/territory/scenario", "application/yaml", big, null).statusCode());
    }

    @Test
    void withoutGeoDataTheMapEndpointsSayHowToEnableThem() throws Exception {
        Http other = new Http(bare.port());
        JsonNode e = json(other.get("/api/territory/dates"), 501);
        assertTrue(e.path("error").asText().contains("--geo"), e.toString());
        assertEquals(501, other.send("POST", "/api/territory/scenario", "application/yaml", "steps: []", null).statusCode());
    }

    @Test
    void pollSeriesWithMidpointsAndIntervals() throws Exception {
        JsonNode list = json(fx.http.get("/api/polls"), 200);
        assertEquals(1, list.path("series").size());
        JsonNode s = list.path("series").get(0);
        assertEquals(MapFixture.POLL_ID, s.path("id").asText());
        assertEquals(3, s.path("points").asInt());
        JsonNode one = json(fx.http.get("/api/polls/" + MapFixture.POLL_ID), 200);
        JsonNode pts = one.path("points");
        assertEquals(3, pts.size());
        assertEquals("2022-02-15", pts.get(0).path("date").asText(), "midpoint of 14-16 Feb");
        assertEquals("2022-03-02", pts.get(2).path("date").asText(), "midpoint of 28 Feb - 4 Mar");
        // 95% interval of 60% from n = 1600: ±1.96·√(0.6·0.4/1600) = ±2.40 points
        assertEquals(60, pts.get(0).path("percent").asDouble(), 1e-9);
        assertEquals(57.60, pts.get(0).path("lo").asDouble(), 0.01);
        assertEquals(62.40, pts.get(0).path("hi").asDouble(), 0.01);
        // 45% from n = 800: ±1.96·√(0.45·0.55/800) = ±3.45
        assertEquals(41.55, pts.get(2).path("lo").asDouble(), 0.01);
        assertEquals(48.45, pts.get(2).path("hi").asDouble(), 0.01);
        assertEquals(404, fx.http.get("/api/polls/testpoll/no-such/series").statusCode());
    }
}
