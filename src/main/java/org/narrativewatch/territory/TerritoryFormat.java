package org.narrativewatch.territory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.narrativewatch.Wire;

/**
 * The wire forms of territory figures (JSON and CSV) and their text tables, written by {@code nwatch territory} and
 * by the API's map endpoints alike ({@code /api/territory/control}'s "stats" is {@link #stats}, the scenario
 * endpoint's "result" is {@link #scenario}). Every population figure goes out with
 * {@link Territory#POPULATION_NOTE} beside it (a field, or a leading {@code #} comment in CSV).
 */
public final class TerritoryFormat {
    private TerritoryFormat() {}

    /** The contract shape of {@code nwatch territory stats --format json}, plus totals, notes and method. */
    public static ObjectNode stats(DayStats d, Territory t) {
        ObjectNode o = GeoJson.JSON.createObjectNode();
        o.put("date", d.date().toString());
        o.put("snapshot_date", d.snapshotDate().toString());
        if (d.note() != null) {
            o.put("note", d.note());
        }
        ArrayNode regions = o.putArray("regions");
        for (RegionStats r : d.regions()) {
            ObjectNode n = regions.addObject();
            n.put("name", r.name());
            n.put("iso", r.iso());
            n.put("area_km2", round1(r.areaKm2()));
            n.put("occupied_km2", round1(r.occupiedKm2()));
            n.put("population_total", r.populationTotal());
            n.put("population_occupied", r.populationOccupied());
            n.put("places", r.places());
            n.put("places_occupied", r.placesOccupied());
            nearLine(n.putArray("near_line"), r.nearLine());
        }
        o.put("occupied_km2", round1(d.occupiedKm2()));
        o.put("population_occupied", d.populationOccupied());
        o.put("contact_line_km", round1(d.contactLineKm()));
        nearLine(o.putArray("near_line"), d.nearLine());
        o.put("population_note", Territory.POPULATION_NOTE);
        o.set("method", method(t));
        return o;
    }

    private static void nearLine(ArrayNode out, List<NearLine> bands) {
        for (NearLine n : bands) {
            ObjectNode b = out.addObject();
            b.put("km", n.km());
            b.put("controlled_side", n.controlledSide());
            b.put("occupied_side", n.occupiedSide());
            b.put("places_controlled_side", n.placesControlledSide());
            b.put("places_occupied_side", n.placesOccupiedSide());
        }
    }

    /** A text table of one date's figures. */
    public static String statsTable(DayStats d) {
        StringBuilder b = new StringBuilder();
        b.append("Control map of ").append(d.snapshotDate());
        if (d.note() != null) {
            b.append(" (").append(d.note()).append(')');
        }
        b.append('\n').append(String.format(Locale.ROOT, "%-32s %10s %12s %12s %12s%n", "region", "area km²",
                "occupied km²", "people", "in occupied"));
        for (RegionStats r : d.regions()) {
            b.append(String.format(Locale.ROOT, "%-32s %10.0f %12.1f %12d %12d%n", r.name(), r.areaKm2(),
                    r.occupiedKm2(), r.populationTotal(), r.populationOccupied()));
        }
        b.append(String.format(Locale.ROOT, "%-32s %10s %12.1f %12s %12d%n", "TOTAL", "", d.occupiedKm2(), "",
                d.populationOccupied()));
        b.append(String.format(Locale.ROOT, "Line of contact: %.1f km%n", d.contactLineKm()));
        for (NearLine n : d.nearLine()) {
            b.append(String.format(Locale.ROOT, "  within %3d km: %,10d people on the Ukrainian-held side, %,10d on the"
                    + " occupied side%n", n.km(), n.controlledSide(), n.occupiedSide()));
        }
        b.append("People: ").append(Territory.POPULATION_NOTE).append('\n');
        return b.toString();
    }

    static ObjectNode method(Territory t) {
        ObjectNode m = GeoJson.JSON.createObjectNode();
        m.put("projection", Projection.LAEA_UKRAINE);
        m.put("occupied", "snapshot polygon (Russian-controlled incl. Crimea and pre-2022 Donbas; grey zones not"
                + " included) clipped to each region's land");
        m.put("contact_line", "boundary between the occupied area and Ukrainian-held land pieces of at least "
                + t.minControlledKm2() + " km², farther than " + t.borderToleranceM() / 1000
                + " km from the state border and the coast");
        m.put("near_line", "places whose distance to the line is at most km; side = whether the place is in the"
                + " occupied area (a place on its boundary counts as occupied)");
        return m;
    }

    public static ObjectNode series(TerritorySeries s) {
        ObjectNode o = GeoJson.JSON.createObjectNode();
        ArrayNode dates = o.putArray("dates");
        s.dates().forEach(d -> dates.add(d.toString()));
        ObjectNode cols = o.putObject("columns");
        for (Map.Entry<String, double[]> c : s.columns().entrySet()) {
            ArrayNode a = cols.putArray(c.getKey());
            for (double v : c.getValue()) {
                a.add(round1(v));
            }
        }
        o.put("population_note", Territory.POPULATION_NOTE);
        return o;
    }

