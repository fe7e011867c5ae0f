package org.narrativewatch.territory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny territory folder laid out like ../shared/data/geo, for tests of every package: two regions side by side,
 * West Oblast [30,32]×[47,49] and East Oblast [32,34]×[47,49] (lon × lat), their land, and three places (Westtown
 * 100,000 people at 31°E, Midtown 20,000 at 32.8°E, Easttown 50,000 at 33.5°E, all at 48°N). Each test writes its
 * own occupied/ snapshots ({@link #occupied}).
 */
public final class TestGeoFolder {
    private TestGeoFolder() {}

    /** Regions, land and places under {@code dir}; occupied/ is created empty. */
    public static Path layOut(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("regions"));
        Files.createDirectories(dir.resolve("occupied"));
        Files.createDirectories(dir.resolve("settlements"));
        Files.writeString(dir.resolve("regions/test-ADM1.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + region("West Oblast", "UA-01", 30, 32) + "," + region("East Oblast", "UA-02", 32, 34) + "]}");
        Files.writeString(dir.resolve("regions/test_land.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{"
                + "\"type\":\"Feature\",\"properties\":{},\"geometry\":" + box(30, 47, 34, 49) + "}]}");
        Files.writeString(dir.resolve("settlements/places.csv"), String.join("\n",
                "name,lat,lon,population,oblast_geoboundaries",
                "Westtown,48.0,31.0,100000,West Oblast",
                "Midtown,48.0,32.8,20000,East Oblast",
                "Easttown,48.0,33.5,50000,East Oblast", ""));
        return dir;
    }

    /** A snapshot named {@code file} (e.g. "test_20250101.geojson"): occupied east of {@code lon} up to 35°E. */
    public static void occupied(Path dir, String file, double lon) throws IOException {
        Files.writeString(dir.resolve("occupied").resolve(file), box(lon, 47, 35, 49));
    }

    private static String region(String name, String iso, double lon0, double lon1) {
        return "{\"type\":\"Feature\",\"properties\":{\"shapeName\":\"" + name + "\",\"shapeISO\":\"" + iso
                + "\"},\"geometry\":" + box(lon0, 47, lon1, 49) + "}";
    }

    /** A lon/lat box as a GeoJSON Polygon. */
    public static String box(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1
                + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}";
    }
}
