package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.narrativewatch.UserException;

class SnapshotsTest {
    @TempDir
    Path dir;

    static String square(double lon, double lat, double size) {
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                + "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[" + lon + "," + lat + "],[" + (lon + size) + "," + lat
                + "],[" + (lon + size) + "," + (lat + size) + "],[" + lon + "," + (lat + size) + "],[" + lon + "," + lat
                + "]]]]}}]}";
    }

    static void tarGz(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
    }

    @Test
    void readsLooseFilesAndArchivesAndTakesTheLatestEarlierDate() throws IOException {
        Files.writeString(dir.resolve("deepstatemap_data_20250101.geojson"), square(30, 48, 1));
        Map<String, String> entries = new TreeMap<>();
        entries.put("data/deepstatemap_data_20250110.geojson", square(30, 48, 2));
        entries.put("data/deepstatemap_data_20250105.geojson", square(30, 48, 0.5));
        entries.put("data/README.md", "not a snapshot");
        tarGz(dir.resolve("snapshots.tar.gz"), entries);
        Snapshots s = Snapshots.open(dir);
        assertEquals(List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 10)),
                List.copyOf(s.dates()));
        assertEquals(LocalDate.of(2025, 1, 5), s.resolve(LocalDate.of(2025, 1, 9)));
        assertEquals(LocalDate.of(2025, 1, 10), s.resolve(LocalDate.of(2026, 1, 1)));
        assertEquals(4.0, s.load(LocalDate.of(2025, 1, 10)).getArea(), 1e-9);
        assertEquals(1.0, s.load(LocalDate.of(2025, 1, 1)).getArea(), 1e-9);
        UserException e = assertThrows(UserException.class, () -> s.resolve(LocalDate.of(2024, 12, 31)));
        assertTrue(e.getMessage().contains("2025-01-01"), e.getMessage());

        Map<LocalDate, Double> seen = new TreeMap<>();
        s.forEach(List.copyOf(s.dates()), (d, g) -> seen.put(d, g.getArea()));
        assertEquals(Map.of(LocalDate.of(2025, 1, 1), 1.0, LocalDate.of(2025, 1, 5), 0.25, LocalDate.of(2025, 1, 10), 4.0), seen);
    }

    @Test
    void repairsSelfTouchingPolygons() throws IOException {
        // A bow-tie ring (invalid): the repaired geometry is valid and keeps both lobes.
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[32,50],[32,48],[30,50],[30,48]]]}";
        Files.writeString(dir.resolve("x_20250101.geojson"), bowTie);
        Geometry g = Snapshots.open(dir).load(LocalDate.of(2025, 1, 1));
        assertTrue(g.isValid());
        assertEquals(2.0, g.getArea(), 1e-9);
    }

    @Test
    void namesTheFileOnBadInput() throws IOException {
        Files.writeString(dir.resolve("x_20250101.geojson"), "{\"type\":\"Polygon\",\"coordinates\":[[[30,48],[31]]]}");
        Snapshots s = Snapshots.open(dir);
        UserException e = assertThrows(UserException.class, () -> s.load(LocalDate.of(2025, 1, 1)));
        assertTrue(e.getMessage().contains("x_20250101.geojson"), e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThrows(UserException.class, () -> Snapshots.open(empty));
    }
}
