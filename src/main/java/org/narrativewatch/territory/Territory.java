package org.narrativewatch.territory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Territory accounting: the regions (clipped to land), the populated places and the control snapshots, prepared
 * once; per date the occupied area and population per region, the line of contact and the population near it.
 *
 * <p>All geometry is measured in the plane of {@link Projection}. Definitions (stated in docs/territory.md):
 * the <em>line of contact</em> is where the occupied area meets a piece of Ukrainian-held land of at least
 * {@code minControlledKm2}, farther than {@code borderToleranceM} from Ukraine's outline, so the state border with
 * Russia/Belarus and the coast do not count (nor the last {@code borderToleranceM} of the line where it meets
 * them). A place lying exactly on the occupied area's boundary counts as occupied (the snapshot polygon is a
 * closed set).
 */
public final class Territory {
    /** Said beside every population figure. */
    public static final String POPULATION_NOTE = "population = census-era residents (GeoNames, mostly pre-2022 census;"
            + " no displacement since 2014/2022) of listed places of 500+ people; villages under 500 are missing";
    public static final List<Integer> DEFAULT_BANDS_KM = List.of(5, 10, 20, 50);
    /** Default distance from Ukraine's outline within which the occupied boundary is border or coast, not front. */
    public static final double DEFAULT_BORDER_TOLERANCE_M = 1500;
    /**
     * Default size below which a piece of land outside the occupied area does not make a front: the snapshot's
     * coastline and lake shores differ from the land layer's, leaving hundreds of slivers (the largest about
     * 80 km² on 2025-08-15, mostly Crimean lagoons and spits) that are coast, not Ukrainian-held ground.
     */
    public static final double DEFAULT_MIN_CONTROLLED_KM2 = 100;

    private final Projection projection = new Projection();
    private final List<Region> regions;
    private final List<PreparedGeometry> preparedRegions;
    private final Geometry land;
    private final Geometry core;
    private final PreparedGeometry preparedCore;
    private final List<Settlement> settlements;
    private final STRtree placeIndex = new STRtree();
    private final Snapshots snapshots;
    private final double borderToleranceM;
    private final double minControlledKm2;

    /**
     * @param regions regions in the plane, not overlapping; their union is Ukraine's land
     * @param snapshots may be null when only plane geometries are passed in
     */
    public Territory(List<Region> regions, List<Settlement> settlements, Snapshots snapshots,
                     double borderToleranceM, double minControlledKm2) {
        this(regions, settlements, snapshots, borderToleranceM, minControlledKm2, null);
    }

    /**
     * @param landAndCore the regions' union and its inward buffer by {@code borderToleranceM}, as computed here
     *                    before (read back from {@link TerritoryCache}), or null to compute them
     */
    Territory(List<Region> regions, List<Settlement> settlements, Snapshots snapshots,
              double borderToleranceM, double minControlledKm2, Geometry[] landAndCore) {
        this.minControlledKm2 = minControlledKm2;
        this.regions = List.copyOf(regions);
        this.preparedRegions = this.regions.stream().map(r -> PreparedGeometryFactory.prepare(r.area())).toList();
        this.settlements = List.copyOf(settlements);
        this.snapshots = snapshots;
        this.borderToleranceM = borderToleranceM;
        this.land = landAndCore != null ? landAndCore[0] : UnaryUnionOp.union(regions.stream().map(Region::area).toList());
        this.core = landAndCore != null ? landAndCore[1] : land.buffer(-borderToleranceM);
        this.preparedCore = PreparedGeometryFactory.prepare(core);
        for (int i = 0; i < this.settlements.size(); i++) {
            placeIndex.insert(this.settlements.get(i).at().getEnvelopeInternal(), i);
        }
        placeIndex.build();
    }

    /** Loads a data folder laid out as ../shared/data/geo: occupied/, regions/, settlements/. */
    public static Territory load(Path dataDir) {
        return TerritoryLoader.load(dataDir, DEFAULT_BORDER_TOLERANCE_M, DEFAULT_MIN_CONTROLLED_KM2);
    }

    public double borderToleranceM() {
        return borderToleranceM;
    }

    public double minControlledKm2() {
        return minControlledKm2;
    }

    public Projection projection() {
        return projection;
    }

    public List<Region> regions() {
        return regions;
    }

    public List<Settlement> settlements() {
        return settlements;
    }

