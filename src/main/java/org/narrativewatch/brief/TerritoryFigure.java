package org.narrativewatch.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.narrativewatch.UserException;
import org.narrativewatch.shift.ShiftOptions;
import org.narrativewatch.shift.ShiftResult;
import org.narrativewatch.territory.DayStats;
import org.narrativewatch.territory.FocusArea;
import org.narrativewatch.territory.FocusSeries;
import org.narrativewatch.territory.NearLine;
import org.narrativewatch.territory.PlaneSnapshots;
import org.narrativewatch.territory.Region;
import org.narrativewatch.territory.RegionNames;
import org.narrativewatch.territory.RegionStats;
import org.narrativewatch.territory.Territory;
import org.narrativewatch.territory.TerritorySeries;
import org.narrativewatch.territory.TerritoryShifts;

/**
 * {@code territory: {figure, date | from + to, region(s), area, every}}: a figure of {@code nwatch territory stats}
 * for a date (all of Ukraine, or the sum over regions), the change between two dates with the series between them
 * and its change points ({@code territory series --shifts}), or the same inside a focus area ({@code area: {around:
 * PLACE, radius_km: R}}, {@code {polygon: [[lon, lat], ...]}} or {@code {geojson: FILE}}; {@code territory focus}).
 */
final class TerritoryFigure implements FigureKind {
    static final Set<String> KEYS = Set.of("figure", "date", "from", "to", "region", "regions", "area", "every");
    private static final Pattern NEAR = Pattern.compile("near_(\\d+)km_(occupied|controlled)_side");
    private static final List<String> WHOLE = List.of("occupied_km2", "population_occupied", "contact_line_km", "area_km2",
            "population_total", "places_occupied", "occupied_share");

