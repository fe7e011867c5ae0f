package org.narrativewatch.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.narrativewatch.UserException;

/**
 * GeoJSON geometry ⇄ JTS, in lon/lat (EPSG:4326). Written on Jackson because JTS's own GeoJSON reader
 * lives in the separate jts-io-common artifact, which is not among the dependencies available to this
 * build; the mapping is RFC 7946's one-to-one correspondence of geometry types, nothing more.
 */
public final class GeoJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJson() {}

    public static GeometryFactory factory() {
        return FACTORY;
    }

    /** A parsed feature: its geometry and its properties object (empty when absent). */
    public record Feature(Geometry geometry, JsonNode properties) {}

    /** Features of a FeatureCollection, a single Feature or a bare geometry; {@code where} names the source in errors. */
    public static List<Feature> readFeatures(InputStream in, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UserException(where + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new UserException(where + ": empty file");
        }
        List<Feature> out = new ArrayList<>();
        String type = root.path("type").asText("");
        switch (type) {
            case "FeatureCollection" -> {
                int i = 0;
                for (JsonNode f : root.path("features")) {
                    out.add(new Feature(geometry(f.path("geometry"), where + " features[" + i + "]"), f.path("properties")));
                    i++;
                }
            }
            case "Feature" -> out.add(new Feature(geometry(root.path("geometry"), where), root.path("properties")));
            default -> out.add(new Feature(geometry(root, where), JSON.createObjectNode()));
        }
        return out;
    }

    /** A GeoJSON geometry object as a JTS geometry. */
    public static Geometry geometry(JsonNode g, String where) {
        String type = g.path("type").asText("");
        JsonNode c = g.path("coordinates");
        switch (type) {
            case "Point":
                return FACTORY.createPoint(coordinate(c, where));
            case "LineString":
                return FACTORY.createLineString(coordinates(c, where));
            case "MultiLineString": {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = FACTORY.createLineString(coordinates(c.get(i), where));
                }
                return FACTORY.createMultiLineString(lines);
            }
            case "Polygon":
                return polygon(c, where);
            case "MultiPolygon": {
                Polygon[] polys = new Polygon[c.size()];
                for (int i = 0; i < polys.length; i++) {
                    polys[i] = polygon(c.get(i), where);
                }
                return FACTORY.createMultiPolygon(polys);
            }
            case "GeometryCollection": {
                JsonNode gs = g.path("geometries");
                Geometry[] parts = new Geometry[gs.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = geometry(gs.get(i), where);
                }
                return FACTORY.createGeometryCollection(parts);
            }
            default:
                throw new UserException(where + ": unsupported or missing geometry type '" + type + "'");
        }
    }

    static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new UserException(where + ": a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), where);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), where);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c, String where) {
        Coordinate[] cs = coordinates(c, where);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            // A user-written ring may omit the closing point; close it rather than reject.
            Coordinate[] closed = java.util.Arrays.copyOf(cs, cs.length + 1);
            closed[cs.length] = cs[0].copy();
            cs = closed;
        }
        if (cs.length < 4) {
            throw new UserException(where + ": a polygon ring needs at least 3 distinct points");
        }
        return FACTORY.createLinearRing(cs);
    }

    static Coordinate[] coordinates(JsonNode c, String where) {
        if (!c.isArray()) {
            throw new UserException(where + ": coordinates must be an array of [lon, lat] pairs");
        }
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coordinate(c.get(i), where);
        }
        return out;
    }

    static Coordinate coordinate(JsonNode p, String where) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new UserException(where + ": a position must be [lon, lat], got " + p);
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new UserException(where + ": position " + p + " is not [lon, lat] in degrees");
        }
        return new Coordinate(lon, lat);
    }

    // ---- writing ----

    /** A JTS geometry (lon/lat) as a GeoJSON geometry object; coordinates rounded to 6 decimals (~0.1 m). */
    public static ObjectNode toJson(Geometry g) {
        ObjectNode o = JSON.createObjectNode();
        boolean plainCollection = g.getClass() == org.locationtech.jts.geom.GeometryCollection.class;
        if (g.isEmpty() && !plainCollection) {
            // RFC 7946: an empty geometry keeps its type with empty coordinates.
            o.put("type", g.getGeometryType());
            o.putArray("coordinates");
            return o;
        }
        if (g instanceof Point p) {
            o.put("type", "Point");
            o.set("coordinates", position(p.getCoordinate()));
        } else if (g instanceof LineString l) {
            o.put("type", "LineString");
            o.set("coordinates", positions(l.getCoordinates()));
        } else if (g instanceof Polygon p) {
            o.put("type", "Polygon");
            o.set("coordinates", rings(p));
        } else if (g instanceof org.locationtech.jts.geom.MultiPolygon mp) {
            o.put("type", "MultiPolygon");
            ArrayNode a = o.putArray("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                a.add(rings((Polygon) mp.getGeometryN(i)));
            }
        } else if (g instanceof org.locationtech.jts.geom.MultiLineString ml) {
            o.put("type", "MultiLineString");
            ArrayNode a = o.putArray("coordinates");
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                a.add(positions(ml.getGeometryN(i).getCoordinates()));
            }
        } else if (g instanceof org.locationtech.jts.geom.MultiPoint mp) {
            o.put("type", "MultiPoint");
            o.set("coordinates", positions(mp.getCoordinates()));
        } else {
            o.put("type", "GeometryCollection");
            ArrayNode a = o.putArray("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                a.add(toJson(g.getGeometryN(i)));
            }
        }
        return o;
    }

    /** A Feature object with the given geometry and properties. */
    public static ObjectNode feature(Geometry g, ObjectNode properties) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.set("properties", properties == null ? JSON.createObjectNode() : properties);
        f.set("geometry", toJson(g));
        return f;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode a = JSON.createArrayNode();
        a.add(positions(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            a.add(positions(p.getInteriorRingN(i).getCoordinates()));
        }
        return a;
    }

    private static ArrayNode positions(Coordinate[] cs) {
        ArrayNode a = JSON.createArrayNode();
        for (Coordinate c : cs) {
            a.add(position(c));
        }
        return a;
    }

    private static ArrayNode position(Coordinate c) {
        ArrayNode a = JSON.createArrayNode();
        a.add(Math.round(c.x * 1e6) / 1e6);
        a.add(Math.round(c.y * 1e6) / 1e6);
        return a;
    }
}
