package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.narrativewatch.UserException;
import org.narrativewatch.territory.GeoJson;
import org.narrativewatch.territory.Region;
import org.narrativewatch.territory.Scenario;
import org.narrativewatch.territory.ScenarioResult;
import org.narrativewatch.territory.Territory;
import org.narrativewatch.territory.TerritoryMap;
import org.narrativewatch.territory.TerritoryFormat;

/**
 * The map tab's data: region outlines, a date's control layers and figures, a scenario's overlay and table, all
 * from the territory package's public calls. Every call into {@link Territory} is made holding the
 * {@link TerritoryMap}'s lock, which that class already takes: its projection keeps per-call state.
 */
final class TerritoryLayers {
    /** Region outlines are drawn at a few hundred pixels: 500 m keeps their shape and cuts the payload. */
    private static final double OUTLINE_TOLERANCE_M = 500;
    private static final int CACHED_STATS = 32;

    private final Territory territory;
    private final TerritoryMap map;
    private final ObjectNode regions;
    private final Map<LocalDate, ObjectNode> stats = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, ObjectNode> eldest) {
            return size() > CACHED_STATS;
        }
    };

    TerritoryLayers(Territory territory) {
        this.territory = territory;
        this.map = new TerritoryMap(territory);
        synchronized (map) {
            this.regions = outlines(territory);
        }
    }

    /** Loads a folder laid out as ../shared/data/geo (user errors name the file). */
    static TerritoryLayers load(Path geoDir) {
        return new TerritoryLayers(Territory.load(geoDir));
    }

    private static ObjectNode outlines(Territory t) {
        ObjectNode fc = Views.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Region r : t.regions()) {
            Geometry simple = TopologyPreservingSimplifier.simplify(r.area(), OUTLINE_TOLERANCE_M);
            ObjectNode p = Views.MAPPER.createObjectNode();
            p.put("kind", "region");
            p.put("name", r.name());
            p.put("iso", r.iso());
            p.put("area_km2", Math.round(r.areaKm2() * 10) / 10.0);
            features.add(GeoJson.feature(t.projection().toLonLat(simple), p));
        }
        fc.put("simplified_m", OUTLINE_TOLERANCE_M);
        return fc;
    }

    List<LocalDate> dates() {
        return map.dates();
    }

    ObjectNode regions() {
        return regions;
    }

    /** The control layers of {@code date} (or the latest snapshot before it), with that date's figures under "stats". */
    ObjectNode control(LocalDate date, boolean withStats) {
        requireSnapshot(date);
        ObjectNode fc = map.control(date);
        if (withStats) {
            fc.set("stats", stats(date));
        }
        return fc;
    }

    private ObjectNode stats(LocalDate date) {
        synchronized (map) {
            ObjectNode s = stats.get(date);
            if (s == null) {
                s = TerritoryFormat.stats(territory.stats(date, Territory.DEFAULT_BANDS_KM), territory);
                stats.put(date, s);
            }
            return s.deepCopy();
        }
    }

    /** A scenario given as YAML or JSON text: its table (as {@code nwatch territory scenario --format json}) and overlay. */
    /** A date before the first snapshot has no map: said as such (not the first snapshot's map shown for it). */
    private void requireSnapshot(LocalDate date) {
        List<LocalDate> dates = dates();
        if (!dates.isEmpty() && date.isBefore(dates.get(0))) {
            throw new UserException("no snapshot on or before " + date + "; the first is " + dates.get(0));
        }
    }

    ObjectNode scenario(String text, LocalDate date) {
        requireSnapshot(date);
        JsonNode root;
        try {
            // SnakeYAML caps alias expansion by default, so a small body cannot expand into a huge tree
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UserException("scenario body: not YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new UserException("scenario body: a scenario is an object with 'name' and 'steps'");
        }
        Scenario scenario = Scenario.parse(root, "scenario");
        ObjectNode out = Views.MAPPER.createObjectNode();
        synchronized (map) {
            ScenarioResult r = territory.scenario(scenario, date);
            out.set("result", TerritoryFormat.scenario(r));
            out.set("geojson", TerritoryFormat.scenarioGeoJson(r, territory.projection()));
        }
        return out;
    }
}
