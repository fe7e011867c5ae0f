package org.narrativewatch.territory;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What a scenario changes against the control map of {@code snapshotDate}: per region the land and the census-era
 * population that would pass to Russia and back to Ukraine. Geometries are in the plane of {@link Projection};
 * {@code drawnLines} are the scenario's own lines (empty when it has none), for drawing on a map.
 */
public record ScenarioResult(String name, LocalDate date, LocalDate snapshotDate, String note, List<Row> rows,
                             Row total, Geometry toRussia, Geometry toUkraine, Geometry proposedRussian,
                             Geometry drawnLines) {

    /** One region (or the total): km² and people each way. */
    public record Row(String region, double toRussiaKm2, double toUkraineKm2, long populationToRussia,
                      long populationToUkraine, double occupiedNowKm2, double occupiedAfterKm2) {}
}