    public static String seriesCsv(TerritorySeries s) {
        StringBuilder b = new StringBuilder();
        b.append("# population_note: ").append(Territory.POPULATION_NOTE).append('\n');
        b.append("date");
        for (String name : s.columns().keySet()) {
            b.append(',').append(Wire.csvCell(name));
        }
        b.append('\n');
        List<double[]> cols = List.copyOf(s.columns().values());
        for (int i = 0; i < s.dates().size(); i++) {
            b.append(s.dates().get(i));
            for (double[] c : cols) {
                b.append(',').append(number(c[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static ObjectNode scenario(ScenarioResult r) {
        ObjectNode o = GeoJson.JSON.createObjectNode();
        o.put("scenario", r.name());
        o.put("date", r.date().toString());
        o.put("snapshot_date", r.snapshotDate().toString());
        if (r.note() != null) {
            o.put("note", r.note());
        }
        ArrayNode rows = o.putArray("regions");
        r.rows().forEach(row -> rows.add(row(row)));
        o.set("total", row(r.total()));
        o.put("population_note", Territory.POPULATION_NOTE);
        return o;
    }

    private static ObjectNode row(ScenarioResult.Row row) {
        ObjectNode n = GeoJson.JSON.createObjectNode();
        n.put("name", row.region());
        n.put("to_russia_km2", round1(row.toRussiaKm2()));
        n.put("to_ukraine_km2", round1(row.toUkraineKm2()));
        n.put("population_to_russia", row.populationToRussia());
        n.put("population_to_ukraine", row.populationToUkraine());
        n.put("occupied_now_km2", round1(row.occupiedNowKm2()));
        n.put("occupied_after_km2", round1(row.occupiedAfterKm2()));
        return n;
    }

    private static final String[] SCENARIO_COLUMNS = {"region", "to_russia_km2", "to_ukraine_km2",
        "population_to_russia", "population_to_ukraine", "occupied_now_km2", "occupied_after_km2"};

    public static String scenarioCsv(ScenarioResult r) {
        StringBuilder b = new StringBuilder();
        b.append("# scenario: ").append(r.name()).append("; control map of ").append(r.snapshotDate());
        if (r.note() != null) {
            b.append(" (").append(r.note()).append(')');
        }
        b.append('\n').append("# population_note: ").append(Territory.POPULATION_NOTE).append('\n');
        b.append(String.join(",", SCENARIO_COLUMNS)).append('\n');
        for (ScenarioResult.Row row : rowsWithTotal(r)) {
            b.append(Wire.csvCell(row.region())).append(',').append(number(row.toRussiaKm2())).append(',')
                    .append(number(row.toUkraineKm2())).append(',').append(row.populationToRussia()).append(',')
                    .append(row.populationToUkraine()).append(',').append(number(row.occupiedNowKm2())).append(',')
                    .append(number(row.occupiedAfterKm2())).append('\n');
        }
        return b.toString();
    }

    public static String scenarioTable(ScenarioResult r) {
        StringBuilder b = new StringBuilder();
        b.append("Scenario: ").append(r.name()).append(" — against the control map of ").append(r.snapshotDate()).append('\n');
        if (r.note() != null) {
            b.append("Note: ").append(r.note()).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-32s %14s %14s %14s %14s%n", "region", "km² to Russia", "km² to Ukraine",
                "people to RU", "people to UA"));
        for (ScenarioResult.Row row : rowsWithTotal(r)) {
            b.append(String.format(Locale.ROOT, "%-32s %14.1f %14.1f %14d %14d%n", row.region(), row.toRussiaKm2(),
                    row.toUkraineKm2(), row.populationToRussia(), row.populationToUkraine()));
        }
        b.append("People: ").append(Territory.POPULATION_NOTE).append('\n');
        return b.toString();
    }

    private static List<ScenarioResult.Row> rowsWithTotal(ScenarioResult r) {
        java.util.ArrayList<ScenarioResult.Row> all = new java.util.ArrayList<>(r.rows());
        all.add(r.total());
        return all;
    }

    /**
     * The scenario as a GeoJSON FeatureCollection in lon/lat: what goes to Russia, to Ukraine, Russian control after,
     * and each drawn line.
     */
    public static ObjectNode scenarioGeoJson(ScenarioResult r, Projection projection) {
        ObjectNode fc = GeoJson.JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        features.add(GeoJson.feature(projection.toLonLat(r.toRussia()),
                props("to_russia", r, r.total().toRussiaKm2(), r.total().populationToRussia())));
        features.add(GeoJson.feature(projection.toLonLat(r.toUkraine()),
                props("to_ukraine", r, r.total().toUkraineKm2(), r.total().populationToUkraine())));
        features.add(GeoJson.feature(projection.toLonLat(r.proposedRussian()),
                props("russian_control_after", r, r.total().occupiedAfterKm2(), -1)));
        for (int i = 0; i < r.drawnLines().getNumGeometries(); i++) {
            ObjectNode p = GeoJson.JSON.createObjectNode();
            p.put("kind", "drawn_line");
            p.put("scenario", r.name());
            features.add(GeoJson.feature(projection.toLonLat(r.drawnLines().getGeometryN(i)), p));
        }
        return fc;
    }

    private static ObjectNode props(String kind, ScenarioResult r, double km2, long population) {
        ObjectNode p = GeoJson.JSON.createObjectNode();
        p.put("kind", kind);
        p.put("scenario", r.name());
        p.put("snapshot_date", r.snapshotDate().toString());
        p.put("area_km2", round1(km2));
        if (population >= 0) {
            p.put("population", population);
            p.put("population_note", Territory.POPULATION_NOTE);
        }
        return p;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String number(double v) {
        double r = round1(v);
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
    }

}
