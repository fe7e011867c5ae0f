package org.narrativewatch.territory;

import java.util.List;

/**
 * One region on one date: land area, occupied area, the census-era population of its listed places, and how many
 * of them live near the line of contact (per distance band, by side).
 */
public record RegionStats(String name, String iso, double areaKm2, double occupiedKm2, long populationTotal,
                          long populationOccupied, int places, int placesOccupied, List<NearLine> nearLine) {
    public RegionStats {
        nearLine = List.copyOf(nearLine);
    }
}
