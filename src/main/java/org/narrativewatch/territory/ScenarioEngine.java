package org.narrativewatch.territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.narrativewatch.UserException;

/** Applies a {@link Scenario}'s steps to a control map and counts what changes sides. */
final class ScenarioEngine {
    private final Territory territory;

    ScenarioEngine(Territory territory) {
        this.territory = territory;
    }

    ScenarioResult apply(Scenario scenario, LocalDate requested, LocalDate used, Geometry occupiedPlane) {
        Geometry land = territory.land();
        Geometry now = OverlayNGRobust.overlay(occupiedPlane, land, OverlayNG.INTERSECTION);
        Geometry proposed = now;
        List<Geometry> drawn = new ArrayList<>();
        for (Scenario.Step step : scenario.steps()) {
            if (step instanceof Scenario.RegionStep r) {
                proposed = hand(proposed, r.to(), regions(r.regions(), r.where() + ".regions"));
            } else if (step instanceof Scenario.AreaStep a) {
                Geometry area = territory.projection().toPlane(a.area());
                proposed = hand(proposed, a.to(), OverlayNGRobust.overlay(area, land, OverlayNG.INTERSECTION));
            } else {
                Scenario.LineStep l = (Scenario.LineStep) step;
                drawn.add(territory.projection().toPlane(l.line()));
                Geometry scope = l.within().isEmpty() ? land : regions(l.within(), l.where() + ".within");
                Geometry outside = OverlayNGRobust.overlay(proposed, scope, OverlayNG.DIFFERENCE);
                proposed = OverlayNGRobust.overlay(outside, russianSide(l, scope), OverlayNG.UNION);
            }
        }
        Geometry toRussia = OverlayNGRobust.overlay(proposed, now, OverlayNG.DIFFERENCE);
        Geometry toUkraine = OverlayNGRobust.overlay(now, proposed, OverlayNG.DIFFERENCE);
        PreparedGeometry nowP = PreparedGeometryFactory.prepare(occupiedPlane);
        PreparedGeometry proposedP = PreparedGeometryFactory.prepare(proposed);
        PreparedGeometry landP = PreparedGeometryFactory.prepare(land);
        Map<String, long[]> people = new LinkedHashMap<>();
        for (Settlement s : territory.settlements()) {
            // Same rule as Territory.stats: a place on the boundary of an area belongs to it.
            // A place off the land layer (on a spit or shore the coarse coastline misses) keeps its side.
            boolean before = nowP.covers(s.at());
            boolean after = landP.covers(s.at()) ? proposedP.covers(s.at()) : before;
            if (before != after) {
                people.computeIfAbsent(s.region(), k -> new long[2])[after ? 0 : 1] += s.population();
            }
        }
        List<ScenarioResult.Row> rows = new ArrayList<>();
        double[] sums = new double[4];
        long[] pop = new long[2];
        for (Region r : territory.regions()) {
            double toR = area(r.area(), toRussia);
            double toU = area(r.area(), toUkraine);
            double before = area(r.area(), now);
            double after = area(r.area(), proposed);
            long[] p = people.getOrDefault(r.name(), new long[2]);
            if (toR > 0.005 || toU > 0.005 || p[0] > 0 || p[1] > 0) {
                rows.add(new ScenarioResult.Row(r.name(), toR, toU, p[0], p[1], before, after));
            }
            sums[0] += toR;
            sums[1] += toU;
            sums[2] += before;
            sums[3] += after;
            pop[0] += p[0];
            pop[1] += p[1];
        }
        ScenarioResult.Row total = new ScenarioResult.Row("TOTAL", sums[0], sums[1], pop[0], pop[1], sums[2], sums[3]);
        return new ScenarioResult(scenario.name(), requested, used, Territory.substitutionNote(requested, used), rows,
                total, toRussia, toUkraine, proposed, land.getFactory().buildGeometry(drawn));
    }

    private static double area(Geometry region, Geometry g) {
        if (g.isEmpty() || !region.getEnvelopeInternal().intersects(g.getEnvelopeInternal())) {
            return 0;
        }
        return OverlayNGRobust.overlay(region, g, OverlayNG.INTERSECTION).getArea() / 1e6;
    }

