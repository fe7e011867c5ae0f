package org.narrativewatch.territory;

import org.locationtech.jts.geom.Geometry;

/** A first-level region clipped to land, in the plane of {@link Projection} (metres). */
public record Region(String name, String iso, Geometry area, double areaKm2) {
    public static Region of(String name, String iso, Geometry area) {
        return new Region(name, iso, area, area.getArea() / 1e6);
    }
}
