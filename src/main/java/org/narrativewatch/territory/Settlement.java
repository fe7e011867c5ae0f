package org.narrativewatch.territory;

import org.locationtech.jts.geom.Point;

/**
 * A populated place: its census-era population (not adjusted for displacement), its region and its position
 * in the plane of {@link Projection}.
 */
public record Settlement(String name, String region, long population, Point at) {}
