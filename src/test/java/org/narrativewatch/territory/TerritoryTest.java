package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.narrativewatch.UserException;

class TerritoryTest {
    private static final LocalDate D = LocalDate.of(2025, 8, 15);

    private static RegionStats region(DayStats d, String name) {
        return d.regions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void areasOfARegionSplitByTheLine() {
        DayStats d = PlaneFixture.territory(500, 100).stats(D, D, PlaneFixture.occupied(), List.of(5, 10));
        assertEquals(10_000, region(d, "West").areaKm2(), 1e-6);
        assertEquals(0, region(d, "West").occupiedKm2(), 1e-6);
        assertEquals(10_000, region(d, "East").areaKm2(), 1e-6);
        assertEquals(7_000, region(d, "East").occupiedKm2(), 1e-6);
        assertEquals(7_000, d.occupiedKm2(), 1e-6);
        assertEquals(null, d.note());
    }

    @Test
    void occupiedAreaOutsideTheLandIsNotCounted() {
        Geometry spilling = PlaneFixture.box(130, -50, 260, 150);
        DayStats d = PlaneFixture.territory(500, 100).stats(D, D, spilling, List.of(5));
        assertEquals(7_000, d.occupiedKm2(), 1e-6);
    }

    @Test
    void lineOfContactExcludesTheOutlineAndItsTolerance() {
        Territory t = PlaneFixture.territory(500, 100);
        Geometry line = t.contactLine(PlaneFixture.occupied());
        // x = 130 from y = 0.5 to 99.5 km: the outline (border, coast) and the last 0.5 km at each end do not count.
        assertEquals(99.0, line.getLength() / 1000, 1e-6);
        assertTrue(line.getEnvelopeInternal().getMinX() == 130_000 && line.getEnvelopeInternal().getMaxX() == 130_000);
        assertEquals(97.0, PlaneFixture.territory(1500, 100).contactLine(PlaneFixture.occupied()).getLength() / 1000, 1e-6);
    }

    @Test
    void aSmallHeldPocketIsNotAFrontButALargeOneIs() {
        // A 2 km × 2 km hole in the occupied area: 4 km² of land outside it, 8 km of boundary.
        Geometry withHole = OverlayNGRobust.overlay(PlaneFixture.occupied(), PlaneFixture.box(169, 49, 171, 51),
                OverlayNG.DIFFERENCE);
        assertEquals(99.0, PlaneFixture.territory(500, 100).contactLine(withHole).getLength() / 1000, 1e-6);
        assertEquals(107.0, PlaneFixture.territory(500, 1).contactLine(withHole).getLength() / 1000, 1e-6);
    }

    @Test
    void noOccupationMeansNoLine() {
        Territory t = PlaneFixture.territory(500, 100);
        DayStats d = t.stats(D, D, PlaneFixture.F.createMultiPolygon(), List.of(5));
        assertEquals(0, d.contactLineKm());
        assertEquals(0, d.nearLine().get(0).controlledSide() + d.nearLine().get(0).occupiedSide());
        // Fully occupied land: no Ukrainian-held land, no line.
        assertEquals(0, t.contactLine(PlaneFixture.box(-10, -10, 210, 110)).getLength());
    }

    @Test
    void populationBySideAndDistance() {
        DayStats d = PlaneFixture.territory(500, 100).stats(D, D, PlaneFixture.occupied(), List.of(10, 5, 50));
        RegionStats east = region(d, "East");
        assertEquals(1000 + 200 + 30 + 4000, east.populationTotal());
        // The place exactly on the line counts as occupied (the snapshot polygon is closed).
        assertEquals(1000 + 30 + 4000, east.populationOccupied());
        assertEquals(5, region(d, "West").populationTotal());
        assertEquals(0, region(d, "West").populationOccupied());
        assertEquals(List.of(5, 10, 50), d.nearLine().stream().map(NearLine::km).toList());
        NearLine five = d.nearLine().get(0);
        assertEquals(200, five.controlledSide()); // 5 km west: the band is inclusive
        assertEquals(1000, five.occupiedSide()); // on the line: distance 0
        NearLine ten = d.nearLine().get(1);
        assertEquals(200, ten.controlledSide());
        assertEquals(1030, ten.occupiedSide());
        NearLine fifty = d.nearLine().get(2);
        assertEquals(1030, fifty.occupiedSide()); // DeepEast is 60 km away, FarWest 70 km
        assertEquals(200, fifty.controlledSide());
        assertEquals(d.nearLine(), east.nearLine());
        assertEquals(0, region(d, "West").nearLine().get(2).controlledSide());
    }

    @Test
    void bandsMustBePositive() {
        assertThrows(UserException.class, () -> Territory.bands(5, 0));
        assertEquals(List.of(5, 10), Territory.bands(10, 5, 10));
    }
}
