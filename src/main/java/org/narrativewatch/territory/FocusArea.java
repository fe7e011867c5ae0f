package org.narrativewatch.territory;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.narrativewatch.UserException;

/**
 * A part of Ukraine's land to follow closely: a circle of R km around a listed place ("the Pokrovsk sector") or a
 * polygon (lon/lat, inline or a GeoJSON file). Held in the plane of {@link Projection}, clipped to land; measured
 * with the same occupied area, places and line of contact as {@link Territory} (see {@link FocusSeries}).
 *
 * @param name        what it is called in outputs ("30 km around Pokrovsk (Donetsk Oblast)")
 * @param area        the land it covers, in the plane
 * @param centre      the place it is centred on, or null for a polygon
 */
public record FocusArea(String name, Geometry area, Settlement centre) {

    public double areaKm2() {
        return area.getArea() / 1e6;
    }

    /**
     * The land within {@code radiusKm} of the listed place named {@code place} (case-insensitive; a place name held by
     * several places needs {@code region} to choose, and the error lists them).
     */
    public static FocusArea around(Territory t, String place, String region, double radiusKm) {
        if (!(radiusKm > 0 && radiusKm <= 500)) {
            throw new UserException("radius_km must be in (0, 500], not " + radiusKm);
        }
        Settlement s = place(t, place, region);
        Geometry circle = s.at().buffer(radiusKm * 1000, 64);
        Geometry onLand = OverlayNGRobust.overlay(circle, t.land(), OverlayNG.INTERSECTION);
        String name = String.format(Locale.ROOT, "%s km around %s (%s)", trim(radiusKm), s.name(), s.region());
        return new FocusArea(name, onLand, s);
    }

    /** The land inside a polygon given in lon/lat. */
    public static FocusArea polygon(Territory t, String name, Geometry lonLat) {
        Geometry g = lonLat.isValid() ? lonLat : GeometryFixer.fix(lonLat);
        Geometry plane = t.projection().toPlane(g);
        Geometry onLand = OverlayNGRobust.overlay(plane, t.land(), OverlayNG.INTERSECTION);
        if (onLand.isEmpty()) {
            throw new UserException("the polygon '" + name + "' covers no land of Ukraine (is it [lon, lat]?)");
        }
        return new FocusArea(name, onLand, null);
    }

    /** The union of the (multi)polygons of a GeoJSON file (FeatureCollection, Feature or geometry). */
    public static FocusArea geojson(Territory t, Path file) {
        List<GeoJson.Feature> fs;
        try (InputStream in = Files.newInputStream(file)) {
            fs = GeoJson.readFeatures(in, file.toString());
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Geometry> polys = new ArrayList<>();
        for (GeoJson.Feature f : fs) {
            if (f.geometry().getDimension() == 2) {
                polys.add(f.geometry());
            }
        }
        if (polys.isEmpty()) {
            throw new UserException(file + ": no Polygon or MultiPolygon geometry");
        }
        return polygon(t, file.getFileName().toString(), UnaryUnionOp.union(polys));
    }

    /** The polygon written as a ring [[lon, lat], ...] or GeoJSON polygon rings. */
    public static Geometry ring(JsonNode coordinates, String where) {
        JsonNode rings = coordinates;
        if (rings.isArray() && rings.size() > 0 && rings.get(0).isArray() && rings.get(0).size() > 0 && rings.get(0).get(0).isNumber()) {
            rings = GeoJson.JSON.createArrayNode().add(coordinates);
        }
        Geometry g = GeoJson.polygon(rings, where);
        if (!g.isValid()) {
            throw new UserException(where + ": the polygon is not valid (self-intersecting?)");
        }
        return g;
    }

    static Settlement place(Territory t, String wanted, String region) {
        String w = wanted.strip();
        List<Settlement> hits = t.settlements().stream().filter(s -> s.name().equalsIgnoreCase(w)).toList();
        if (region != null && !region.isBlank()) {
            String r = ScenarioEngine.find(t.regions(), region, "region").name();
            hits = hits.stream().filter(s -> s.region().equals(r)).toList();
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        if (hits.isEmpty()) {
            List<String> like = t.settlements().stream()
                    .filter(s -> s.name().toLowerCase(Locale.ROOT).startsWith(w.toLowerCase(Locale.ROOT).substring(0, Math.min(4, w.length()))))
                    .map(s -> s.name() + " (" + s.region() + ")").distinct().limit(8).toList();
            throw new UserException("no listed place '" + wanted + "'" + (region == null ? "" : " in " + region)
                    + (like.isEmpty() ? "" : "; similar: " + like) + " (places of 500+ people in the settlements CSV)");
        }
        throw new UserException("place '" + wanted + "' is ambiguous: " + hits.stream().map(s -> s.name() + " (" + s.region() + ")").toList()
                + "; add region: to choose");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
