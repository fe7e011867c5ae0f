package org.narrativewatch.territory;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Small geometries in the plane (km → metres) with known answers: two 100 km × 100 km regions side by side,
 * "West" [0,100]×[0,100] and "East" [100,200]×[0,100]; the occupied area is East's [130,200]×[0,100], so the
 * line of contact is x = 130 from y = 0 to 100.
 */
final class PlaneFixture {
    static final GeometryFactory F = new GeometryFactory();

    private PlaneFixture() {}

    static Geometry box(double x0, double y0, double x1, double y1) {
        return F.toGeometry(new Envelope(x0 * 1000, x1 * 1000, y0 * 1000, y1 * 1000));
    }

    static Point at(double xKm, double yKm) {
        return F.createPoint(new Coordinate(xKm * 1000, yKm * 1000));
    }

    static List<Region> regions() {
        return List.of(Region.of("West", "W", box(0, 0, 100, 100)), Region.of("East", "E", box(100, 0, 200, 100)));
    }

    static Geometry occupied() {
        return box(130, 0, 200, 100);
    }

    static List<Settlement> places() {
        return List.of(
                new Settlement("OnTheLine", "East", 1000, at(130, 50)),
                new Settlement("FiveWest", "East", 200, at(125, 50)),
                new Settlement("SevenEast", "East", 30, at(137, 50)),
                new Settlement("FarWest", "West", 5, at(60, 50)),
                new Settlement("DeepEast", "East", 4000, at(190, 50)));
    }

    static Territory territory(double toleranceM, double minControlledKm2) {
        return new Territory(regions(), places(), null, toleranceM, minControlledKm2);
    }
}
