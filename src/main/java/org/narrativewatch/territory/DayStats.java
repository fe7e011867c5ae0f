package org.narrativewatch.territory;

import java.time.LocalDate;
import java.util.List;

/**
 * Territory figures for one date. {@code snapshotDate} is the snapshot used: the requested date, or the latest
 * before it ({@code note} says so then). {@code occupiedKm2} counts Ukraine's land only.
 */
public record DayStats(LocalDate date, LocalDate snapshotDate, String note, List<RegionStats> regions,
                       double occupiedKm2, long populationOccupied, double contactLineKm, List<NearLine> nearLine) {}
