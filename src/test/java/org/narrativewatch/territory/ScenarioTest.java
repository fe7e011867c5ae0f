package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.narrativewatch.UserException;

/** Scenarios on the plane fixture (West [0,100]² km, East [100,200]×[0,100] km, occupied East [130,200]). */
class ScenarioTest {
    private static final LocalDate D = LocalDate.of(2025, 8, 15);
    private final Territory territory = PlaneFixture.territory(500, 100);

    @TempDir
    Path dir;

    /** "[lon, lat]" of a plane point given in km. */
    private String lonLat(double xKm, double yKm) {
        Coordinate c = territory.projection().toLonLat(PlaneFixture.at(xKm, yKm)).getCoordinate();
        return String.format(Locale.ROOT, "[%.10f, %.10f]", c.x, c.y);
    }

    private ScenarioResult run(String yaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return territory.scenario(Scenario.read(file), D, D, PlaneFixture.occupied());
    }

    private static ScenarioResult.Row row(ScenarioResult r, String region) {
        return r.rows().stream().filter(x -> x.region().equals(region)).findFirst().orElseThrow();
    }

    @Test
    void handingRegionsOver() throws IOException {
        ScenarioResult r = run("name: swap\nsteps:\n  - to: russia\n    regions: [West]\n  - to: ukraine\n    regions: [E]\n");
        assertEquals(10_000, r.total().toRussiaKm2(), 1e-6);
        assertEquals(7_000, r.total().toUkraineKm2(), 1e-6);
        assertEquals(5, row(r, "West").populationToRussia());
        // OnTheLine, SevenEast and DeepEast were occupied; FiveWest stays Ukrainian.
        assertEquals(1000 + 30 + 4000, row(r, "East").populationToUkraine());
        assertEquals(0, row(r, "East").populationToRussia());
        assertEquals(10_000, r.total().occupiedAfterKm2(), 1e-6);
    }

    @Test
    void aDrawnLineRedrawsBothSides() throws IOException {
        // A line at x = 70 km through West, ends beyond the outline; Russia gets the side holding (30, 50).
        ScenarioResult r = run("name: line\nsteps:\n  - line: [" + lonLat(70, -10) + ", " + lonLat(70, 50) + ", "
                + lonLat(70, 110) + "]\n    russia_side: " + lonLat(30, 50) + "\n");
        // The line is straight in lon/lat, hence very slightly curved in the plane: allow 0.1 km².
        assertEquals(7_000, r.total().toRussiaKm2(), 0.1);
        assertEquals(7_000, r.total().toUkraineKm2(), 0.1);
        assertEquals(5, row(r, "West").populationToRussia()); // FarWest at x = 60 km
        var geo = TerritoryFormat.scenarioGeoJson(r, territory.projection());
        assertEquals("drawn_line", geo.path("features").get(3).path("properties").path("kind").asText());
        assertEquals(3, geo.path("features").get(3).path("geometry").path("coordinates").size());
        assertEquals(1000 + 30 + 4000, row(r, "East").populationToUkraine());
        assertTrue(r.toRussia().getArea() > 0);
    }

    @Test
    void aLineWithinRegionsLeavesTheRestAlone() throws IOException {
        // The same kind of line, but through East at x = 150 km and only within East: Russia keeps x > 150 of East.
        ScenarioResult r = run("name: within\nsteps:\n  - line: [" + lonLat(150, -10) + ", " + lonLat(150, 110)
                + "]\n    russia_side: " + lonLat(180, 50) + "\n    within: [East]\n");
        assertEquals(0, r.total().toRussiaKm2(), 0.1);
        assertEquals(2_000, r.total().toUkraineKm2(), 0.1);
        assertEquals(1000 + 30, row(r, "East").populationToUkraine());
    }

