package org.narrativewatch.territory;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The one plane in which every area, length and distance of this package is measured: a Lambert azimuthal
 * equal-area projection on the WGS84 ellipsoid centred on Ukraine (48.5°N, 31.5°E), in metres, via proj4j.
 *
 * <p>Why this projection: areas are exact (equal-area on the ellipsoid). Lengths and distances are not, but
 * the error is small and bounded: the scale along a radius from the centre is cos(c/2) and across it 1/cos(c/2)
 * (c = angular distance from the centre), so within Ukraine (every point lies within about 800 km of the
 * centre) a length is off by at most about 0.2%, and near the line of contact (about 300–600 km from the
 * centre) by at most about 0.1%. One plane for everything keeps areas, the line and distances consistent.
 *
 * <p>proj4j's transforms keep per-call state, so an instance is not shared between threads.
 */
public final class Projection {
    /** The projection's PROJ string, stated in docs/territory.md. */
    public static final String LAEA_UKRAINE =
            "+proj=laea +lat_0=48.5 +lon_0=31.5 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs";

    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;

    public Projection() {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem lonLat = crs.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateReferenceSystem plane = crs.createFromParameters("UA-LAEA", LAEA_UKRAINE);
        CoordinateTransformFactory f = new CoordinateTransformFactory();
        forward = f.createTransform(lonLat, plane);
        inverse = f.createTransform(plane, lonLat);
    }

    /** A copy of {@code g} (lon/lat degrees) in the plane (metres). */
    public Geometry toPlane(Geometry g) {
        return apply(g, forward);
    }

    /** A copy of {@code g} (plane metres) in lon/lat degrees. */
    public Geometry toLonLat(Geometry g) {
        return apply(g, inverse);
    }

    private static Geometry apply(Geometry g, CoordinateTransform t) {
        Geometry copy = g.copy();
        ProjCoordinate src = new ProjCoordinate();
        ProjCoordinate dst = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                src.x = seq.getX(i);
                src.y = seq.getY(i);
                t.transform(src, dst);
                seq.setOrdinate(i, 0, dst.x);
                seq.setOrdinate(i, 1, dst.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
