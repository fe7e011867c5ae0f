package org.narrativewatch.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.narrativewatch.UserException;

/**
 * A proposed division of Ukraine's land, as steps applied in order to the control map of a date:
 * <ul>
 * <li>{@code {to: russia|ukraine, regions: [Donetsk Oblast, UA-09, ...]}} hands whole regions to one side;</li>
 * <li>{@code {to: russia|ukraine, polygon: [[lon, lat], ...]}} (or {@code polygons: [...]}) hands an area;</li>
 * <li>{@code {line: [[lon, lat], ...], russia_side: [lon, lat], within: [regions]}} redraws the map along a polyline
 *     whose ends lie beyond the border or coast of the area it divides (the listed regions, or all of Ukraine when
 *     {@code within} is absent): there, the land on the side of {@code russia_side} goes to Russia, the rest to
 *     Ukraine; land outside {@code within} keeps its side.</li>
 * </ul>
 * Read from YAML or JSON (by extension; YAML is a superset of JSON, so either parses).
 */
public record Scenario(String name, String description, List<Step> steps) {
    public Scenario {
        steps = List.copyOf(steps);
    }

    /** Which side a step hands land to. */
    public enum Side { RUSSIA, UKRAINE }

    /** One step of a scenario; {@code where} names it in errors ("file: steps[2]"). */
    public sealed interface Step permits RegionStep, AreaStep, LineStep {
        String where();
    }

    public record RegionStep(String where, Side to, List<String> regions) implements Step {}

    /** {@code area} in lon/lat. */
    public record AreaStep(String where, Side to, Geometry area) implements Step {}

    /** {@code line} and {@code russiaSide} in lon/lat. */
    public record LineStep(String where, LineString line, Point russiaSide, List<String> within) implements Step {}

    public static Scenario read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.newBufferedReader(file));
        } catch (IOException e) {
            throw new UserException(file + ": cannot read scenario: " + e.getMessage().split("\n")[0], e);
        }
        if (root == null || !root.isObject()) {
            throw new UserException(file + ": a scenario is an object with 'name' and 'steps'");
        }
        return parse(root, file.toString());
    }

    public static Scenario parse(JsonNode root, String where) {
        JsonNode steps = root.path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            throw new UserException(where + ": 'steps' must be a non-empty list");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(step(steps.get(i), where + ": steps[" + i + "]"));
        }
        return new Scenario(root.path("name").asText(where), root.path("description").asText(""), out);
    }

    private static Step step(JsonNode s, String where) {
        int kinds = (s.has("regions") ? 1 : 0) + (s.has("polygon") || s.has("polygons") ? 1 : 0) + (s.has("line") ? 1 : 0);
        if (kinds != 1) {
            throw new UserException(where + ": a step has exactly one of 'regions', 'polygon'/'polygons', 'line'");
        }
        if (s.has("line")) {
            if (s.has("to")) {
                throw new UserException(where + ": a 'line' step redraws both sides; give 'russia_side', not 'to'");
            }
            if (!s.has("russia_side")) {
                throw new UserException(where + ": a 'line' step needs 'russia_side': [lon, lat], a point on Russia's side");
            }
            LineString line = GeoJson.factory().createLineString(GeoJson.coordinates(s.get("line"), where + ".line"));
            if (line.getNumPoints() < 2) {
                throw new UserException(where + ".line: needs at least 2 points");
            }
            Point side = GeoJson.factory().createPoint(GeoJson.coordinate(s.get("russia_side"), where + ".russia_side"));
            List<String> within = new ArrayList<>();
            s.path("within").forEach(n -> within.add(n.asText()));
            return new LineStep(where, line, side, within);
        }
        if (s.has("within") || s.has("russia_side")) {
            throw new UserException(where + ": 'within' and 'russia_side' belong to 'line' steps");
        }
        Side to = side(s.path("to"), where);
        if (s.has("regions")) {
            List<String> names = new ArrayList<>();
            JsonNode r = s.get("regions");
            if (!r.isArray() || r.isEmpty()) {
                throw new UserException(where + ".regions: must be a non-empty list of region names or ISO codes");
            }
            r.forEach(n -> names.add(n.asText()));
            return new RegionStep(where, to, names);
        }
        List<Geometry> polygons = new ArrayList<>();
        if (s.has("polygon")) {
            polygons.add(GeoJson.polygon(ringsOf(s.get("polygon")), where + ".polygon"));
        } else {
            JsonNode ps = s.get("polygons");
            for (int i = 0; i < ps.size(); i++) {
                polygons.add(GeoJson.polygon(ringsOf(ps.get(i)), where + ".polygons[" + i + "]"));
            }
        }
        Geometry area = org.locationtech.jts.operation.union.UnaryUnionOp.union(polygons);
        if (!area.isValid()) {
            throw new UserException(where + ": the polygon is not valid (self-intersecting?)");
        }
        return new AreaStep(where, to, area);
    }

    /** Accepts a ring ([[lon, lat], ...]) or GeoJSON polygon rings ([[[lon, lat], ...], ...]). */
    private static JsonNode ringsOf(JsonNode n) {
        if (n.isArray() && n.size() > 0 && n.get(0).isArray() && n.get(0).size() > 0 && n.get(0).get(0).isNumber()) {
            var wrapped = GeoJson.JSON.createArrayNode();
            wrapped.add(n);
            return wrapped;
        }
        return n;
    }

    private static Side side(JsonNode to, String where) {
        String v = to.asText("").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "russia", "ru" -> Side.RUSSIA;
            case "ukraine", "ua" -> Side.UKRAINE;
            default -> throw new UserException(where + ".to: must be 'russia' or 'ukraine', got '" + to.asText("") + "'");
        };
    }
}