    @Test
    void aPolygonHandsAnArea() throws IOException {
        ScenarioResult r = run("{\"name\": \"strip\", \"steps\": [{\"to\": \"russia\", \"polygon\": [" + lonLat(110, -20)
                + ", " + lonLat(130, -20) + ", " + lonLat(130, 120) + ", " + lonLat(110, 120) + "]}]}");
        assertEquals(2_000, r.total().toRussiaKm2(), 1.0);
        assertEquals(0, r.total().toUkraineKm2(), 1e-6);
        assertEquals(200, r.total().populationToRussia());
    }

    @Test
    void outputsCarryThePopulationNote() throws IOException {
        ScenarioResult r = run("name: swap\nsteps:\n  - to: russia\n    regions: [West]\n");
        assertTrue(TerritoryFormat.scenarioCsv(r).contains("# population_note:"));
        assertTrue(TerritoryFormat.scenarioTable(r).contains("census-era"));
        ObjectNode json = TerritoryFormat.scenario(r);
        assertEquals(10_000.0, json.path("total").path("to_russia_km2").asDouble());
        assertTrue(json.path("population_note").asText().contains("under 500"));
        ObjectNode geo = TerritoryFormat.scenarioGeoJson(r, territory.projection());
        assertEquals("to_russia", geo.path("features").get(0).path("properties").path("kind").asText());
        String type = geo.path("features").get(0).path("geometry").path("type").asText();
        assertTrue(type.equals("Polygon") || type.equals("MultiPolygon"), type);
        double lon = geo.path("features").get(0).path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
        assertTrue(lon > 29 && lon < 35, "GeoJSON is in lon/lat, got " + lon);
    }

    @Test
    void clearErrors() throws IOException {
        UserException unknown = assertThrows(UserException.class,
                () -> run("name: x\nsteps:\n  - to: russia\n    regions: [Narnia]\n"));
        assertTrue(unknown.getMessage().contains("steps[0].regions: unknown region 'Narnia'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("West (W)"), unknown.getMessage());
        UserException noCut = assertThrows(UserException.class, () -> run("name: x\nsteps:\n  - line: ["
                + lonLat(60, 20) + ", " + lonLat(60, 80) + "]\n    russia_side: " + lonLat(30, 50) + "\n"));
        assertTrue(noCut.getMessage().contains("does not divide"), noCut.getMessage());
        UserException side = assertThrows(UserException.class, () -> run("name: x\nsteps:\n  - to: nobody\n    regions: [West]\n"));
        assertTrue(side.getMessage().contains("steps[0].to"), side.getMessage());
        assertThrows(UserException.class, () -> run("name: x\nsteps: []\n"));
        assertThrows(UserException.class, () -> run("name: x\nsteps:\n  - to: russia\n    regions: [West]\n    line: [[1,2],[3,4]]\n"));
    }

    @Test
    void regionNamesForgiveCommonSpellingsButNotAmbiguity() {
        var box = PlaneFixture.box(0, 0, 1, 1);
        var regions = java.util.List.of(Region.of("Zaporizhia Oblast", "UA-23", box), Region.of("Odessa Oblast", "UA-51", box),
                Region.of("Autonomous Republic of Crimea", "UA-43", box), Region.of("Kyiv Oblast", "UA-32", box),
                Region.of("Kyiv", "UA-30", box), Region.of("Kharkiv Oblast", "UA-63", box));
        assertEquals("Zaporizhia Oblast", ScenarioEngine.find(regions, "Zaporizhzhia", "w").name());
        assertEquals("Odessa Oblast", ScenarioEngine.find(regions, "Odesa", "w").name());
        assertEquals("Autonomous Republic of Crimea", ScenarioEngine.find(regions, "Crimea", "w").name());
        assertEquals("Kyiv", ScenarioEngine.find(regions, "kyiv", "w").name());
        assertEquals("Kyiv Oblast", ScenarioEngine.find(regions, "UA-32", "w").name());
        assertEquals("Kharkiv Oblast", ScenarioEngine.find(regions, "Kharkiv", "w").name());
        assertThrows(UserException.class, () -> ScenarioEngine.find(regions, "Kyyiv", "w"));
    }
}
