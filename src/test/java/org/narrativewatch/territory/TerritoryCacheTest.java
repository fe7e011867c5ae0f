package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.SharedData;

/**
 * The territory cache and the focus rows give the numbers a fresh computation gives: the same regions, land and
 * core geometry (exactly), the same stats and focus series; a damaged entry or a changed input is computed afresh.
 */
class TerritoryCacheTest {
    @TempDir
    Path tmp;

    static <T> T withCache(String where, Supplier<T> run) {
        String before = System.getProperty("nwatch.cache");
        System.setProperty("nwatch.cache", where);
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty("nwatch.cache");
            } else {
                System.setProperty("nwatch.cache", before);
            }
        }
    }

    static void assertSameTerritory(Territory fresh, Territory other) {
        assertEquals(fresh.regions().size(), other.regions().size());
        for (int i = 0; i < fresh.regions().size(); i++) {
            Region a = fresh.regions().get(i);
            Region b = other.regions().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.iso(), b.iso());
            assertEquals(a.areaKm2(), b.areaKm2(), 0.0);
            assertTrue(a.area().equalsExact(b.area()), a.name());
        }
        assertTrue(fresh.land().equalsExact(other.land()));
        assertTrue(fresh.core().equalsExact(other.core()));
        assertEquals(fresh.settlements(), other.settlements());
    }

    private static List<Path> entries(Path cache) throws IOException {
        Path d = cache.resolve("territory");
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    @Test
    void aCachedTerritoryIsTheFreshOneAndGivesTheSameFigures() throws IOException {
        Path geo = TestGeoFolder.layOut(tmp.resolve("geo"));
        TestGeoFolder.occupied(geo, "ctl_20250101.geojson", 33.0);
        TestGeoFolder.occupied(geo, "ctl_20250102.geojson", 32.5);
        Path cache = tmp.resolve("cache");
        Territory fresh = withCache("off", () -> Territory.load(geo));
        assertEquals(List.of(), entries(cache));
        Territory cold = withCache(cache.toString(), () -> Territory.load(geo));
        assertEquals(1, entries(cache).size(), "the first load writes its entry");
        Territory warm = withCache(cache.toString(), () -> Territory.load(geo));
        assertSameTerritory(fresh, cold);
        assertSameTerritory(fresh, warm);
        LocalDate d = LocalDate.of(2025, 1, 2);
        assertEquals(fresh.stats(d, Territory.DEFAULT_BANDS_KM), warm.stats(d, Territory.DEFAULT_BANDS_KM));
        assertTrue(fresh.stats(d, Territory.DEFAULT_BANDS_KM).contactLineKm() > 0, "the core is used: a line is measured");

        // a damaged entry is computed afresh (and written again)
        Path entry = entries(cache).get(0);
        Files.write(entry, new byte[] {'N', 'W', 'T', 'C', '1', 0, 0});
        Territory repaired = withCache(cache.toString(), () -> Territory.load(geo));
        assertSameTerritory(fresh, repaired);
        assertTrue(Files.size(entry) > 100, "rewritten");

        // a changed region file is another key
        Files.writeString(geo.resolve("regions/test_land.geojson"), Files.readString(geo.resolve("regions/test_land.geojson")) + "\n");
        withCache(cache.toString(), () -> Territory.load(geo));
        assertEquals(2, entries(cache).size());
        assertNotEquals(entries(cache).get(0).getFileName(), entries(cache).get(1).getFileName());
    }

    @Test
    void focusRowsAreMeasuredOnceAndEqualAFreshSeries() throws IOException {
        Path geo = TestGeoFolder.layOut(tmp.resolve("geo"));
        for (int i = 0; i < 6; i++) {
            TestGeoFolder.occupied(geo, "ctl_2025010" + (i + 1) + ".geojson", 33.0 - 0.1 * i);
        }
        Territory t = withCache("off", () -> Territory.load(geo));
        FocusArea area = FocusArea.around(t, "Midtown", null, 30);
        LocalDate from = LocalDate.of(2025, 1, 2);
        LocalDate to = LocalDate.of(2025, 1, 5);
        FocusSeries.Rows rows = new FocusSeries.Rows(t, area);
        TerritorySeries partOfIt = FocusSeries.series(t, rows, LocalDate.of(2025, 1, 3), to, 1, false);
        TerritorySeries viaRows = FocusSeries.series(t, rows, from, to, 1, true);
        TerritorySeries fresh = FocusSeries.series(t, area, from, to, 1, true);
        assertEquals(fresh.dates(), viaRows.dates());
        for (String col : FocusSeries.COLUMNS) {
            assertArrayEquals(fresh.column(col), viaRows.column(col), 0.0, col);
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(fresh.column("occupied_km2"), 1, 4), partOfIt.column("occupied_km2"), 0.0);
        assertTrue(fresh.column("occupied_km2")[3] > fresh.column("occupied_km2")[0], "the line moves west into the area");
        // two areas sharing kept snapshots (a capacity below the window: the oldest are read again)
        PlaneSnapshots planes = new PlaneSnapshots(t, 3);
        FocusArea west = FocusArea.around(t, "Westtown", null, 150);
        TerritorySeries shared = FocusSeries.series(t, new FocusSeries.Rows(t, area, planes), from, to, 1, true);
        TerritorySeries sharedWest = FocusSeries.series(t, new FocusSeries.Rows(t, west, planes), from, to, 1, false);
        TerritorySeries freshWest = FocusSeries.series(t, west, from, to, 1, false);
        for (String col : FocusSeries.COLUMNS) {
            assertArrayEquals(fresh.column(col), shared.column(col), 0.0, col);
        }
        assertArrayEquals(freshWest.column("occupied_km2"), sharedWest.column("occupied_km2"), 0.0);
        assertTrue(planes.get(to).equalsExact(t.projection().toPlane(t.snapshots().load(to))));
        TerritorySeries oneDay = FocusSeries.at(t, rows, LocalDate.of(2025, 1, 4), false);
        assertEquals(fresh.column("occupied_km2")[2], oneDay.column("occupied_km2")[0], 0.0);
        assertEquals(FocusSeries.at(t, area, LocalDate.of(2025, 1, 4), false).column("population_occupied")[0],
                oneDay.column("population_occupied")[0], 0.0);
    }

    /** On ../shared/data/geo (skipped when absent): the cached load gives the same stats and Pokrovsk series. */
    @Test
    void onTheSharedDataTheCachedLoadGivesTheSameFigures() {
        Path geo = SharedData.require("data/geo/occupied").getParent();
        String cache = tmp.resolve("cache").toString();
        Territory fresh = withCache("off", () -> Territory.load(geo));
        withCache(cache, () -> Territory.load(geo));
        Territory warm = withCache(cache, () -> Territory.load(geo));
        assertSameTerritory(fresh, warm);
        LocalDate d = LocalDate.of(2025, 8, 15);
        assertEquals(fresh.stats(d, Territory.DEFAULT_BANDS_KM), warm.stats(d, Territory.DEFAULT_BANDS_KM));
        LocalDate from = LocalDate.of(2025, 8, 5);
        LocalDate to = LocalDate.of(2025, 8, 15);
        TerritorySeries a = FocusSeries.series(fresh, FocusArea.around(fresh, "Pokrovsk", null, 30), from, to, 1, false);
        TerritorySeries b = FocusSeries.series(warm, new FocusSeries.Rows(warm, FocusArea.around(warm, "Pokrovsk", null, 30)),
                from, to, 1, false);
        assertEquals(a.dates(), b.dates());
        for (String col : List.of("occupied_km2", "occupied_share", "population_occupied")) {
            assertArrayEquals(a.column(col), b.column(col), 0.0, col);
        }
    }
}
