package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI contract on a small lon/lat data folder laid out like ../shared/data/geo: regions "West Oblast"
 * (30–31°E) and "East Oblast" (31–32°E), 48–49°N; the occupied area covers East east of 31.5°E.
 */
class TerritoryCommandTest {
    @TempDir
    Path data;

    private String out;
    private String err;

    static String feature(String name, String iso, double lon0, double lat0, double lon1, double lat1) {
        return "{\"type\":\"Feature\",\"properties\":{\"shapeName\":\"" + name + "\",\"shapeISO\":\"" + iso + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon0 + "," + lat0 + "],[" + lon1 + "," + lat0
                + "],[" + lon1 + "," + lat1 + "],[" + lon0 + "," + lat1 + "],[" + lon0 + "," + lat0 + "]]]}}";
    }

    @BeforeEach
    void layOut() throws IOException {
        Path regions = Files.createDirectories(data.resolve("regions"));
        Files.writeString(regions.resolve("test-ADM1.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("West Oblast", "UA-W", 30, 48, 31, 49) + "," + feature("East Oblast", "UA-E", 31, 48, 32, 49) + "]}");
        Files.writeString(regions.resolve("land.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("land", "", 29, 47, 33, 50) + "]}");
        Path settlements = Files.createDirectories(data.resolve("settlements"));
        Files.writeString(settlements.resolve("places.csv"), String.join("\n",
                "geonameid,name,lat,lon,oblast_geoboundaries,population",
                "1,Westville,48.5,30.5,West Oblast,10000",
                "2,Frontton,48.5,31.48,East Oblast,2000",
                "3,Occupiedsk,48.5,31.8,East Oblast,3000",
                "4,Unlabelled,48.5,31.9,,400", ""));
        Path occupied = Files.createDirectories(data.resolve("occupied"));
        Files.writeString(occupied.resolve("deepstatemap_data_20250101.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("", "", 31.5, 47.5, 33, 49.5) + "]}");
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void statsPrintsTheContractShape() throws IOException {
        assertEquals(0, run("territory", "stats", "--data", data.toString(), "--date", "2025-01-01", "--format", "json"), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("2025-01-01", j.path("date").asText());
        assertTrue(j.path("note").isMissingNode());
        JsonNode east = j.path("regions").get(1);
        assertEquals("East Oblast", east.path("name").asText());
        assertTrue(east.path("area_km2").asDouble() > 8100 && east.path("area_km2").asDouble() < 8300);
        // Half of East by longitude is half its area (meridians bound equal-area halves).
        assertEquals(east.path("area_km2").asDouble() / 2, east.path("occupied_km2").asDouble(), 0.2);
        assertEquals(5400, east.path("population_total").asLong()); // the unlabelled place is placed by position
        assertEquals(3400, east.path("population_occupied").asLong());
        // 31.5°E from 48°N to 49°N (~111 km) less 1.5 km at each end, where it meets the outline.
        assertEquals(108.2, j.path("contact_line_km").asDouble(), 0.5);
        assertEquals(List.of(5, 10, 20, 50), j.path("near_line").findValues("km").stream().map(JsonNode::asInt).toList());
        assertEquals(2000, j.path("near_line").get(0).path("controlled_side").asLong()); // Frontton: ~1.5 km west
        assertEquals(0, j.path("near_line").get(0).path("occupied_side").asLong());
        assertEquals(0, j.path("near_line").get(2).path("occupied_side").asLong()); // Occupiedsk: ~22 km east
        assertEquals(3400, j.path("near_line").get(3).path("occupied_side").asLong()); // and Unlabelled, ~29 km
        assertTrue(j.path("population_note").asText().contains("census-era"));
    }

    @Test
    void aMissingDateTakesTheLatestBeforeAndSaysSo() throws IOException {
        assertEquals(0, run("territory", "stats", "--data", data.toString(), "--date", "2025-03-01"), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("2025-03-01", j.path("date").asText());
        assertEquals("2025-01-01", j.path("snapshot_date").asText());
        assertTrue(j.path("note").asText().contains("latest before"));
        assertTrue(err.contains("using the latest before it, 2025-01-01"), err);
    }

    @Test
    void errorsAndUsage() {
        assertEquals(1, run("territory", "stats", "--data", data.toString(), "--date", "2024-12-31"));
        assertTrue(err.contains("no snapshot on or before 2024-12-31"), err);
        assertEquals(1, run("territory", "stats", "--data", data.resolve("nope").toString(), "--date", "2025-01-01"));
        assertTrue(err.contains("nope"), err);
        assertEquals(1, run("territory", "stats", "--data", data.toString(), "--date", "01/01/2025"));
        assertTrue(err.contains("--date"), err);
        assertEquals(2, run("territory", "stats", "--data", data.toString(), "--date", "2025-01-01", "--format", "xml"));
        assertEquals(2, run("territory"));
        assertEquals(0, run("territory", "scenario", "--help"));
        assertTrue(out.contains("--format"));
        assertEquals(0, run("territory", "series", "--help"));
        assertTrue(out.contains("--format"));
    }

    @Test
    void aBadSettlementRowIsNamed() throws IOException {
        Files.writeString(data.resolve("settlements").resolve("places.csv"),
                "name,lat,lon,population\nGood,48.5,30.5,100\nBad,48.5,thirty,100\n");
        assertEquals(1, run("territory", "stats", "--data", data.toString(), "--date", "2025-01-01"));
        assertTrue(err.contains("places.csv:3: field 'lon' is not a number: 'thirty'"), err);
    }

    @Test
    void seriesAndScenario() throws IOException {
        Files.writeString(data.resolve("occupied").resolve("deepstatemap_data_20250201.geojson"), "{\"type\":\"FeatureCollection\","
                + "\"features\":[" + feature("", "", 31.25, 47.5, 33, 49.5) + "]}");
        assertEquals(0, run("territory", "series", "--data", data.toString(), "--format", "csv"), err);
        String[] lines = out.split("\n");
        assertTrue(lines[0].startsWith("# population_note:"), lines[0]);
        assertTrue(lines[1].startsWith("date,occupied_km2,contact_line_km,population_occupied"), lines[1]);
        assertEquals(4, lines.length);
        assertTrue(lines[2].startsWith("2025-01-01,") && lines[3].startsWith("2025-02-01,"));
        assertEquals(0, run("territory", "series", "--data", data.toString(), "--every", "2", "--format", "json"), err);
        assertEquals(1, new ObjectMapper().readTree(out).path("dates").size());

        Path scenario = data.resolve("s.yaml");
        Files.writeString(scenario, "name: all east\nsteps:\n  - to: russia\n    regions: [East]\n");
        assertEquals(0, run("territory", "scenario", scenario.toString(), "--data", data.toString(), "--date", "2025-01-15",
                "--format", "json"), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals(2000, j.path("total").path("population_to_russia").asLong());
        assertEquals("2025-01-01", j.path("snapshot_date").asText());
        assertTrue(err.contains("latest before"), err);
        assertEquals(0, run("territory", "scenario", scenario.toString(), "--data", data.toString(), "--date", "2025-01-01",
                "--format", "geojson"), err);
        assertEquals("FeatureCollection", new ObjectMapper().readTree(out).path("type").asText());
        assertEquals(0, run("territory", "scenario", scenario.toString(), "--data", data.toString(), "--date", "2025-01-01",
                "--format", "table"), err);
        assertTrue(out.contains("East Oblast") && out.contains("census-era"), out);
    }

    /** Ten weekly snapshots: the occupied area's western edge at 31.5°E, then at 31.3°E from the sixth on. */
    private void tenSnapshots() throws IOException {
        Path occupied = data.resolve("occupied");
        for (int i = 0; i < 10; i++) {
            String day = java.time.LocalDate.of(2025, 1, 1).plusWeeks(i).toString().replace("-", "");
            Files.writeString(occupied.resolve("deepstatemap_data_" + day + ".geojson"), "{\"type\":\"FeatureCollection\","
                    + "\"features\":[" + feature("", "", i >= 5 ? 31.3 : 31.5, 47.5, 33, 49.5) + "]}");
        }
    }

    @Test
    void seriesWithShiftsAddsChangePointsToJsonAndCsv() throws IOException {
        tenSnapshots();
        assertEquals(0, run("territory", "series", "--data", data.toString(), "--format", "csv"), err);
        String plain = out;
        assertEquals(0, run("territory", "series", "--data", data.toString(), "--format", "csv", "--shifts"), err);
        assertTrue(out.startsWith(plain.stripTrailing() + "\n# shifts: column,model,date,"), out);
        assertTrue(out.contains("\n# shift: occupied_km2,normal-trend,2025-02-05,5,"), out);
        assertTrue(out.contains("\n# shift: near_5km_controlled_side,normal-trend,"), out);

        assertEquals(0, run("territory", "series", "--data", data.toString(), "--format", "json", "--shifts=occupied_km2"), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals(10, j.path("dates").size());
        JsonNode area = j.path("shifts").path("occupied_km2");
        assertEquals(1, j.path("shifts").size(), "only the named column");
        assertEquals("normal-trend", area.path("model").asText());
        assertEquals(1, area.path("changes").size(), area.toString());
        JsonNode c = area.path("changes").get(0);
        assertEquals("2025-02-05", c.path("date").asText());
        assertTrue(c.path("after").asDouble() > c.path("before").asDouble() + 1000, c.toString());
        assertEquals(2, c.path("before_ci").size());
        assertTrue(c.has("p") && c.has("relative_change") && !area.has("query"), c.toString());

        assertEquals(1, run("territory", "series", "--data", data.toString(), "--shifts", "area"));
        assertTrue(err.contains("no series column 'area'") && err.contains("occupied_km2"), err);
        assertEquals(1, run("territory", "series", "--data", data.toString(), "--shifts", "--shift-model", "poisson"));
        assertTrue(err.contains("--shift-model"), err);
    }
}