    private static Geometry hand(Geometry russian, Scenario.Side to, Geometry area) {
        return to == Scenario.Side.RUSSIA
                ? OverlayNGRobust.overlay(russian, area, OverlayNG.UNION)
                : OverlayNGRobust.overlay(russian, area, OverlayNG.DIFFERENCE);
    }

    private Geometry regions(List<String> names, String where) {
        List<Geometry> areas = new ArrayList<>();
        for (String wanted : names) {
            Region found = find(territory.regions(), wanted, where);
            areas.add(found.area());
        }
        return UnaryUnionOp.union(areas);
    }

    /**
     * The region named {@code wanted}: by exact name (ignoring case), else by ISO code, else by a key forgiving
     * spelling ("Donetsk", "Zaporizhzhia", "Odesa", "Crimea") when exactly one region has that key.
     */
    static Region find(List<Region> regions, String wanted, String where) {
        String w = wanted.trim();
        for (Region r : regions) {
            if (r.name().equalsIgnoreCase(w)) {
                return r;
            }
        }
        for (Region r : regions) {
            if (r.iso().equalsIgnoreCase(w)) {
                return r;
            }
        }
        List<Region> byKey = regions.stream().filter(r -> key(r.name()).equals(key(w))).toList();
        if (byKey.size() == 1) {
            return byKey.get(0);
        }
        throw new UserException(where + ": " + (byKey.isEmpty() ? "unknown" : "ambiguous") + " region '" + wanted
                + "'; known: " + regions.stream().map(r -> r.name() + " (" + r.iso() + ")").sorted().toList());
    }

    /**
     * A comparison key for region names, so that "Donetsk", "Donetsk Oblast", "Zaporizhzhia" (for the data's
     * "Zaporizhia Oblast"), "Odesa" and "Crimea" all find their region.
     */
    static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT).replace("oblast", "").replace("autonomous republic of", "")
                .replaceAll("[^a-z]", "");
        return k.replace("zhzh", "zh").replace("ss", "s");
    }

    /** The land of {@code land} on the side of the line holding {@code russiaSide}: the line cuts it into pieces. */
    private Geometry russianSide(Scenario.LineStep step, Geometry land) {
        Geometry line = territory.projection().toPlane(step.line());
        Point side = (Point) territory.projection().toPlane(step.russiaSide());
        // Node the land's outline with the line, then rebuild the faces: each face is a piece of land.
        Geometry noded = OverlayNGRobust.overlay(land.getBoundary(), line, OverlayNG.UNION);
        // All faces: extractOnlyPolygonal=true would drop one of two faces sharing an edge, i.e. one side of the line.
        Polygonizer polygonizer = new Polygonizer(false);
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        java.util.Collection<Polygon> faces = polygonizer.getPolygons();
        PreparedGeometry landP = PreparedGeometryFactory.prepare(land);
        List<Geometry> pieces = new ArrayList<>();
        for (Polygon face : faces) {
            if (landP.contains(face.getInteriorPoint())) {
                pieces.add(face);
            }
        }
        long bigPieces = pieces.stream().filter(p -> p.getArea() > 1e6).count();
        long landParts = 0;
        for (int i = 0; i < land.getNumGeometries(); i++) {
            landParts += land.getGeometryN(i).getArea() > 1e6 ? 1 : 0;
        }
        if (bigPieces <= landParts) {
            throw new UserException(step.where() + ".line: the line does not divide "
                    + (step.within().isEmpty() ? "Ukraine's land" : "the land of " + step.within())
                    + "; extend both ends beyond its border or coast");
        }
        List<Geometry> russian = new ArrayList<>();
        for (Geometry piece : pieces) {
            if (piece.covers(side)) {
                russian.add(piece);
            }
        }
        if (russian.isEmpty()) {
            throw new UserException(step.where() + ".russia_side: the point is not on the land the line divides");
        }
        return UnaryUnionOp.union(russian);
    }
}
