package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.SharedData;

/** On the real data in ../shared/data/geo (skipped when absent): consistency and independent plausibility checks. */
class TerritorySharedDataTest {
    private static Territory territory;

    @BeforeAll
    static void load() {
        Path geo = SharedData.require("data/geo/occupied").getParent();
        territory = Territory.load(geo);
    }

    private static RegionStats region(DayStats d, String name) {
        return d.regions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void landAndRegions() {
        assertEquals(27, territory.regions().size());
        // Ukraine's official area is 603,628 km²; a 1:10m coastline can only approximate it.
        double km2 = territory.land().getArea() / 1e6;
        assertEquals(603_628, km2, 603_628 * 0.01, "land km² " + km2);
        double sum = territory.regions().stream().mapToDouble(Region::areaKm2).sum();
        assertEquals(km2, sum, 1.0, "regions do not overlap");
        assertEquals(2851, territory.settlements().size());
        assertTrue(territory.snapshots().dates().size() >= 700);
    }

    @Test
    void aDayInAugust2025() {
        DayStats d = territory.stats(LocalDate.of(2025, 8, 15), Territory.DEFAULT_BANDS_KM);
        assertEquals(LocalDate.of(2025, 8, 15), d.snapshotDate());
        RegionStats crimea = region(d, "Autonomous Republic of Crimea");
        assertTrue(crimea.occupiedKm2() > 0.98 * crimea.areaKm2(), crimea.toString());
        assertEquals(crimea.populationTotal(), crimea.populationOccupied());
        RegionStats luhansk = region(d, "Luhansk Oblast");
        assertTrue(luhansk.occupiedKm2() > 0.98 * luhansk.areaKm2(), luhansk.toString());
        assertEquals(0, region(d, "Lviv Oblast").occupiedKm2());
        assertEquals(0, region(d, "Kyiv").populationOccupied());
        // Published estimates put Russian-held Ukraine near 19% of its area and the front near 1,200 km.
        assertTrue(d.occupiedKm2() > 100_000 && d.occupiedKm2() < 130_000, "occupied " + d.occupiedKm2());
        assertTrue(d.contactLineKm() > 1000 && d.contactLineKm() < 1600, "line " + d.contactLineKm());
        RegionStats donetsk = region(d, "Donetsk Oblast");
        assertTrue(donetsk.occupiedKm2() > 0.5 * donetsk.areaKm2() && donetsk.occupiedKm2() < donetsk.areaKm2());
        for (int b = 1; b < d.nearLine().size(); b++) {
            assertTrue(d.nearLine().get(b).occupiedSide() >= d.nearLine().get(b - 1).occupiedSide());
            assertTrue(d.nearLine().get(b).controlledSide() >= d.nearLine().get(b - 1).controlledSide());
        }
        long byRegion = d.regions().stream().mapToLong(r -> r.nearLine().get(0).occupiedSide()).sum();
        assertEquals(d.nearLine().get(0).occupiedSide(), byRegion);
    }

    @Test
    void aDateAfterTheLastSnapshotSaysSo() {
        LocalDate last = territory.snapshots().last();
        DayStats d = territory.stats(last.plusDays(3), List.of(5));
        assertEquals(last, d.snapshotDate());
        assertTrue(d.note().contains(last.toString()));
    }

    @Test
    void seriesAgreesWithSingleDays() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        TerritorySeries s = territory.series(from, from.plusDays(9), 5, List.of(5, 10));
        assertEquals(2, s.dates().size());
        assertEquals(s.dates().get(1), s.dates().get(0).plusDays(5));
        DayStats second = territory.stats(s.dates().get(1), List.of(5, 10));
        assertEquals(second.occupiedKm2(), s.column("occupied_km2")[1], 1e-6);
        assertEquals(second.contactLineKm(), s.column("contact_line_km")[1], 1e-6);
        assertEquals(second.nearLine().get(1).occupiedSide(), s.column("near_10km_occupied_side")[1]);
    }

    @Test
    void exampleScenarioAgreesWithTheStats() {
        LocalDate date = LocalDate.of(2025, 8, 15);
        Path file = Path.of("examples/scenarios/donbas-for-kharkiv-sumy.yaml");
        ScenarioResult r = territory.scenario(Scenario.read(file), date);
        DayStats d = territory.stats(date, List.of(5));
        RegionStats donetsk = region(d, "Donetsk Oblast");
        ScenarioResult.Row row = r.rows().stream().filter(x -> x.region().equals("Donetsk Oblast")).findFirst().orElseThrow();
        assertEquals(donetsk.areaKm2() - donetsk.occupiedKm2(), row.toRussiaKm2(), 0.5);
        assertEquals(donetsk.populationTotal() - donetsk.populationOccupied(), row.populationToRussia());
        RegionStats kharkiv = region(d, "Kharkiv Oblast");
        ScenarioResult.Row kh = r.rows().stream().filter(x -> x.region().equals("Kharkiv Oblast")).findFirst().orElseThrow();
        assertEquals(kharkiv.occupiedKm2(), kh.toUkraineKm2(), 0.5);
        assertEquals(kharkiv.populationOccupied(), kh.populationToUkraine());
    }

    @Test
    void theDnieperExampleDividesTheSouth() {
        ScenarioResult r = territory.scenario(Scenario.read(Path.of("examples/scenarios/dnieper-line.yaml")),
                LocalDate.of(2025, 8, 15));
        ScenarioResult.Row zap = r.rows().stream().filter(x -> x.region().equals("Zaporizhia Oblast")).findFirst().orElseThrow();
        RegionStats z = region(territory.stats(LocalDate.of(2025, 8, 15), List.of(5)), "Zaporizhia Oblast");
        // The left bank is nearly all of the region: after the line Russia holds > 95% of it, Zaporizhzhia city included.
        assertTrue(zap.occupiedAfterKm2() > 0.95 * z.areaKm2(), zap.toString());
        assertTrue(zap.populationToRussia() > 500_000, zap.toString());
    }
}