    /** Ukraine's land (union of the regions), in the plane. */
    public Geometry land() {
        return land;
    }

    /** The land farther than {@code borderToleranceM} from its outline (where a front can be). */
    Geometry core() {
        return core;
    }

    public Snapshots snapshots() {
        if (snapshots == null) {
            throw new IllegalStateException("this Territory was built without snapshots");
        }
        return snapshots;
    }

    /** The figures for {@code requested}, from its snapshot or the latest before it. */
    public DayStats stats(LocalDate requested, List<Integer> bandsKm) {
        LocalDate used = snapshots().resolve(requested);
        Geometry occupied = projection.toPlane(snapshots().load(used));
        return stats(requested, used, occupied, bandsKm);
    }

    /**
     * The figures for every snapshot date in [from, to] (either may be null: open), taking every {@code every}-th
     * snapshot date from the first; each snapshot is read once, streaming through its archive.
     */
    public TerritorySeries series(LocalDate from, LocalDate to, int every, List<Integer> bandsKm) {
        if (every < 1) {
            throw new org.narrativewatch.InvalidOptionException("every", "must be at least 1, got " + every);
        }
        List<LocalDate> all = new ArrayList<>(snapshots().dates());
        List<LocalDate> chosen = new ArrayList<>();
        int k = 0;
        for (LocalDate d : all) {
            if ((from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to))) {
                if (k++ % every == 0) {
                    chosen.add(d);
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new org.narrativewatch.UserException("no snapshot between " + (from == null ? "the start" : from)
                    + " and " + (to == null ? "the end" : to) + " (snapshots run " + snapshots().first() + " to "
                    + snapshots().last() + ")");
        }
        java.util.TreeMap<LocalDate, DayStats> byDate = new java.util.TreeMap<>();
        snapshots().forEach(chosen, (d, g) -> byDate.put(d, stats(d, d, projection.toPlane(g), bandsKm)));
        return TerritorySeries.of(new ArrayList<>(byDate.values()));
    }

    /** What {@code scenario} changes against the control map of {@code requested} (or the latest before it). */
    public ScenarioResult scenario(Scenario scenario, LocalDate requested) {
        LocalDate used = snapshots().resolve(requested);
        return scenario(scenario, requested, used, projection.toPlane(snapshots().load(used)));
    }

    /** What {@code scenario} changes against an occupied area given in the plane. */
    public ScenarioResult scenario(Scenario scenario, LocalDate requested, LocalDate used, Geometry occupiedPlane) {
        return new ScenarioEngine(this).apply(scenario, requested, used, occupiedPlane);
    }

    /** A note when {@code used} is not {@code requested}; null otherwise. */
    public static String substitutionNote(LocalDate requested, LocalDate used) {
        return used.equals(requested) ? null
                : "no snapshot dated " + requested + "; using the latest before it, " + used;
    }

    /** The figures for an occupied area given in the plane. */
    public DayStats stats(LocalDate requested, LocalDate used, Geometry occupiedPlane, List<Integer> bandsKm) {
        PreparedGeometry occupied = PreparedGeometryFactory.prepare(occupiedPlane);
        Map<String, long[]> pop = new LinkedHashMap<>();
        boolean[] inOccupied = new boolean[settlements.size()];
        for (int i = 0; i < settlements.size(); i++) {
            Settlement s = settlements.get(i);
            inOccupied[i] = occupied.covers(s.at());
            long[] p = pop.computeIfAbsent(s.region(), k -> new long[4]);
            p[0] += s.population();
            p[2]++;
            if (inOccupied[i]) {
                p[1] += s.population();
                p[3]++;
            }
        }
        Geometry line = contactLine(occupiedPlane);
        List<Integer> bands = bandsKm.stream().sorted().distinct().toList();
        double[] km = distancesKm(line, bands.isEmpty() ? 0 : bands.get(bands.size() - 1));
        List<RegionStats> rows = new ArrayList<>();
        double occupiedKm2 = 0;
        long populationOccupied = 0;
        for (int ri = 0; ri < regions.size(); ri++) {
            Region r = regions.get(ri);
            double km2 = occupiedArea(ri, occupiedPlane) / 1e6;
            long[] p = pop.getOrDefault(r.name(), new long[4]);
            List<NearLine> regionNear = tally(bands, km, inOccupied, i -> settlements.get(i).region().equals(r.name()));
            rows.add(new RegionStats(r.name(), r.iso(), r.areaKm2(), km2, p[0], p[1], (int) p[2], (int) p[3], regionNear));
            occupiedKm2 += km2;
            populationOccupied += p[1];
        }
        List<NearLine> near = tally(bands, km, inOccupied, i -> true);
        return new DayStats(requested, used, substitutionNote(requested, used), rows, occupiedKm2, populationOccupied,
                line.getLength() / 1000, near);
    }

    private double occupiedArea(int region, Geometry occupied) {
        Geometry area = regions.get(region).area();
        // The occupied area's envelope spans half the country; the prepared test spares most overlays.
        if (!area.getEnvelopeInternal().intersects(occupied.getEnvelopeInternal())
                || !preparedRegions.get(region).intersects(occupied)) {
            return 0;
        }
        return OverlayNGRobust.overlay(area, occupied, OverlayNG.INTERSECTION).getArea();
    }

    /**
     * The line of contact in the plane: where the occupied area meets a piece of Ukrainian-held land of at least
     * {@code minControlledKm2}, farther than the border tolerance from Ukraine's outline (state border, coast).
     */
    public Geometry contactLine(Geometry occupiedPlane) {
        GeometryFactory f = land.getFactory();
        if (occupiedPlane.isEmpty() || !preparedCore.intersects(occupiedPlane)) {
            return f.createMultiLineString();
        }
        Geometry held = OverlayNGRobust.overlay(land, occupiedPlane, OverlayNG.DIFFERENCE);
        List<Geometry> pieces = new ArrayList<>();
        for (int i = 0; i < held.getNumGeometries(); i++) {
            Geometry piece = held.getGeometryN(i);
            if (piece.getArea() >= minControlledKm2 * 1e6) {
                pieces.add(piece);
            }
        }
        if (pieces.isEmpty()) {
            return f.createMultiLineString();
        }
        Geometry heldBoundary = f.buildGeometry(pieces).getBoundary();
        Geometry line = OverlayNGRobust.overlay(heldBoundary, core, OverlayNG.INTERSECTION);
        LineMerger merger = new LineMerger();
        merger.add(line);
        @SuppressWarnings("unchecked")
        java.util.Collection<LineString> merged = merger.getMergedLineStrings();
        return f.createMultiLineString(merged.toArray(LineString[]::new));
    }

    /** Each place's distance to the line in km; infinity when the line is empty or farther than {@code maxKm}. */
    private double[] distancesKm(Geometry line, double maxKm) {
        double[] km = new double[settlements.size()];
        Arrays.fill(km, Double.POSITIVE_INFINITY);
        if (!line.isEmpty()) {
            IndexedFacetDistance distance = new IndexedFacetDistance(line);
            org.locationtech.jts.geom.Envelope search = line.getEnvelopeInternal().copy();
            search.expandBy(maxKm * 1000.0);
            for (Object o : placeIndex.query(search)) {
                int i = (Integer) o;
                km[i] = distance.distance(settlements.get(i).at()) / 1000;
            }
        }
        return km;
    }

    /** Population within each band of the line, by side, over the places {@code counted} accepts. */
    private List<NearLine> tally(List<Integer> bands, double[] km, boolean[] inOccupied, java.util.function.IntPredicate counted) {
        List<NearLine> out = new ArrayList<>();
        for (int band : bands) {
            long controlled = 0;
            long occ = 0;
            int placesControlled = 0;
            int placesOcc = 0;
            for (int i = 0; i < km.length; i++) {
                if (km[i] <= band && counted.test(i)) {
                    if (inOccupied[i]) {
                        occ += settlements.get(i).population();
                        placesOcc++;
                    } else {
                        controlled += settlements.get(i).population();
                        placesControlled++;
                    }
                }
            }
            out.add(new NearLine(band, controlled, occ, placesControlled, placesOcc));
        }
        return out;
    }

    /** The distance bands (km) of the setting "near", validated. */
    public static List<Integer> bands(int... km) {
        for (int k : km) {
            if (k <= 0) {
                throw new org.narrativewatch.InvalidOptionException("near", ": distances must be positive km, got " + k);
            }
        }
        return Arrays.stream(km).boxed().sorted().distinct().toList();
    }
}
