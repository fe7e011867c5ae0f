package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.narrativewatch.UserException;

class GeoJsonTest {
    private static List<GeoJson.Feature> read(String json) {
        return GeoJson.readFeatures(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.geojson");
    }

    @Test
    void roundTripsPolygonsWithHoles() {
        String poly = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[30,48],[32,48],[32,50],[30,50],[30,48]],"
                + "[[30.5,48.5],[31,48.5],[31,49],[30.5,49],[30.5,48.5]]],[[[33,48],[34,48],[34,49],[33,48]]]]}";
        Geometry g = read(poly).get(0).geometry();
        assertEquals(4 - 0.25 + 0.5, g.getArea(), 1e-12);
        Geometry again = GeoJson.geometry(GeoJson.toJson(g), "again");
        assertTrue(g.equalsExact(again), again.toText());
    }

    @Test
    void emptyGeometriesStayValidGeoJson() {
        var json = GeoJson.toJson(GeoJson.factory().createPolygon());
        assertEquals("Polygon", json.path("type").asText());
        assertEquals(0, json.path("coordinates").size());
        assertEquals("MultiLineString", GeoJson.toJson(GeoJson.factory().createMultiLineString()).path("type").asText());
    }

    @Test
    void badInputNamesTheFile() {
        UserException e = assertThrows(UserException.class, () -> read("{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[300,48],[30,49],[30,48]]]}"));
        assertTrue(e.getMessage().startsWith("test.geojson"), e.getMessage());
        assertTrue(e.getMessage().contains("[300,48]"), e.getMessage());
        assertThrows(UserException.class, () -> read("{\"type\":\"Circle\"}"));
        assertThrows(UserException.class, () -> read("not json"));
    }
}
