package org.narrativewatch.territory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * GeoJSON layers for a map drawn in the browser (no tile server): the occupied area and the line of contact of a
 * date, and a scenario's overlay. Coordinates are lon/lat (EPSG:4326), as GeoJSON requires. Calls are serialised:
 * the projection's transforms keep per-call state and a server may call from several threads.
 */
public final class TerritoryMap {
    private static final int CACHED_DATES = 32;

    private final Territory territory;
    /** A date slider revisits dates; reading one snapshot means scanning its archive, so keep recent layers. */
    private final java.util.Map<LocalDate, ObjectNode> recent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<LocalDate, ObjectNode> eldest) {
            return size() > CACHED_DATES;
        }
    };

    public TerritoryMap(Territory territory) {
        this.territory = territory;
    }

    /** The snapshot dates a date slider can offer. */
    public java.util.List<LocalDate> dates() {
        return java.util.List.copyOf(territory.snapshots().dates());
    }

    /**
     * A FeatureCollection for {@code requested} (or the latest snapshot before it): feature "occupied" (clipped to
     * Ukraine's land) and feature "contact_line", each with the date used and its figures in properties.
     */
    public synchronized ObjectNode control(LocalDate requested) {
        ObjectNode cached = recent.get(requested);
        if (cached != null) {
            return cached.deepCopy();
        }
        ObjectNode layer = render(requested);
        recent.put(requested, layer);
        return layer.deepCopy();
    }

    private ObjectNode render(LocalDate requested) {
        Snapshots snapshots = territory.snapshots();
        LocalDate used = snapshots.resolve(requested);
        Geometry occupied = territory.projection().toPlane(snapshots.load(used));
        Geometry onLand = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(occupied, territory.land(),
                org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
        Geometry line = territory.contactLine(occupied);
        ObjectNode fc = GeoJson.JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.put("date", requested.toString());
        fc.put("snapshot_date", used.toString());
        String note = Territory.substitutionNote(requested, used);
        if (note != null) {
            fc.put("note", note);
        }
        ArrayNode features = fc.putArray("features");
        ObjectNode p = GeoJson.JSON.createObjectNode();
        p.put("kind", "occupied");
        p.put("snapshot_date", used.toString());
        p.put("area_km2", TerritoryFormat.round1(onLand.getArea() / 1e6));
        features.add(GeoJson.feature(territory.projection().toLonLat(onLand), p));
        ObjectNode l = GeoJson.JSON.createObjectNode();
        l.put("kind", "contact_line");
        l.put("snapshot_date", used.toString());
        l.put("length_km", TerritoryFormat.round1(line.getLength() / 1000));
        features.add(GeoJson.feature(territory.projection().toLonLat(line), l));
        return fc;
    }

    /** A scenario's overlay (to_russia, to_ukraine, russian_control_after) against the map of {@code requested}. */
    public synchronized ObjectNode scenario(Scenario scenario, LocalDate requested) {
        return TerritoryFormat.scenarioGeoJson(territory.scenario(scenario, requested), territory.projection());
    }
}
