package org.narrativewatch.territory;

/** One region on one date: land area, occupied area, and the census-era population of its listed places. */
public record RegionStats(String name, String iso, double areaKm2, double occupiedKm2,
                         long populationTotal, long populationOccupied, int places, int placesOccupied) {}
