package org.narrativewatch.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The plane against closed-form WGS84 references: areas exact, lengths within the documented 0.2%. */
class ProjectionTest {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);
    private static final double E = Math.sqrt(E2);
    private static final GeometryFactory G = new GeometryFactory();
    private final Projection projection = new Projection();

    /** Area of the ellipsoid between two parallels over dLon degrees (the authalic-latitude formula). */
    private static double boxArea(double lat1, double lat2, double dLon) {
        double b2 = A * A * (1 - E2);
        return b2 / 2 * Math.toRadians(dLon) * (q(Math.toRadians(lat2)) - q(Math.toRadians(lat1)));
    }

    private static double q(double phi) {
        double s = Math.sin(phi);
        return s / (1 - E2 * s * s) + Math.log((1 + E * s) / (1 - E * s)) / (2 * E);
    }

    /** Meridian arc length between two latitudes, by Simpson's rule on the meridian radius of curvature. */
    private static double meridianArc(double lat1, double lat2) {
        int n = 1000;
        double h = Math.toRadians(lat2 - lat1) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double phi = Math.toRadians(lat1) + i * h;
            double s = Math.sin(phi);
            double m = A * (1 - E2) / Math.pow(1 - E2 * s * s, 1.5);
            sum += m * (i == 0 || i == n ? 1 : i % 2 == 0 ? 2 : 4);
        }
        return sum * h / 3;
    }

    private double planeArea(double lon0, double lat0, double lon1, double lat1) {
        Geometry box = Densifier.densify(G.toGeometry(new Envelope(lon0, lon1, lat0, lat1)), 0.01);
        return projection.toPlane(box).getArea();
    }

    private double planeDistance(double lon0, double lat0, double lon1, double lat1) {
        return projection.toPlane(G.createPoint(new Coordinate(lon0, lat0)))
                .distance(projection.toPlane(G.createPoint(new Coordinate(lon1, lat1))));
    }

    @Test
    void areasAreEqualAreaAcrossUkraine() {
        // Near the centre, in the far west (Zakarpattia), in the far east (Luhansk) and south (Crimea).
        double[][] boxes = {{31, 48, 32, 49}, {22.5, 48, 23.5, 49}, {39, 48.5, 40, 49.5}, {33.5, 44.5, 34.5, 45.5}};
        for (double[] b : boxes) {
            double expected = boxArea(b[1], b[3], b[2] - b[0]);
            double got = planeArea(b[0], b[1], b[2], b[3]);
            assertEquals(expected, got, expected * 1e-5, () -> "box " + java.util.Arrays.toString(b));
        }
    }

    @Test
    void distancesAreWithinTheStatedBound() {
        double arc = meridianArc(48, 49);
        assertEquals(arc, planeDistance(31.5, 48, 31.5, 49), arc * 1e-4); // on the central meridian
        double east = meridianArc(48.5, 49.5);
        double got = planeDistance(39.5, 48.5, 39.5, 49.5); // ~600 km east of the centre
        assertTrue(Math.abs(got - east) / east < 0.002, "relative error " + Math.abs(got - east) / east);
        double west = meridianArc(48, 48.2);
        double gotWest = planeDistance(22.2, 48, 22.2, 48.2); // ~700 km west: the farthest part of Ukraine
        assertTrue(Math.abs(gotWest - west) / west < 0.002, "relative error " + Math.abs(gotWest - west) / west);
    }

    @Test
    void roundTripsToLonLat() {
        Geometry p = G.createPoint(new Coordinate(37.8, 48.0));
        Geometry back = projection.toLonLat(projection.toPlane(p));
        assertEquals(37.8, back.getCoordinate().x, 1e-7); // 1e-7° ≈ 1 cm: proj4j inverts iteratively
        assertEquals(48.0, back.getCoordinate().y, 1e-7);
    }
}