    @Override
    public String name() {
        return "territory";
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public Computed compute(Keys k, BriefContext ctx) {
        String figure = k.text("figure") == null ? "occupied_km2" : k.text("figure");
        LocalDate date = k.date("date");
        LocalDate from = k.date("from");
        LocalDate to = k.date("to");
        if ((date == null) == (from == null && to == null)) {
            throw new UserException(k.at() + "territory needs date: D (one date) or from: and to: (a change and its series), not "
                    + (date == null ? "neither" : "both"));
        }
        if (date == null && (from == null || to == null)) {
            throw new UserException(k.at(from == null ? "to" : "from") + "from and to go together");
        }
        if (from != null && !to.isAfter(from)) {
            throw k.error("to", to + " is not after from " + from);
        }
        List<String> regionNames = new ArrayList<>(k.list("regions"));
        regionNames.addAll(k.list("region"));
        Keys areaKeys = k.object("area");
        Computed c = new Computed();
        Territory t = ctx.territory();
        String geo = BriefContext.sh(ctx.geo().toString());
        String stale = stale(t, date != null ? date : to);
        if (stale != null) {
            c.noData = stale;
            return c;
        }
        c.files.addAll(ctx.hashAll(ctx.geo()));
        if (areaKeys != null) {
            if (!regionNames.isEmpty()) {
                throw k.error("region", "a focus area and regions do not go together (the area is already a part of the map)");
            }
            return focus(k, areaKeys, figure, date, from, to, t, ctx, c, geo);
        }
        List<Region> regions = new ArrayList<>();
        for (String r : regionNames) {
            regions.add(RegionNames.find(t.regions(), r, k.at(k.has("regions") ? "regions" : "region").replaceFirst(": $", "")));
        }
        Matcher near = NEAR.matcher(figure);
        if (!WHOLE.contains(figure) && !near.matches()) {
            throw k.error("figure", "unknown figure '" + figure + "' (one of " + WHOLE + " or near_<N>km_occupied_side / near_<N>km_controlled_side)");
        }
        // the default bands plus the one asked for: every figure of a date then shares one computation
        List<Integer> bands = new ArrayList<>(Territory.DEFAULT_BANDS_KM);
        if (near.matches() && !bands.contains(Integer.parseInt(near.group(1)))) {
            bands.add(Integer.parseInt(near.group(1)));
            bands.sort(null);
        }
        String unit = figure.startsWith("population") || near.matches() ? "people" : figure.equals("occupied_share") ? Computed.SHARE : figure;
        if (figure.startsWith("population") || near.matches()) {
            c.notes.add("People: " + Territory.POPULATION_NOTE);
        }
        String regionArgs = regions.isEmpty() ? "all of Ukraine" : regions.stream().map(Region::name).toList().toString();
        c.field("regions", regionArgs).field("figure", figure);
        if (date != null) {
            LocalDate used = t.snapshots().resolve(date);
            DayStats d = ctx.cached("stats|" + date + "|" + bands, () -> t.stats(date, used, occupied(ctx, t, used), bands));
            double v = value(d, figure, regions, k);
            c.value(v, unit(unit)).field("date", date.toString()).field("snapshot_date", d.snapshotDate().toString());
            if (d.note() != null) {
                c.notes.add(d.note());
            }
            c.commands.add("nwatch territory stats --data " + geo + " --date " + date + nearArg(bands) + " --format json");
            c.chart = Chart.map(mapShapes(ctx, t, d.snapshotDate(), regions));
            return c;
        }
        int every = k.integer("every", 7, 1, 366);
        String key = "series|" + from + "|" + to + "|" + every + "|" + bands;
        TerritorySeries s = ctx.cached(key, () -> t.series(from, to, every, bands));
        String column = figure;
        if (!regions.isEmpty()) {
            if (!figure.equals("occupied_km2") && !figure.equals("population_occupied")) {
                throw k.error("figure", "per-region series have occupied_km2 and population_occupied; '" + figure
                        + "' per region is given for one date (date:)");
            }
        } else if (List.of("area_km2", "population_total", "places_occupied", "occupied_share").contains(figure)) {
            throw k.error("figure", "'" + figure + "' is given for one date (date:), not as a series");
        }
        double[] values = new double[s.dates().size()];
        if (regions.isEmpty()) {
            values = s.column(column);
        } else {
            for (Region r : regions) {
                String col = figure + ":" + r.name();
                double[] rv = s.columns().containsKey(col) ? s.column(col) : new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] += rv[i];
                }
            }
            column = figure + ":" + String.join("+", regions.stream().map(Region::name).toList());
        }
        seriesResult(c, s.dates(), values, column, unit(unit), ctx);
        c.commands.add("nwatch territory series --data " + geo + " --from " + from + " --to " + to + " --every " + every
                + nearArg(bands) + " --shifts " + BriefContext.sh(regions.isEmpty() ? figure
                        : String.join(",", regions.stream().map(r -> figure + ":" + r.name()).toList())) + " --format json");
        return c;
    }

    /** Days a date may lie after the last snapshot and still be read from it. */
    static final int MAX_STALE_DAYS = 7;

    /**
     * Why a date cannot be answered from the snapshots (after the last one by more than a week: the map of that day is
     * not in the data), or null. Before the first snapshot is an error of its own (no map at all).
     */
    static String stale(Territory t, LocalDate d) {
        LocalDate last = t.snapshots().last();
        if (d.isAfter(last.plusDays(MAX_STALE_DAYS))) {
            return "no control map for " + d + ": the snapshots run " + t.snapshots().first() + " to " + last;
        }
        return null;
    }

    private static String nearArg(List<Integer> bands) {
        return bands.equals(Territory.DEFAULT_BANDS_KM) ? "" : " --near " + bands.get(0);
    }

    private static String unit(String u) {
        return switch (u) {
            case "people", "population_total", "places_occupied" -> Computed.COUNT;
            default -> u;
        };
    }

    private static double value(DayStats d, String figure, List<Region> regions, Keys k) {
        if (regions.isEmpty()) {
            return switch (figure) {
                case "occupied_km2" -> d.occupiedKm2();
                case "population_occupied" -> d.populationOccupied();
                case "contact_line_km" -> d.contactLineKm();
                case "area_km2" -> d.regions().stream().mapToDouble(RegionStats::areaKm2).sum();
                case "population_total" -> d.regions().stream().mapToDouble(RegionStats::populationTotal).sum();
                case "places_occupied" -> d.regions().stream().mapToDouble(RegionStats::placesOccupied).sum();
                case "occupied_share" -> d.occupiedKm2() / d.regions().stream().mapToDouble(RegionStats::areaKm2).sum();
                default -> near(d.nearLine(), figure);
            };
        }
        if (figure.equals("contact_line_km")) {
            throw k.error("figure", "the line of contact is measured for all of Ukraine, not per region");
        }
        double sum = 0;
        double area = 0;
        double occ = 0;
        for (Region r : regions) {
            RegionStats rs = d.regions().stream().filter(x -> x.name().equals(r.name())).findFirst().orElseThrow();
            area += rs.areaKm2();
            occ += rs.occupiedKm2();
            sum += switch (figure) {
                case "occupied_km2" -> rs.occupiedKm2();
                case "population_occupied" -> rs.populationOccupied();
                case "area_km2" -> rs.areaKm2();
                case "population_total" -> rs.populationTotal();
                case "places_occupied" -> rs.placesOccupied();
                case "occupied_share" -> 0;
                default -> near(rs.nearLine(), figure);
            };
        }
        return figure.equals("occupied_share") ? occ / area : sum;
    }

    private static double near(List<NearLine> bands, String figure) {
        Matcher m = NEAR.matcher(figure);
        if (!m.matches()) {
            throw new IllegalStateException(figure);
        }
        int km = Integer.parseInt(m.group(1));
        for (NearLine n : bands) {
            if (n.km() == km) {
                return m.group(2).equals("occupied") ? n.occupiedSide() : n.controlledSide();
            }
        }
        throw new IllegalStateException("band " + km + " not computed");
    }

    /** Value = last − first, the series and its change points from the shift detector (TerritoryShifts). */
    private static void seriesResult(Computed c, List<LocalDate> dates, double[] values, String column, String unit, BriefContext ctx) {
        int n = values.length;
        c.value(values[n - 1] - values[0], unit);
        c.field("from_date", dates.get(0).toString()).field("to_date", dates.get(n - 1).toString());
        c.field("from_value", values[0]).field("to_value", values[n - 1]).field("change", values[n - 1] - values[0]);
        c.field("relative", values[0] == 0 ? null : (values[n - 1] - values[0]) / Math.abs(values[0]));
        c.dataFrom = dates.get(0);
        c.dataTo = dates.get(n - 1);
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put(column, values);
        if (n >= 3) {
            ShiftResult r = TerritoryShifts.detect(new TerritorySeries(dates, cols), List.of(column), ShiftOptions.DEFAULT).get(column);
            List<Change> changes = new ArrayList<>();
            for (var cp : r.changes()) {
                // a change is dated by the first snapshot of its new segment; it spans back to the previous one
                LocalDate prev = dates.get(Math.max(0, cp.index() - 1));
                changes.add(new Change(prev.plusDays(1), cp.date(), cp.before().level(), cp.after().level(), cp.relative(), cp.p()));
            }
            c.changes = changes;
            c.field("model", r.model().wire).field("changes", changes.size());
            if (!changes.isEmpty()) {
                Change top = changes.stream().min(java.util.Comparator.comparingDouble(Change::p)).orElseThrow();
                c.field("change_date", top.end().toString());
            }
        } else {
            c.changes = List.of();
            c.notes.add("only " + n + " snapshot dates: too few for change points");
        }
        List<Chart.Marker> markers = new ArrayList<>();
        for (Change ch : c.changes) {
            markers.add(new Chart.Marker(ch.end(), "change " + (ch.up() ? "up" : "down") + " " + ch.end(),
                    ch.up() ? Chart.MarkerKind.CHANGE_UP : Chart.MarkerKind.CHANGE_DOWN));
        }
        c.chart = new Chart(column, List.of(new Chart.Line(column, dates, values, null, null, false)), dates.get(0),
                dates.get(n - 1), List.of(), markers, List.of());
    }

    private Computed focus(Keys k, Keys a, String figure, LocalDate date, LocalDate from, LocalDate to, Territory t,
                           BriefContext ctx, Computed c, String geo) {
        a.allow(Set.of("around", "radius_km", "region", "polygon", "geojson", "name"));
        int given = (a.has("around") ? 1 : 0) + (a.has("polygon") ? 1 : 0) + (a.has("geojson") ? 1 : 0);
        if (given != 1) {
            throw new UserException(a.at(null) + "give one of around: PLACE (with radius_km), polygon: [[lon, lat], ...] or geojson: FILE");
        }
        if (!FocusSeries.COLUMNS.contains(figure)) {
            throw k.error("figure", "a focus area has " + FocusSeries.COLUMNS + ", not '" + figure + "'");
        }
        FocusArea area;
        String areaArgs;
        String areaKey;
        try {
            if (a.has("around")) {
                if (!a.has("radius_km")) {
                    throw new UserException(a.at("around") + "around needs radius_km: R");
                }
                double r = a.number("radius_km", 0);
                areaKey = "around|" + a.text("around") + "|" + a.text("region") + "|" + r;
                area = ctx.cached("focus-area|" + areaKey, () -> FocusArea.around(t, a.text("around"), a.text("region"), r));
                areaArgs = " --around " + BriefContext.sh(a.text("around")) + " --radius-km " + Format.number(r)
                        + (a.has("region") ? " --region " + BriefContext.sh(a.text("region")) : "");
            } else if (a.has("polygon")) {
                Geometry g = FocusArea.ring(a.node.get("polygon"), a.at("polygon").replaceFirst(": $", ""));
                String name = a.text("name") == null ? "polygon" : a.text("name");
                areaKey = "polygon|" + name + "|" + a.node.get("polygon");
                area = ctx.cached("focus-area|" + areaKey, () -> FocusArea.polygon(t, name, g));
                areaArgs = " --polygon " + BriefContext.sh(a.node.get("polygon").toString().replace("\"", ""));
            } else {
                java.nio.file.Path f = ctx.file(a.text("geojson"), a.at("geojson"));
                DataFile h = ctx.hash(f);
                c.files.add(h);
                areaKey = "geojson|" + h.sha256();
                area = ctx.cached("focus-area|" + areaKey, () -> FocusArea.geojson(t, f));
                areaArgs = " --geojson " + BriefContext.sh(f.toString());
            }
        } catch (UserException e) {
            if (e.getMessage().startsWith(k.file)) {
                throw e;
            }
            throw new UserException(a.at(a.has("around") ? "around" : a.has("polygon") ? "polygon" : "geojson") + e.getMessage());
        }
        boolean line = figure.equals("contact_line_km");
        String unit = figure.equals("occupied_share") ? Computed.SHARE : figure.equals("population_occupied") ? Computed.COUNT : figure;
        c.field("area", area.name()).field("area_km2", area.areaKm2()).field("figure", figure);
        if (figure.equals("population_occupied")) {
            c.notes.add("People: " + Territory.POPULATION_NOTE);
        }
        List<Chart.Shape> shapes = new ArrayList<>();
        // one area's rows are measured once per run: figures of the same area (another column, an overlapping
        // window, a date inside it) read no snapshot again
        FocusArea measured = area;
        FocusSeries.Rows rows = ctx.cached("focus-rows|" + areaKey, () -> new FocusSeries.Rows(t, measured, planes(ctx, t)));
        if (date != null) {
            TerritorySeries s = FocusSeries.at(t, rows, date, line);
            c.value(s.column(figure)[0], unit).field("date", date.toString()).field("snapshot_date", s.dates().get(0).toString());
            String note = Territory.substitutionNote(date, s.dates().get(0));
            if (note != null) {
                c.notes.add(note);
            }
            c.commands.add("nwatch territory focus --data " + geo + areaArgs + " --date " + date + " --format json");
            c.chart = Chart.map(focusShapes(t, area, occupied(ctx, t, s.dates().get(0)), s.dates().get(0)));
            return c;
        }
        int every = k.integer("every", 1, 1, 366);
        TerritorySeries s = FocusSeries.series(t, rows, from, to, every, line);
        seriesResult(c, s.dates(), s.column(figure), figure + " in " + area.name(), unit, ctx);
        c.commands.add("nwatch territory focus --data " + geo + areaArgs + " --from " + from + " --to " + to
                + (every == 1 ? "" : " --every " + every) + " --shifts " + figure + " --format json");
        Chart lines = c.chart;
        LocalDate lastDate = s.dates().get(s.dates().size() - 1);
        shapes.addAll(focusShapes(t, area, occupied(ctx, t, lastDate), lastDate));
        c.chart = new Chart(lines.yLabel(), lines.lines(), lines.from(), lines.to(), lines.windows(), lines.markers(), shapes);
        return c;
    }

    /** The occupied area near the focus area on {@code date}, the area's outline and its centre. */
    private static List<Chart.Shape> focusShapes(Territory t, FocusArea area, Geometry occ, LocalDate date) {
        org.locationtech.jts.geom.Envelope env = area.area().getEnvelopeInternal().copy();
        env.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.25);
        Geometry box = area.area().getFactory().toGeometry(env);
        Geometry clipped = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(occ, box,
                org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
        Geometry landBox = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(t.land(), box,
                org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
        List<Chart.Shape> out = new ArrayList<>();
        out.add(new Chart.Shape("land", "land", lonLat(t, landBox, 100)));
        out.add(new Chart.Shape("occupied", "occupied " + date, lonLat(t, clipped, 100)));
        out.add(new Chart.Shape("area", area.name(), lonLat(t, area.area(), 100)));
        return out;
    }

    /** Ukraine's land, the occupied area of {@code date} and the chosen regions' outlines, simplified to ~1 km. */
    static List<Chart.Shape> mapShapes(BriefContext ctx, Territory t, LocalDate date, List<Region> regions) {
        List<Chart.Shape> out = new ArrayList<>();
        out.add(ctx.cached("land-shape", () -> new Chart.Shape("land", "Ukraine", lonLat(t, t.land(), 1500))));
        out.add(ctx.cached("occupied-shape|" + date, () -> new Chart.Shape("occupied", "occupied " + date,
                lonLat(t, occupied(ctx, t, date), 1500))));
        for (Region r : regions) {
            out.add(new Chart.Shape("area", r.name(), lonLat(t, r.area(), 1500)));
        }
        return out;
    }

    /** The snapshot of {@code snapshotDate} in the plane, read once per run (each read scans its archive). */
    static Geometry occupied(BriefContext ctx, Territory t, LocalDate snapshotDate) {
        return planes(ctx, t).get(snapshotDate);
    }

    /** Snapshots kept for the run: every territory figure reads a date once (a daily year of them is some 60 MB). */
    static PlaneSnapshots planes(BriefContext ctx, Territory t) {
        return ctx.cached("plane-snapshots", () -> new PlaneSnapshots(t, 400));
    }

    static Geometry lonLat(Territory t, Geometry plane, double toleranceM) {
        return t.projection().toLonLat(DouglasPeuckerSimplifier.simplify(plane, toleranceM));
    }
}
