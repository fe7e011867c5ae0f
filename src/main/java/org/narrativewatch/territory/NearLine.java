package org.narrativewatch.territory;

/** Census-era population of listed places within {@code km} of the line of contact, on each side of it. */
public record NearLine(int km, long controlledSide, long occupiedSide, int placesControlledSide, int placesOccupiedSide) {}
