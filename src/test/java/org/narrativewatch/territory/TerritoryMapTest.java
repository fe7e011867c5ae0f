package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;

/** The map layers on the real data (skipped when ../shared is absent). */
class TerritoryMapTest {
    @Test
    void controlLayerForADate() {
        Path geo = SharedData.require("data/geo/occupied").getParent();
        Territory t = Territory.load(geo);
        TerritoryMap map = new TerritoryMap(t);
        assertEquals(t.snapshots().dates().size(), map.dates().size());
        LocalDate date = LocalDate.of(2025, 8, 15);
        JsonNode fc = map.control(date);
        assertEquals("FeatureCollection", fc.path("type").asText());
        JsonNode occupied = fc.path("features").get(0);
        JsonNode line = fc.path("features").get(1);
        assertEquals("occupied", occupied.path("properties").path("kind").asText());
        assertEquals("contact_line", line.path("properties").path("kind").asText());
        DayStats stats = t.stats(date, java.util.List.of(5));
        assertEquals(stats.occupiedKm2(), occupied.path("properties").path("area_km2").asDouble(), 1.0);
        assertEquals(stats.contactLineKm(), line.path("properties").path("length_km").asDouble(), 0.1);
        assertEquals("MultiLineString", line.path("geometry").path("type").asText());
        double lon = line.path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
        assertTrue(lon > 22 && lon < 41, "lon/lat output, got " + lon);
        assertEquals(fc, map.control(date)); // served again from the cache, unchanged
        assertTrue(map.control(date.plusYears(5)).path("note").asText().contains("latest before"));
    }
}
